import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests only. Real-browser tests live in tests/browser and run with `npm run test:browser`.
export default defineConfig({
  // WxtVitest does not pick up wxt.config's vite plugins, so preact() is added here too.
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'lib/**/*.test.ts'],
  },
});
