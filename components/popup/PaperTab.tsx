/**
 * The popup's top section on a paper's page (arXiv, Hugging Face, alphaXiv, OpenReview): the
 * episodes of the show citing it, with the listener's state and links. Opening the popup is the
 * request: it reads only the tab's address (`activeTab`), with no script in the page, so it
 * answers also where paper pages are not allowed. Until the listener answers it once, it
 * offers to show the same on the paper pages themselves (lib/paper-scripts.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { useSettings, useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { isHttpUrl } from '@/lib/core/urls';
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import { isPaperPage } from '@/lib/paper-pages';
import { requestPaperPages } from '@/lib/paper-scripts';
import { writeSettings } from '@/lib/settings';
import type { Discussed } from '@/lib/store/discussed';
import { formatDay, formatDuration, formatIsoDate } from '@/lib/ui/dates';

/** See the module comment. */
export function PaperTab() {
  const { ask, openTab, activeTabUrl } = useServices();
  const tr = useT();
  const { t } = tr;
  const [found, setFound] = useState<Discussed | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const [onPaper, setOnPaper] = useState(false);
  useEffect(() => {
    let live = true;
    void (async () => {
      const url = (await activeTabUrl?.()) ?? null;
      if (!live || !url || !isPaperPage(url)) return;
      setOnPaper(true);
      const reply = await ask('discussedIn', { url, title: null });
      if (!live) return;
      if (reply.ok) setFound(reply.value);
      else setError(reply.error);
    })();
    return () => {
      live = false;
    };
  }, []);
  const settings = useSettings();
  const [offerStatus, setOfferStatus] = useState<string | null>(null);
  if (!onPaper) return null;
  const offer = !settings.paperPages && !settings.paperPagesOffered;
  const accept = () => {
    // First thing in the click: the browser grants optional permissions only inside it.
    const asking = requestPaperPages();
    void asking.then((outcome) => {
      if (outcome !== 'granted') {
        setOfferStatus(t(outcome === 'refused' ? 'settings.paperRefused' : 'settings.paperError'));
      }
      return writeSettings({ paperPagesOffered: true });
    });
  };
  const decline = () => void writeSettings({ paperPagesOffered: true });
  return (
    <section class="paper-tab" data-testid="paper-tab" aria-labelledby="discussed-heading">
      <h2 id="discussed-heading" class="popup-h2">
        {t('popup.discussedIn')}
      </h2>
      {error && (
        <p class="notice notice-error" role="alert">
          {t('error.store', { message: errorText(error, tr.locale) })}
        </p>
      )}
      {found && found.episodes.length === 0 && <p class="muted">{t('popup.discussedNone')}</p>}
      {found && found.episodes.length > 0 && (
        <ul class="listen-list">
          {found.episodes.map((e) => {
            const title = e.title ?? t('untitledEpisode');
            const url = e.url && isHttpUrl(e.url) ? e.url : null;
            return (
              <li key={e.key} data-testid="discussed-row" data-state={e.state}>
                {url ? (
                  <a
                    href={url}
                    data-episode={e.key}
                    target="_blank"
                    rel="noopener noreferrer"
                    class="line-title"
                    onClick={(event) => {
                      event.preventDefault();
                      openTab(url);
                    }}
                  >
                    {title}
                  </a>
                ) : (
                  <span class="line-title">{title}</span>
                )}
                <span class="line-meta">
                  {e.published && <>{formatIsoDate(e.published, tr.intl)} · </>}
                  <span class={`chip listen-${e.state}`}>
                    {e.state === 'heard' && e.heardAt !== null
                      ? t('popup.discussedHeard', { date: formatDay(e.heardAt, tr.intl) })
                      : e.state === 'in_progress'
                        ? t('popup.discussedAt', { time: formatDuration(e.position) })
                        : t('listen.unheard')}
                  </span>
                  {e.otherPapers > 0 && <> · {t('popup.discussedOthers', { n: e.otherPapers })}</>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {(offer || offerStatus) && (
        <div class="notice" data-testid="paper-offer">
          <p>
            <strong>{t('popup.paperOffer')}</strong> {t('popup.paperOfferWhat')}
          </p>
          {offer && (
            <p class="buttons">
              <button type="button" class="primary" data-testid="paper-offer-yes" onClick={accept}>
                {t('popup.paperOfferYes')}
              </button>{' '}
              <button type="button" data-testid="paper-offer-no" onClick={decline}>
                {t('popup.paperOfferNo')}
              </button>
            </p>
          )}
          {offerStatus && (
            <p class="error-text" role="status">
              {offerStatus}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
