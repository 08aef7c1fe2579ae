import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_idle',
  main() {
    // Marks the page so smoke tests and the demo can tell the content script ran.
    // Annotation (citecast-episode / citecast-source elements) comes in a later issue.
    document.documentElement.dataset.citecast = 'ready';
  },
});
