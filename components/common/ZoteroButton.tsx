/**
 * "Send to Zotero" on Citecast's own pages (the library's selection, the popup's tab): asks for
 * Zotero's port in the click itself the first time (browsers grant optional permissions only
 * there), confirms before sending a paper again, names the collection the papers went into, and
 * when Zotero is not there says so and offers the RIS file instead.
 */
import { useState } from 'preact/hooks';
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import type { SavableSource } from '@/lib/core/paper';
import { formatDay } from '@/lib/ui/dates';
import { downloadText } from '@/lib/ui/download';
import { requestZoteroAccess } from '@/lib/zotero/grant';
import type { AlreadySent } from '@/lib/zotero/send';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'confirm'; already: AlreadySent[] }
  | { kind: 'sent'; text: string }
  | { kind: 'error'; error: MessageError }
  | { kind: 'denied' };

/** See the module comment. `keys`: saved papers; `sources`: a page's sources as it shows them. */
export function ZoteroButton(props: {
  keys?: readonly string[];
  sources?: readonly SavableSource[];
  disabled?: boolean;
}) {
  const { ask } = useServices();
  const { t, locale, count, intl } = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const keys = [...(props.keys ?? [])];
  const sources = [...(props.sources ?? [])];

  const send = async (resend: boolean) => {
    setState({ kind: 'sending' });
    const reply = await ask('zoteroSend', { keys, sources, resend });
    if (!reply.ok) return setState({ kind: 'error', error: reply.error });
    const value = reply.value;
    if (value.status === 'permission') return setState({ kind: 'denied' });
    if (value.status === 'confirm') return setState({ kind: 'confirm', already: value.already });
    const sent = t('zotero.sent', {
      papers: count('count.papers', value.count),
      collection: value.collection,
    });
    setState({
      kind: 'sent',
      text: value.pdfs > 0 ? `${sent} ${t('zotero.sentPdfs', { n: value.pdfs })}` : sent,
    });
  };

  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    // Asked first, in the click: the browser grants optional permissions only there. When it is
    // granted already, the browser answers at once without asking.
    const asking = requestZoteroAccess(false);
    setState({ kind: 'sending' });
    void asking.then((outcome) =>
      outcome === 'granted' ? send(false) : setState({ kind: 'denied' }),
    );
  };

  const saveRis = async () => {
    const reply =
      keys.length > 0
        ? await ask('exportPapers', { keys, format: 'ris' })
        : await ask('sourcesRis', { sources });
    if (!reply.ok) return setState({ kind: 'error', error: reply.error });
    // RIS's media type, written here rather than read from lib/export/formats.ts: the popup is
    // one classic script, into which that table's lazily loaded writers (citation-js) would be
    // inlined.
    downloadText(
      document,
      reply.value.text,
      reply.value.filename,
      'application/x-research-info-systems',
    );
  };

  return (
    <span class="zotero-send" data-testid="zotero-send">
      <button
        type="button"
        data-action="zotero"
        disabled={
          props.disabled || state.kind === 'sending' || (keys.length === 0 && sources.length === 0)
        }
        onClick={onClick}
      >
        {state.kind === 'sending' ? t('zotero.sending') : t('zotero.send')}
      </button>
      {state.kind === 'confirm' && (
        <span role="alertdialog" class="zotero-message" data-testid="zotero-confirm">
          {t('zotero.confirm', { papers: count('count.papers', state.already.length) })}
          <ul>
            {state.already.map((a) => (
              <li key={a.key}>
                {a.title ?? a.key}:{' '}
                {a.sentAt !== null
                  ? t('zotero.sentBefore', { date: formatDay(a.sentAt, intl) })
                  : t('zotero.inLibrary')}
              </li>
            ))}
          </ul>
          <button type="button" data-action="zotero-resend" onClick={() => void send(true)}>
            {t('zotero.sendAgain')}
          </button>{' '}
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t('zotero.cancel')}
          </button>
        </span>
      )}
      {state.kind === 'sent' && (
        <span role="status" class="zotero-message" data-testid="zotero-status">
          {state.text}
        </span>
      )}
      {state.kind === 'denied' && (
        <span role="status" class="zotero-message" data-testid="zotero-status">
          {t('zotero.denied')}
        </span>
      )}
      {state.kind === 'error' && (
        <span role="alert" class="zotero-message error" data-testid="zotero-error">
          {errorText(state.error, locale)}{' '}
          <button type="button" data-action="zotero-ris" onClick={() => void saveRis()}>
            {t('zotero.saveRis')}
          </button>
        </span>
      )}
    </span>
  );
}
