// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setUiLocale } from '@/lib/i18n/index';
import { offersResume, setEpisodeListen } from '@/lib/playback/bar';
import { formatClock, momentFromHash, momentLink, savedMomentText } from '@/lib/playback/moment';

afterEach(() => setUiLocale(undefined));

describe('moments', () => {
  it('formats positions as clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(754.9)).toBe('12:34');
    expect(formatClock(1390)).toBe('23:10');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('links to a page at a moment, and reads the moment back', () => {
    const page = 'https://podcast.do-not-panic.com/episodes/titans/#top';
    const link = momentLink(page, 754.6)!;
    expect(link).toBe('https://podcast.do-not-panic.com/episodes/titans/#t=754');
    expect(momentFromHash(new URL(link).hash)).toBe(754);
    expect(momentLink('javascript:alert(1)', 3)).toBeNull();
    expect(momentFromHash('#t=12:34')).toBe(754);
    expect(momentFromHash('#t=1:02:03')).toBe(3723);
    expect(momentFromHash('#t=10.5,20')).toBe(10.5);
    expect(momentFromHash('#top')).toBeNull();
    expect(momentFromHash('')).toBeNull();
  });

  it('says where a paper was saved, in English and Norwegian', () => {
    setUiLocale('en');
    expect(savedMomentText(754, 'Titans')).toBe('saved at 12:34 in Titans');
    setUiLocale('nb');
    expect(savedMomentText(754, 'Titans')).toBe('lagret ved 12:34 i Titans');
  });
});

describe('the bar’s listening part', () => {
  function bar(): ShadowRoot {
    const host = document.createElement('citecast-episode');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const heard = document.createElement('button');
    heard.dataset.action = 'heard';
    root.append(heard);
    return root;
  }

  it('offers to resume only in the middle, where the page can play it', () => {
    const base = { state: 'in_progress' as const, duration: 600, canResume: true };
    expect(offersResume({ ...base, position: 300 })).toBe(true);
    expect(offersResume({ ...base, position: 2 })).toBe(false);
    expect(offersResume({ ...base, position: 598 })).toBe(false);
    expect(offersResume({ ...base, position: 300, canResume: false })).toBe(false);
    expect(offersResume({ ...base, position: 300, duration: null })).toBe(true);
  });

  it('shows the state and "Resume at" next to heard, once, and keeps it current', () => {
    setUiLocale('en');
    const root = bar();
    setEpisodeListen(root, { state: 'unheard', position: 0, duration: null, canResume: true });
    // Nothing of the listen on the host, which the page can read.
    expect(Array.from(root.host.attributes).map((a) => a.name)).toEqual([]);
    const state = root.querySelector('.listen-state') as HTMLElement;
    expect(state.textContent).toBe('New');
    const resume = root.querySelector('button[data-action="resume"]') as HTMLButtonElement;
    // Kept in its place, unseen and inert, so the bar's size does not change.
    expect(resume.hasAttribute('data-off')).toBe(true);
    expect(resume.disabled).toBe(true);
    setEpisodeListen(root, {
      state: 'in_progress',
      position: 1390,
      duration: 3600,
      canResume: true,
    });
    expect(root.querySelectorAll('.listen-state')).toHaveLength(1);
    expect(root.querySelectorAll('button[data-action="resume"]')).toHaveLength(1);
    expect(state.textContent).toBe('In progress');
    expect(resume.hasAttribute('data-off')).toBe(false);
    expect(resume.disabled).toBe(false);
    expect(resume.textContent).toBe('Resume at 23:10');
    expect(resume.dataset.position).toBe('1390');
    setEpisodeListen(root, { state: 'heard', position: 3600, duration: 3600, canResume: true });
    expect(Array.from(root.host.attributes).map((a) => a.name)).toEqual([]);
    expect(state.hasAttribute('data-off')).toBe(true);
    expect(resume.hasAttribute('data-off')).toBe(true);
  });
});
