import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_MATCHES } from '@/lib/hosts';
import { startCitecast } from './start';

/** The automatic content script: on the supported hosts only (lib/hosts.ts). */
export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startCitecast(ctx);
  },
});
