import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PingMessage, PingReply } from '@/lib/messages';

type Status =
  { state: 'checking' } | { state: 'ready'; version: string } | { state: 'error'; message: string };

const SITES = ['AI Post Transformers', 'Podimo', 'Spotify', 'Apple Podcasts'];

/** Asks the background whether it is alive; resolves to its reply. */
async function ping(): Promise<PingReply> {
  const message: PingMessage = { type: 'ping' };
  const reply = (await browser.runtime.sendMessage(message)) as PingReply | undefined;
  if (!reply?.ok) throw new Error('no answer from the background');
  return reply;
}

/** The toolbar popup: the name, whether the background answers, and where Citecast works. */
export function Popup() {
  const [status, setStatus] = useState<Status>({ state: 'checking' });

  useEffect(() => {
    let live = true;
    ping().then(
      (reply) => live && setStatus({ state: 'ready', version: reply.version }),
      (error: unknown) =>
        live &&
        setStatus({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <main class="popup">
      <h1 class="popup-title">Citecast</h1>
      <p class="popup-status" data-testid="status" data-state={status.state}>
        {status.state === 'checking' && 'Checking…'}
        {status.state === 'ready' && `Ready · v${status.version}`}
        {status.state === 'error' && `Not ready: ${status.message}`}
      </p>
      <p class="popup-hint">Open an episode page to see the papers it cites.</p>
      <p class="popup-sites">Works on: {SITES.join(', ')}.</p>
    </main>
  );
}
