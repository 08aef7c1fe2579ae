/**
 * The toolbar popup: whether the background answers, this tab's episodes with their actions,
 * "Read this page", the search over saved papers with the recent saves, the recent listens, and
 * links into the library. Focus starts in the search field; Tab goes through the rest in order.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { PaperSearch } from '@/components/popup/PaperSearch';
import { RecentListens } from '@/components/popup/RecentListens';
import { PaperTab } from '@/components/popup/PaperTab';
import { ThisTab } from '@/components/popup/ThisTab';
import type { PingMessage, PingReply, ReplyOf } from '@/lib/protocol/client';
import { SITE_INFO } from '@/lib/sites';
import { SECTIONS } from '@/lib/ui/sections';
import { POPUP_KEY } from '@/lib/ui/shortcuts';

type Status =
  { state: 'checking' } | { state: 'ready'; version: string } | { state: 'error'; message: string };

type ReadState =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'done' }
  | { state: 'error'; message: string };

/** The library's sections, in the nav's order. */
export const LIBRARY_SECTIONS = SECTIONS;

/** Asks the background whether it is alive; resolves to its reply. */
async function ping(): Promise<PingReply> {
  const message: PingMessage = { type: 'ping' };
  const reply = (await browser.runtime.sendMessage(message)) as PingReply | undefined;
  if (!reply?.ok) throw new Error('no answer from the background');
  return reply;
}

/** See the module comment. `firstPage`: the recent saves, asked for before the first render. */
export function Popup(props: {
  ping?: () => Promise<PingReply>;
  firstPage?: Promise<ReplyOf<'recentSaves'>>;
}) {
  const { readActiveTab, openLibrary } = useServices();
  const { t } = useT();
  const [status, setStatus] = useState<Status>({ state: 'checking' });
  const [read, setRead] = useState<ReadState>({ state: 'idle' });
  const [refresh, setRefresh] = useState(0);
  const [found, setFound] = useState<number | null>(null);
  // The rest of the popup asks its questions once the search's first rows are painted: with a big
  // library they answered alongside the first page and held its rows back (`npm run bench`,
  // `popup.first_render_ratio`), while the empty popup paid nothing for them.
  const [searchShown, setSearchShown] = useState(false);

  useEffect(() => {
    let live = true;
    (props.ping ?? ping)().then(
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

  const onRead = () => {
    setRead({ state: 'reading' });
    readActiveTab().then(
      () => {
        setRead({ state: 'done' });
        // The injected reader needs a moment for its first read; then ask the tab again.
        setTimeout(() => setRefresh((n) => n + 1), 400);
      },
      (error: unknown) =>
        setRead({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1 class="popup-title">Citecast</h1>
        <p class="popup-status" data-testid="status" data-state={status.state}>
          {status.state === 'checking' && t('status.checking')}
          {status.state === 'ready' && t('status.ready', { version: status.version })}
          {status.state === 'error' && t('status.error', { message: status.message })}
        </p>
      </header>
      {searchShown && <PaperTab />}
      <PaperSearch autoFocus firstPage={props.firstPage} onShown={() => setSearchShown(true)} />
      {searchShown && <ThisTab refresh={refresh} onFound={setFound} />}
      {found === 0 && (
        <section class="popup-hint" aria-label={t('popup.thisPage')}>
          <p>{t('popup.noEpisodes')}</p>
          <p class="muted">{t('popup.noEpisodesHint')}</p>
          <p class="muted">
            {t('popup.sites', { sites: SITE_INFO.map((site) => site.label).join(', ') })}
          </p>
        </section>
      )}
      <p class="popup-read">
        <button
          type="button"
          data-testid="read-page"
          disabled={read.state === 'reading'}
          onClick={onRead}
          title="Alt+Shift+C"
        >
          {t('popup.readPage')}
        </button>{' '}
        <span data-testid="read-status" data-state={read.state} role="status">
          {read.state === 'reading' && t('popup.reading')}
          {read.state === 'done' && t('popup.readDone')}
          {read.state === 'error' && t('popup.readError', { message: read.message })}
        </span>
      </p>
      {searchShown && <RecentListens />}
      <nav class="popup-nav" aria-label={t('popup.library')}>
        {LIBRARY_SECTIONS.map((section) => (
          <a
            key={section}
            href={`/library.html#${section}`}
            data-section={section}
            onClick={(event) => {
              event.preventDefault();
              openLibrary(section);
            }}
          >
            {t(`nav.${section}`)}
          </a>
        ))}
      </nav>
      <p class="popup-shortcut muted">{t('popup.shortcut', { key: POPUP_KEY })}</p>
    </main>
  );
}
