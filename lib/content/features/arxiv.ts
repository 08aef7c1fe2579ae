/**
 * "Find PDFs" on the page: the episode bar's `find-pdfs` button for episodes with
 * title-only sources, each such source's lookup status (looking up, found 96 %, maybe … [use
 * it] [not it], not on arXiv, an error), the resolved source's `open-pdf` (the annotator fills it
 * from the resolved copy this module hands it), and the abstract preview on request.
 *
 * No request leaves the machine from here: the page asks the background, which checks the
 * setting and the optional permission before any lookup. Without them, "Find PDFs" opens the
 * extension's small permission window (content scripts cannot ask for permissions) and carries
 * on by itself once the setting turns on.
 */
import {
  isTitleOnly,
  previewLines,
  resolvedSource,
  statusView,
  summaryCounts,
  type PageArxivStatus,
} from '@/lib/content/arxiv-view';
import { ARXIV_STYLES } from '@/lib/content/arxiv-styles';
import { setEpisodeStatus } from '@/lib/content/controls';
import { rootOf } from '@/lib/content/roots';
import { titleCacheKey } from '@/lib/core/keys';
import type { Feature, Page, SourceInfo } from '@/lib/content/feature';
import { RESOLVE_LIMIT, TITLES_PER_REQUEST } from '@/lib/arxiv/query';
import type { ArxivStatus } from '@/lib/arxiv/status';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { format, t } from '@/lib/i18n/index';
import { LIMITS } from '@/lib/core/limits';
import { onSettingsChanged, readSettings } from '@/lib/settings';
import type { Source } from '@/lib/sources/types';

/** Delay before a hovered abstract button shows its preview. */
const HOVER_MS = 300;

function button(
  document: Document,
  action: string,
  label: string,
  name: string,
): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = label;
  b.title = name;
  b.setAttribute('aria-label', name);
  return b;
}

/**
 * Starts the feature for `page`: `annotator.reread` re-annotates the page once a source's
 * resolution changed, and `annotator.placing` says whether a big list is being placed.
 */
