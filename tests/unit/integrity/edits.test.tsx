// @vitest-environment happy-dom
/**
 * Edits never drop text silently: a paper's detail saves only what the user changed, keeps
 * imported tags as they came (a comma inside one, `ML` beside `ml`, more than a hundred), saves
 * a long imported note whole, and says where the limits are before the user reaches them.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AskFn } from '@/components/common/services';
import { PaperDetail } from '@/components/library/PaperDetail';
import { LIMITS } from '@/lib/core/limits';
import { failure, success } from '@/lib/core/result';
import type { PaperRecord } from '@/lib/store/schema';
import { parseTags, tagsText } from '@/lib/ui/tags';
import { paperRecord } from '@/tests/unit/store/helpers';
import { mountInto, settle } from '@/tests/unit/pages/mount';
import fc from 'fast-check';

const KEY = 'arxiv:2501.00663';
const IMPORTED_TAGS = [
  'Tag, with comma',
  'ML',
  'ml',
  ...Array.from({ length: 120 }, (_, i) => `t${i}`),
];
const LONG_NOTE = `${'n'.repeat(25_000)} the tail`;

let root: HTMLElement;
let calls: { type: string; data: unknown }[];
let stored: PaperRecord;

const ask = (async (type: string, data: unknown) => {
  calls.push({ type, data });
  switch (type) {
    case 'paperDetail':
      return success({ paper: stored, episodes: [] });
    case 'setTags':
      stored = { ...stored, tags: (data as { tags: string[] }).tags };
      return success(stored);
    case 'setNote':
      stored = { ...stored, note: (data as { note: string }).note };
      return success(stored);
    default:
      return failure('invalid', `unexpected ${type}`);
  }
}) as AskFn;

async function mount(): Promise<void> {
  await mountInto(root, <PaperDetail paperKey={KEY} onClose={() => undefined} />, ask);
}

const tagsField = () => root.querySelector<HTMLInputElement>('[data-testid="tags-input"]')!;

async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function blur(field: HTMLElement): Promise<void> {
  await act(() => {
    field.dispatchEvent(new FocusEvent('blur'));
  });
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  stored = paperRecord(KEY, 1, { title: 'Titans', tags: IMPORTED_TAGS, note: LONG_NOTE });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('editing a paper', () => {
  it('tabbing through the tags field saves nothing', async () => {
    await mount();
    await blur(tagsField());
    expect(calls.filter((c) => c.type === 'setTags')).toEqual([]);
    expect(stored.tags).toEqual(IMPORTED_TAGS);
  });

  it('adding a tag keeps every imported tag as it came', async () => {
    await mount();
    await type(tagsField(), `${tagsField().value}, new one`);
    await blur(tagsField());
    expect(stored.tags).toEqual([...IMPORTED_TAGS, 'new one']);
  });

  it('tags past the limit are refused with a reason, not cut', async () => {
    await mount();
    const many = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `x${i}`).join(', ');
    await type(tagsField(), many);
    await blur(tagsField());
    expect(calls.filter((c) => c.type === 'setTags')).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(String(LIMITS.tags));
  });

  it('saving a long imported note after an edit keeps its tail', async () => {
    await mount();
    const area = root.querySelector<HTMLTextAreaElement>('textarea')!;
    await type(area, `${LONG_NOTE}!`);
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save note')!;
    await act(() => save.click());
    await settle();
    expect(stored.note).toBe(`${LONG_NOTE}!`);
    expect(root.textContent).toContain(`of at most ${LIMITS.note} characters`);
  });
});

describe('the tags field reads back what it shows', () => {
  it('any list of distinct tags survives text and back', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ''),
          {
            maxLength: 30,
          },
        ),
        (tags) => {
          const parsed = parseTags(tagsText(tags));
          expect(parsed).toEqual({ ok: true, tags });
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  it('reads typed tags: trimmed, spaces folded, exact repeats dropped, case kept', () => {
    expect(parseTags(' kv cache, Memory,, memory , Memory,  to   read ')).toEqual({
      ok: true,
      tags: ['kv cache', 'Memory', 'memory', 'to read'],
    });
    expect(parseTags('"a, b", "say ""hi"""')).toEqual({ ok: true, tags: ['a, b', 'say "hi"'] });
  });
});
