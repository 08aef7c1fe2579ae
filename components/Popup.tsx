import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PingMessage, PingReply } from '@/lib/messages';
import { READ_PAGE_MESSAGE, type ReadPageMessage, type ReadPageReply } from '@/lib/read-page';

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

type ReadState =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'done' }
  | { state: 'error'; message: string };

/**
 * Has the background read and annotate the active tab (lib/read-page.ts): the click on the
 * popup's button is the gesture that grants `activeTab` for it.
 */
async function readActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no tab to read');
  const message: ReadPageMessage = { type: READ_PAGE_MESSAGE, tabId: tab.id };
  const reply = (await browser.runtime.sendMessage(message)) as ReadPageReply | undefined;
  if (!reply) throw new Error('no answer from the background');
  if (!reply.ok) throw new Error(reply.error);
}

/**
 * The toolbar popup: the name, whether the background answers, where Citecast works, and "Read
 * this page" for any other page.
 */
export function Popup() {
  const [status, setStatus] = useState<Status>({ state: 'checking' });
  const [read, setRead] = useState<ReadState>({ state: 'idle' });

  const onRead = () => {
    setRead({ state: 'reading' });
    readActiveTab().then(
      () => setRead({ state: 'done' }),
      (error: unknown) =>
        setRead({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };

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
      <p class="popup-read">
        <button
          type="button"
          data-testid="read-page"
          disabled={read.state === 'reading'}
          onClick={onRead}
          title="Alt+Shift+C"
        >
          Read this page
        </button>{' '}
        <span data-testid="read-status" data-state={read.state} role="status">
          {read.state === 'reading' && 'Reading…'}
          {read.state === 'done' && 'Done: see the page.'}
          {read.state === 'error' && `Could not read it: ${read.message}`}
        </span>
      </p>
    </main>
  );
}