export function createArxivFeature(
  page: Page,
  annotator: { reread(): void; placing(): boolean },
): Feature {
  const { ask } = page.env;
  const refresh = annotator.reread;
  const placing = annotator.placing;
  const statuses = new Map<string, PageArxivStatus>();
  /** Title keys already asked of the cache. */
  const asked = new Set<string>();
  const copies = new WeakMap<Source, { status: PageArxivStatus | undefined; copy: Source }>();
  const originals = new WeakMap<Source, Source>();
  const episodeCopies = new WeakMap<FoundEpisode, { sources: Source[]; copy: FoundEpisode }>();
  const hosts = new Map<HTMLElement, { source: Source; episode: FoundEpisode }>();
  const bars = new Map<ShadowRoot, FoundEpisode>();
  const busy = new Set<ShadowRoot>();
  const metadata = new Map<string, Promise<HTMLElement[]>>();
  let waiting: ShadowRoot | null = null;
  let lookupsOn = false;
  let stopped = false;
  let cacheQueue: Promise<void> = Promise.resolve();

  void readSettings().then((s) => {
    lookupsOn = s.arxivLookup;
    redecorate();
  });
  const stopSettings = onSettingsChanged((s) => {
    lookupsOn = s.arxivLookup;
    redecorate();
    const bar = waiting;
    if (s.arxivLookup && bar) {
      waiting = null;
      const episode = bars.get(bar);
      if (episode && bar.host.isConnected) void findPdfs(episode, bar);
    }
  });

  /** The source as the page first read it (a resolved copy's original). */
  const subjectOf = (source: Source) => originals.get(source) ?? source;
  const keyOf = (source: Source): string | null => {
    const subject = subjectOf(source);
    return isTitleOnly(subject) ? titleCacheKey(subject.title!) : null;
  };

  function copyOf(source: Source): Source {
    const key = keyOf(source);
    const status = key ? statuses.get(key) : undefined;
    const memo = copies.get(source);
    if (memo && memo.status === status) return memo.copy;
    const copy = resolvedSource(source, status) ?? source;
    copies.set(source, { status, copy });
    if (copy !== source) originals.set(copy, source);
    return copy;
  }

  function setStatus(key: string, status: PageArxivStatus): boolean {
    const before = statuses.get(key);
    statuses.set(key, status);
    return (
      (before?.state === 'resolved') !== (status.state === 'resolved') ||
      (before?.state === 'resolved' &&
        status.state === 'resolved' &&
        before.candidate.arxivId !== status.candidate.arxivId)
    );
  }

  /** Shows every status again; re-annotates when a source's resolution changed. */
  function afterChange(resolutionChanged: boolean): void {
    if (stopped) return;
    if (resolutionChanged) refresh();
    redecorate();
  }

  function redecorate(): void {
    if (stopped) return;
    for (const [host, { source, episode }] of hosts) {
      if (!host.isConnected) hosts.delete(host);
      else decorateSource(host, source, episode);
    }
    for (const [root, episode] of bars) {
      if (!root.host.isConnected) bars.delete(root);
      else decorateEpisode(root, episode);
    }
  }

  /** Asks the background's cache (never the network) about titles not seen yet, in turn. */
  function askCache(sources: Source[]): void {
    cacheQueue = cacheQueue.then(async () => {
      // Not while a big list is being placed in slices: the answers can wait a moment, and the
      // background's work would compete with the page for the machine (npm run bench).
      while (placing() && !stopped) await new Promise((resolve) => setTimeout(resolve, 100));
      for (let i = 0; i < sources.length && !stopped; i += RESOLVE_LIMIT) {
        const part = sources.slice(i, i + RESOLVE_LIMIT);
        const reply = await ask('resolveTitles', {
          sources: part.map(querySource),
          cacheOnly: true,
        });
        if (stopped || !reply.ok) return;
        let changed = false;
        for (const item of reply.value) {
          if (item.key && item.status.state !== 'pending' && !statuses.has(item.key)) {
            changed = setStatus(item.key, item.status) || changed;
          }
        }
        afterChange(changed);
      }
    });
  }

  function querySource(source: Source): { title: string; authors: string[] } {
    return {
      title: source.title!.slice(0, LIMITS.title),
      authors: source.authors.slice(0, LIMITS.authors).map((a) => a.slice(0, LIMITS.author)),
    };
  }

  function prune(): void {
    for (const host of hosts.keys()) if (!host.isConnected) hosts.delete(host);
    for (const root of bars.keys()) if (!root.host.isConnected) bars.delete(root);
  }

  function apply(found: FoundEpisode[]): FoundEpisode[] {
    const unknown: Source[] = [];
    const out = found.map((episode) => {
      const sources = episode.sources.map((source) => {
        const key = keyOf(source);
        if (key && !asked.has(key)) {
          asked.add(key);
          unknown.push(source);
        }
        return key ? copyOf(source) : source;
      });
      if (sources.every((s, i) => s === episode.sources[i])) return episode;
      const memo = episodeCopies.get(episode);
      if (memo && memo.sources.every((s, i) => s === sources[i])) return memo.copy;
      const copy = { ...episode, sources };
      episodeCopies.set(episode, { sources, copy });
      return copy;
    });
    if (unknown.length > 0) askCache(unknown);
    return out;
  }

  /**
   * The slot a source's arXiv decorations sit in, from what the page's text says of it alone:
   * `lookup` for a title-only source (its status and actions, and the abstract once resolved),
   * `info` for one with an arXiv id (the abstract, when lookups are on), else none. The slot is
   * there, of one width, whatever it holds, so the host's size never says what this listener
   * looked up, linked or turned on.
   */
  function slotOf(source: Source): 'lookup' | 'info' | null {
    const subject = subjectOf(source);
    if (isTitleOnly(subject)) return 'lookup';
    return subject.arxivId !== null ? 'info' : null;
  }

  function decorateSource(host: HTMLElement, source: Source, episode: FoundEpisode): void {
    const root = rootOf(host);
    if (!root || stopped) return;
    hosts.set(host, { source, episode });
    const group = root.querySelector('.group');
    if (!group) return;
    const key = keyOf(source);
    const status = key ? statuses.get(key) : undefined;
    const view = status ? statusView(status) : null;
    const info = lookupsOn && source.arxivId !== null;
    const slot = slotOf(source);
    const sig = JSON.stringify([
      slot,
      view?.state,
      view?.label,
      view?.actions,
      info,
      source.arxivId,
    ]);
    const existing = root.querySelector<HTMLElement>('.arxiv');
    if (existing?.dataset.sig === sig && existing.parentNode === group) return;
    existing?.remove();
    root.querySelector('.arxiv-preview')?.remove();
    if (!slot) return;
    page.env.adoptStyles(root, ARXIV_STYLES);
    const document = host.ownerDocument;
    const box = document.createElement('span');
    box.className = 'arxiv';
    box.dataset.slot = slot;
    box.dataset.sig = sig;
    if (view) {
      box.dataset.arxivState = view.state;
      const label = document.createElement('span');
      label.className = 'arxiv-label';
      label.textContent = view.label;
      label.title = view.name;
      if (view.state === 'looking' || view.state === 'error') label.setAttribute('role', 'status');
      box.append(label);
      for (const action of view.actions) {
        const names = {
          'arxiv-use': ['arxiv.use', 'arxiv.useName'],
          'arxiv-not': ['arxiv.notThis', 'arxiv.notThisName'],
          'arxiv-unlink': ['arxiv.unlink', 'arxiv.unlinkName'],
        } as const;
        box.append(button(document, action, t(names[action][0]), t(names[action][1])));
      }
    }
    if (info) {
      const more = button(document, 'arxiv-info', t('arxiv.info'), t('arxiv.infoName'));
      more.setAttribute('aria-expanded', 'false');
      let timer: ReturnType<typeof setTimeout> | undefined;
      // A preview fetches from arXiv: only the user's own pointer and focus open one.
      more.addEventListener('mouseenter', (event) => {
        if (page.env.isTrusted(event))
          timer = setTimeout(() => void showPreview(host, false), HOVER_MS);
      });
      more.addEventListener('mouseleave', () => {
        clearTimeout(timer);
        hidePreview(host, false);
      });
      more.addEventListener('focus', (event) => {
        if (page.env.isTrusted(event)) void showPreview(host, false);
      });
      more.addEventListener('blur', () => hidePreview(host, false));
      box.append(more);
    }
    group.append(box);
  }

  /** The preview's content for the host's paper (asked once per paper and episode date). */
  function previewContent(host: HTMLElement): Promise<HTMLElement[]> {
    const entry = hosts.get(host);
    const document = host.ownerDocument;
    const line = (className: string, text: string) => {
      const el = document.createElement('div');
      el.className = className;
      el.textContent = text;
      return el;
    };
    if (!entry?.source.arxivId) return Promise.resolve([]);
    const { source, episode } = entry;
    const id = source.arxivId!;
    const memoKey = JSON.stringify([id, episode.published, source.arxivVersion]);
    let content = metadata.get(memoKey);
    if (!content) {
      content = ask('arxivMetadata', {
        arxivId: id,
        episodeDate: episode.published,
        citedVersion: source.arxivVersion,
      }).then((reply) => {
        if (!reply.ok) return [line('p-revision', reply.error.message)];
        if (!reply.value.ok) {
          const view = statusView(reply.value.status);
          return [line('p-revision', view?.label ?? t('arxiv.error.bad-answer'))];
        }
        const lines = previewLines(reply.value.metadata);
        const revision = line('p-revision', lines.revision);
        revision.dataset.revised = String(lines.revised);
        return [
          line('p-title', lines.title),
          line('p-authors', lines.authors),
          line('p-versions', lines.versions),
          revision,
          line('p-summary', lines.summary),
        ];
      });
      metadata.set(memoKey, content);
      // A failure (no permission, offline) is asked again next time.
      void content.then((els) => {
        if (els.length === 1) metadata.delete(memoKey);
      });
    }
    return content;
  }

  async function showPreview(host: HTMLElement, pin: boolean): Promise<void> {
    const root = rootOf(host);
    if (!root || stopped) return;
    let panel = root.querySelector<HTMLElement>('.arxiv-preview');
    const opener = root.querySelector('button[data-action="arxiv-info"]');
    if (panel) {
      if (pin) panel.dataset.pinned = 'true';
      return;
    }
    panel = host.ownerDocument.createElement('div');
    panel.className = 'arxiv-preview';
    panel.setAttribute('role', 'tooltip');
    panel.id = 'citecast-arxiv-preview';
    if (pin) panel.dataset.pinned = 'true';
    panel.textContent = t('arxiv.loading');
    root.append(panel);
    opener?.setAttribute('aria-expanded', 'true');
    opener?.setAttribute('aria-describedby', panel.id);
    const lines = await previewContent(host);
    if (panel.isConnected) panel.replaceChildren(...lines.map((l) => l.cloneNode(true)));
  }

  function hidePreview(host: HTMLElement, force: boolean): void {
    const root = rootOf(host);
    const panel = root?.querySelector<HTMLElement>('.arxiv-preview');
    if (!panel || (!force && panel.dataset.pinned === 'true')) return;
    panel.remove();
    root?.querySelector('button[data-action="arxiv-info"]')?.setAttribute('aria-expanded', 'false');
  }

  function decorateEpisode(root: ShadowRoot, episode: FoundEpisode): void {
    if (stopped) return;
    bars.set(root, episode);
    let find = root.querySelector<HTMLButtonElement>('button[data-action="find-pdfs"]');
    if (!find) {
      const bar = root.querySelector('.bar');
      if (!bar) return;
      find = button(root.ownerDocument, 'find-pdfs', t('arxiv.find'), t('arxiv.findName'));
      bar.append(find);
    }
    const hasTitleOnly = episode.sources.some((s) => keyOf(s) !== null);
    if (find.hidden === hasTitleOnly) find.hidden = !hasTitleOnly;
    const disabled = busy.has(root);
    if (find.disabled !== disabled) find.disabled = disabled;
  }

  function say(bar: ShadowRoot, text: string, error = false): void {
    if (bar.host.isConnected) setEpisodeStatus(bar, text, error);
  }

  /** Looks up the episode's title-only sources that have no answer yet, a few at a time. */
  async function findPdfs(episode: FoundEpisode, bar: ShadowRoot): Promise<void> {
    if (busy.has(bar) || stopped) return;
    const byKey = new Map<string, Source>();
    for (const source of episode.sources) {
      const key = keyOf(source);
      const state = key ? statuses.get(key)?.state : undefined;
      if (!key || byKey.has(key)) continue;
      if (state === 'resolved' || state === 'weak' || state === 'none') continue;
      byKey.set(key, subjectOf(source));
    }
    const all = [...new Set(episode.sources.map(keyOf).filter((k): k is string => k !== null))];
    const summarise = () => {
      const c = summaryCounts(all.map((k) => statuses.get(k) ?? { state: 'pending' }));
      say(bar, format(t('arxiv.summary'), c), c.errors > 0);
    };
    if (byKey.size === 0) return summarise();
    busy.add(bar);
    decorateEpisode(bar, episode);
    try {
      const access = await ask('arxivAccess', {});
      if (stopped) return;
      if (!access.ok) return say(bar, access.error.message, true);
      if (!access.value.permission || !access.value.setting) {
        waiting = bar;
        const opened = await ask('openArxivGrant', {});
        say(bar, opened.ok ? t('arxiv.needsPermission') : opened.error.message, !opened.ok);
        return;
      }
      const entries = [...byKey.entries()];
      for (const [key] of entries) statuses.set(key, { state: 'looking' });
      redecorate();
      let done = 0;
      for (let i = 0; i < entries.length && !stopped; i += TITLES_PER_REQUEST) {
        const part = entries.slice(i, i + TITLES_PER_REQUEST);
        say(bar, format(t('arxiv.progress'), { done, total: entries.length }));
        const reply = await ask('resolveTitles', {
          sources: part.map(([, s]) => querySource(s)),
          cacheOnly: false,
        });
        if (stopped) return;
        let changed = false;
        if (!reply.ok) {
          for (const [key] of part) statuses.delete(key);
          say(bar, reply.error.message, true);
          afterChange(false);
          return;
        }
        for (const item of reply.value) {
          if (item.key) changed = setStatus(item.key, item.status) || changed;
        }
        done += part.length;
        afterChange(changed);
      }
      summarise();
    } finally {
      busy.delete(bar);
      if (!stopped) decorateEpisode(bar, bars.get(bar) ?? episode);
    }
  }

  /** The user's link or unlink of a source's title. */
  async function correct(
    source: Source,
    status: ArxivStatus | PageArxivStatus | undefined,
    link: boolean,
  ): Promise<void> {
    const subject = subjectOf(source);
    const key = keyOf(source);
    if (!key || !subject.title) return;
    const title = subject.title.slice(0, LIMITS.title);
    const reply =
      link && status && 'candidate' in status
        ? await ask('linkArxiv', { title, arxivId: status.candidate.arxivId })
        : await ask('unlinkArxiv', { title });
    if (stopped) return;
    if (!reply.ok) {
      const bar = [...bars].find(([, e]) => e.sources.includes(source))?.[0];
      if (bar) say(bar, reply.error.message, true);
      return;
    }
    afterChange(setStatus(key, reply.value));
  }

  /** The user's link (`use`) or unlink of the title of `info`'s source. */
  function correctSource(info: SourceInfo, link: boolean): void {
    const key = keyOf(info.source);
    void correct(info.source, key ? statuses.get(key) : undefined, link);
  }

  return {
    present: apply,
    ended: prune,
    decorateSource: (info) => decorateSource(info.host, info.source, info.episode.episode),
    decorateEpisode: (info, root) => decorateEpisode(root, info.episode),
    episode: {
      'find-pdfs'(info) {
        const bar = rootOf(info.host);
        if (bar) void findPdfs(info.episode, bar);
      },
    },
    source: {
      'arxiv-use': (info) => correctSource(info, true),
      'arxiv-not': (info) => correctSource(info, false),
      'arxiv-unlink': (info) => correctSource(info, false),
      'arxiv-info'(info) {
        const open = rootOf(info.host)?.querySelector<HTMLElement>('.arxiv-preview');
        if (open?.dataset.pinned === 'true') hidePreview(info.host, true);
        else void showPreview(info.host, true);
      },
    },
    stop() {
      stopped = true;
      stopSettings();
    },
  };
}
