/** The pure helpers of the popup and the library (lib/ui). */
import { describe, expect, it } from 'vitest';
import { barBoxes, labelEvery, niceCeiling } from '@/lib/ui/charts';
import { dayKey, formatDuration, formatIsoDate, formatMonth, fromDateInput } from '@/lib/ui/dates';
import { exportFilename } from '@/lib/export/selection';
import { backupFilename, inParts, joinExportParts } from '@/lib/ui/exports';
import { groupByPeriod } from '@/lib/ui/group';
import { PageCache } from '@/lib/ui/paged';
import { authorsLine, paperLink, paperName } from '@/lib/ui/papers';
import { sectionFromHash } from '@/lib/ui/sections';
import { isFirefoxBase, shortcutOf } from '@/lib/ui/shortcuts';
import { parseTags, tagsText } from '@/lib/ui/tags';
import { resolveTheme } from '@/lib/ui/theme';
import { isListKey, moveActive, scrollToShow, visibleRange } from '@/lib/ui/window';

describe('windowed list arithmetic', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(visibleRange(0, 300, 50, 10_000, 2)).toEqual({ start: 0, end: 9 });
    expect(visibleRange(5_000, 300, 50, 10_000, 2)).toEqual({ start: 98, end: 109 });
    expect(visibleRange(1e9, 300, 50, 10, 2)).toEqual({ start: 7, end: 10 });
    expect(visibleRange(0, 300, 50, 0)).toEqual({ start: 0, end: 0 });
  });
  it('scrolls as little as needed to show a row', () => {
    expect(scrollToShow(0, 100, 300, 50)).toBe(0);
    expect(scrollToShow(3, 100, 300, 50)).toBe(100);
    expect(scrollToShow(10, 100, 300, 50)).toBe(250);
  });
  it('moves the active row by key, stepping over headers', () => {
    const header = (i: number) => i === 0 || i === 4;
    expect(moveActive('ArrowDown', -1, 10, 5, header)).toBe(1);
    expect(moveActive('ArrowDown', 3, 10, 5, header)).toBe(5);
    expect(moveActive('ArrowUp', 5, 10, 5, header)).toBe(3);
    expect(moveActive('ArrowUp', 1, 10, 5, header)).toBe(1);
    expect(moveActive('Home', 7, 10, 5, header)).toBe(1);
    expect(moveActive('End', 2, 10, 5)).toBe(9);
    expect(moveActive('PageDown', 0, 10, 5)).toBe(4);
    expect(moveActive('PageUp', 9, 10, 5)).toBe(5);
    expect(moveActive('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveActive('ArrowDown', -1, 0, 5)).toBe(-1);
    expect(isListKey('ArrowDown')).toBe(true);
    expect(isListKey('a')).toBe(false);
  });
});

describe('paged rows', () => {
  it('fetches only the pages asked for, once, and drops answers after stop', async () => {
    const asked: number[] = [];
    let changes = 0;
    const cache = new PageCache<number, string>(
      async (offset, limit) => {
        asked.push(offset);
        return {
          ok: true,
          page: { total: 1_000, rows: Array.from({ length: limit }, (_, i) => offset + i) },
        };
      },
      100,
      () => changes++,
    );
    cache.ensure(0, 30);
    cache.ensure(10, 40);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([0]);
    expect(cache.state().total).toBe(1_000);
    cache.ensure(250, 320);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([0, 200, 300]);
    expect(cache.state().rows[305]).toBe(305);
    expect(cache.state().rows[150]).toBeUndefined();
    cache.stop();
    cache.ensure(500, 520);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([0, 200, 300]);
    expect(changes).toBe(3);
  });
  it('keeps the error and asks again on the next ensure', async () => {
    let fail = true;
    const cache = new PageCache<number, string>(
      async () =>
        fail ? { ok: false, error: 'down' } : { ok: true, page: { total: 1, rows: [7] } },
      50,
      () => undefined,
    );
    cache.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.state().error).toBe('down');
    fail = false;
    cache.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.state()).toMatchObject({ error: null, total: 1, rows: [7] });
  });
});

