/**
 * Zotero on the page: a source's `zotero` sends it to the Zotero app, and its host marks papers
 * the user's Zotero library holds (listener state, so only inside the closed roots; the
 * background answers only once the user turned the marks on). Without the permission yet, the
 * background's window asks for it; papers sent before are sent again only when the user says so;
 * when Zotero is not there, the reason is shown with the RIS file offered instead.
 */
import { canSave, setInZotero } from '@/lib/content/controls';
import type { EpisodeInfo, Feature, Page, SourceInfo } from '@/lib/content/feature';
import { savable } from '@/lib/content/features/save';
import { buildAskPanel } from '@/lib/content/panels';
import { changedKeys, chunks } from '@/lib/content/states';
import { format, t } from '@/lib/i18n/index';
import { LIMITS } from '@/lib/core/limits';
import { type RequestData } from '@/lib/protocol/requests';

/** The Zotero feature, and the send the choose panel uses. */
export interface ZoteroFeature extends Feature {
  send(info: EpisodeInfo, list: readonly SourceInfo[], opener: HTMLElement): Promise<void>;
}

/** Starts the Zotero feature for `page`. */
export function createZoteroFeature(page: Page): ZoteroFeature {
  const { env } = page;
  const inZotero = new Map<string, boolean>();
  /** Paper keys asked about already (a re-read asks only for new ones). */
  const asked = new Set<string>();

  async function askMarks(keys: readonly string[]): Promise<void> {
    for (const part of chunks(keys, LIMITS.keys)) {
      const reply = await env.ask('zoteroMarks', { keys: part });
      if (page.stopped() || !reply.ok || reply.value.status !== 'on') return;
      const held = new Set(reply.value.inZotero);
      for (const key of part) inZotero.set(key, held.has(key));
    }
    page.renderSoon();
  }

  /** Offers `sources` as a RIS file, saved from inside the episode's closed root. */
  async function saveRis(
    info: EpisodeInfo,
    sources: RequestData<'sourcesRis'>['sources'],
  ): Promise<void> {
    const reply = await env.ask('sourcesRis', { sources });
    const root = page.rootOf(info.host);
    if (page.stopped() || !root) return;
    if (!reply.ok) return page.say(info, reply.error.message, true);
    const url = URL.createObjectURL(
      new Blob([reply.value.text], { type: 'application/x-research-info-systems' }),
    );
    const a = env.document.createElement('a');
    a.href = url;
    a.download = reply.value.filename;
    a.hidden = true;
    root.append(a);
    a.click();
    a.remove();
    // Released a moment later: the download starts after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function send(
    info: EpisodeInfo,
    list: readonly SourceInfo[],
    opener: HTMLElement,
    resend = false,
  ): Promise<void> {
    const sources = list.filter((s) => canSave(s.source)).map((s) => savable(s.source));
    if (!page.rootOf(info.host) || sources.length === 0) return;
    const reply = await env.ask('zoteroSend', { keys: [], sources, resend });
    if (page.stopped()) return;
    const ask = (question: string, id: string, label: string, name: string, yes: () => void) =>
      page.showPanel(
        info,
        opener,
        buildAskPanel(
          env,
          question,
          { id, label, name },
          () => {
            page.closePanels();
            yes();
          },
          () => page.closePanels(),
        ),
      );
    if (!reply.ok) {
      return ask(reply.error.message, 'zotero-ris', t('zoteroRis'), t('zoteroRisName'), () => {
        void saveRis(info, sources);
      });
    }
    const answer = reply.value;
    if (answer.status === 'permission') {
      void env.ask('openZoteroGrant', {});
      return page.say(info, t('zoteroAllow'), false, true);
    }
    if (answer.status === 'confirm') {
      const question = format(t('zoteroAsk'), { n: answer.already.length });
      return ask(question, 'zotero-resend', t('zoteroResend'), t('zoteroResend'), () => {
        void send(info, list, opener, true);
      });
    }
    page.say(info, format(t('zoteroSent'), { n: answer.count, collection: answer.collection }));
  }

  return {
    send: (info, list, opener) => send(info, list, opener),
    source: { zotero: (s, button) => void send(s.episode, [s], button) },
    placed(episodes) {
      const fresh: string[] = [];
      for (const e of episodes) {
        for (const s of e.sources) {
          if (s.key && !asked.has(s.key)) fresh.push(s.key);
          if (s.key) asked.add(s.key);
        }
      }
      if (fresh.length > 0) void askMarks(fresh);
    },
    storeChanged(change) {
      if (change.kind !== 'papers') return;
      const onPage = new Set(page.episodes().flatMap((e) => e.sources.map((s) => s.key ?? '')));
      const keys = changedKeys(change.keys, onPage);
      if (keys.length > 0) void askMarks(keys);
    },
    decorateSource(info, root) {
      if (info.key) setInZotero(root, inZotero.get(info.key) === true);
    },
  };
}
