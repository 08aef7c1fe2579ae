/**
 * The listening part of an episode bar: the episode's state (new / in progress, with the bar's
 * `heard` toggle saying heard) and "Resume at 23:10" when the page can play it. Built with DOM
 * calls into the bar's closed shadow root, next to the `heard` toggle, on first use. Both sit in
 * slots of a fixed width that stay in place, only unseen, when they have nothing to say: the
 * host page must not tell one state from another by the bar's size, and nothing of it is on the
 * host.
 */
import { format, t } from '@/lib/i18n/index';
import type { ListenState } from '@/lib/store/schema';
import { formatClock } from '@/lib/playback/moment';

/** What the bar shows of an episode's listen. */
export interface BarListen {
  state: ListenState;
  /** Seconds. */
  position: number;
  duration: number | null;
  /** Whether a media element on this page plays this episode. */
  canResume: boolean;
}

/** Positions this close to the start or the end are not worth resuming. */
const RESUME_MARGIN_S = 5;

/** Whether the bar offers to resume: the page can play it, and it stopped somewhere in the middle. */
export function offersResume(listen: BarListen): boolean {
  if (!listen.canResume || listen.position < RESUME_MARGIN_S) return false;
  return listen.duration === null || listen.position < listen.duration - RESUME_MARGIN_S;
}

/** The label of the bar's state: what the listener sees next to `heard`. */
function stateKey(state: ListenState): 'episode.heard' | 'episode.progress' | 'episode.new' {
  if (state === 'heard') return 'episode.heard';
  return state === 'in_progress' ? 'episode.progress' : 'episode.new';
}

/** Shows `listen` in the episode bar of `root` (the host's shadow root); a no-op before it is filled. */
export function setEpisodeListen(root: ShadowRoot, listen: BarListen): void {
  const heard = root.querySelector('button[data-action="heard"]');
  if (!heard) return;
  const document = root.ownerDocument;
  let state = root.querySelector<HTMLElement>('.listen-state');
  let resume = root.querySelector<HTMLButtonElement>('button[data-action="resume"]');
  if (!state) {
    state = document.createElement('span');
    state.className = 'ep-state listen-state';
    heard.after(state);
  }
  if (!resume) {
    resume = document.createElement('button');
    resume.type = 'button';
    resume.dataset.action = 'resume';
    // Named from the start, though hidden until there is a position to resume at.
    resume.setAttribute('aria-label', format(t('resumeAtName'), { time: formatClock(0) }));
    state.after(resume);
  }
  // Heard reads on the toggle itself; the state label says the rest (new, in progress).
  const shown = listen.state === 'heard' ? '' : t(stateKey(listen.state));
  const cited =
    listen.state === 'in_progress' ? 'progress' : listen.state === 'heard' ? 'heard' : 'new';
  if (state.getAttribute('data-state') !== cited) state.setAttribute('data-state', cited);
  if (state.textContent !== shown) state.textContent = shown;
  state.toggleAttribute('data-off', shown === '');
  const offer = offersResume(listen);
  resume.toggleAttribute('data-off', !offer);
  resume.disabled = !offer;
  if (offer) {
    const time = formatClock(listen.position);
    const label = format(t('resumeAt'), { time });
    if (resume.textContent !== label) {
      resume.textContent = label;
      const name = format(t('resumeAtName'), { time });
      resume.setAttribute('aria-label', name);
      resume.title = name;
    }
    resume.dataset.position = String(Math.floor(listen.position));
  }
}