describe('tags, dates, groups', () => {
  it('reads tags from one field', () => {
    expect(parseTags(' kv cache, Memory,, Memory ,  to   read ')).toEqual({
      ok: true,
      tags: ['kv cache', 'Memory', 'to read'],
    });
    expect(tagsText(['a', 'b c'])).toBe('a, b c');
  });
  it('formats dates in the UI language', () => {
    expect(formatIsoDate('2026-05-27', 'en-GB')).toBe('27 May 2026');
    expect(formatIsoDate('2026-05-27', 'nb-NO')).toBe('27. mai 2026');
    expect(formatMonth('2026-05', 'nb-NO')).toBe('mai 2026');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
  it('turns a picked day into a time, keeping the time of day', () => {
    const before = new Date(2026, 4, 27, 21, 15, 0).getTime();
    const after = fromDateInput('2026-05-20', before)!;
    expect(dayKey(after)).toBe('2026-05-20');
    expect(new Date(after).getHours()).toBe(21);
    expect(new Date(fromDateInput('2026-05-20', null)!).getHours()).toBe(12);
    expect(fromDateInput('2026-02-31', null)).toBeNull();
    expect(fromDateInput('yesterday', null)).toBeNull();
  });
  it('groups rows by day with headers, rows not loaded yet joining the group before', () => {
    const t = (d: number) => new Date(2026, 4, d, 10).getTime();
    const items = groupByPeriod([t(27), t(27), undefined, t(26), null], (x) => x, 'day');
    expect(items.map((i) => (i.kind === 'header' ? `#${i.period}` : i.index))).toEqual([
      '#2026-05-27',
      0,
      1,
      2,
      '#2026-05-26',
      3,
      '#null',
      4,
    ]);
    const months = groupByPeriod([t(27), t(1)], (x) => x, 'month');
    expect(months.filter((i) => i.kind === 'header')).toHaveLength(1);
  });
});

describe('charts', () => {
  it('picks a round axis top', () => {
    expect([0, 0.4, 1, 3, 7, 12, 51, 200].map(niceCeiling)).toEqual([1, 1, 1, 5, 10, 20, 100, 200]);
  });
  it('lays bars out in their slots, scaled to the top', () => {
    const [[a], [b, c]] = barBoxes([[5], [10, 0]], 200, 100, 10, 0);
    expect(a).toEqual({ x: 0, y: 50, width: 100, height: 50 });
    expect(b).toEqual({ x: 100, y: 0, width: 50, height: 100 });
    expect(c!.height).toBe(0);
  });
  it('labels at most a few slots, always the last', () => {
    const shown = Array.from({ length: 26 }, (_, i) => i).filter(labelEvery(26, 8));
    expect(shown.length).toBeLessThanOrEqual(8);
    expect(shown.at(-1)).toBe(25);
  });
});

describe('exports, sections, links, theme, shortcuts', () => {
  it('joins exports made in parts', () => {
    expect(joinExportParts('csl-json', ['[{"id":"a"}]', '[{"id":"b"}]'])).toBe(
      JSON.stringify([{ id: 'a' }, { id: 'b' }], null, 2),
    );
    expect(joinExportParts('bibtex', ['@a{x}\n', '@b{y}\n'])).toBe('@a{x}\n\n@b{y}\n');
    expect(joinExportParts('ris', ['only'])).toBe('only');
    expect(inParts([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    const now = Date.UTC(2026, 10, 28);
    // The export's name carries the local date (the day the person sees), the backup's UTC.
    expect(exportFilename('ris', new Date(2026, 10, 28, 12).getTime())).toBe(
      'citecast-papers-2026-11-28.ris',
    );
    expect(backupFilename(now)).toBe('citecast-backup-2026-11-28.json');
  });
  it('opens the section the hash names', () => {
    expect(sectionFromHash('#episodes')).toBe('episodes');
    expect(sectionFromHash('#import-export')).toBe('import-export');
    expect(sectionFromHash('#STATS')).toBe('stats');
    expect(sectionFromHash('')).toBe('papers');
    expect(sectionFromHash('#nope')).toBe('papers');
  });
  it('links papers only to http(s) addresses', () => {
    const base = { arxivId: null, urls: [], pdfUrl: null, doi: null };
    expect(paperLink({ ...base, arxivId: '2501.00663' })).toBe('https://arxiv.org/abs/2501.00663');
    expect(paperLink({ ...base, urls: ['javascript:alert(1)', 'https://x.org/p'] })).toBe(
      'https://x.org/p',
    );
    expect(paperLink({ ...base, doi: '10.1/x' })).toBe('https://doi.org/10.1/x');
    expect(paperLink({ ...base, pdfUrl: 'data:text/html,x' })).toBeNull();
    expect(authorsLine(['A', 'B', 'C', 'D'], 'et al.')).toBe('A, B, C et al.');
  });
  it('follows the system unless the theme is set', () => {
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
  it('finds the popup key by either manifest’s command name', () => {
    expect(
      shortcutOf(
        [{ name: '_execute_browser_action', shortcut: 'Alt+Shift+L' }],
        ['_execute_action', '_execute_browser_action'],
      ),
    ).toBe('Alt+Shift+L');
    expect(shortcutOf([{ name: 'read-page', shortcut: '' }], ['read-page'])).toBeNull();
    expect(isFirefoxBase('moz-extension://abc/')).toBe(true);
    expect(isFirefoxBase('chrome-extension://abc/')).toBe(false);
  });
});

describe('paperName', () => {
  it('names a paper by its title, else its arXiv id or DOI (synced before a page showed it)', () => {
    expect(paperName({ title: 'T', arxivId: '2501.00663', doi: null }, 'Untitled')).toBe('T');
    expect(paperName({ title: null, arxivId: '2501.00663', doi: null }, 'Untitled')).toBe(
      'arXiv:2501.00663',
    );
    expect(paperName({ title: null, arxivId: null, doi: '10.1/x' }, 'Untitled')).toBe('doi:10.1/x');
    expect(paperName({ title: null, arxivId: null, doi: null }, 'Untitled')).toBe('Untitled');
  });
});
