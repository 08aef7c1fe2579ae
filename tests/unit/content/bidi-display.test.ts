// @vitest-environment happy-dom
/**
 * Page text (and what arXiv answers about it) is shown without bidirectional control characters,
 * so a page cannot make a title Citecast shows read as something else: the source's title and
 * tooltip, the choose panel's rows, and the arXiv status and preview.
 */
import { describe, expect, it } from 'vitest';
import { hasBidi, withoutBidi } from '@/lib/core/bidi';
import { previewLines, statusView } from '@/lib/content/arxiv-view';
import { fillSource, sourceTooltip } from '@/lib/content/controls';
import { buildChoosePanel } from '@/lib/content/panels';
import { source } from '@/tests/unit/store/helpers';

/** Every character that can change the order text is shown in, one of each. */
const CONTROLS = [
  '\u202A', // left-to-right embedding
  '\u202B', // right-to-left embedding
  '\u202C', // pop directional formatting
  '\u202D', // left-to-right override
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u2067', // right-to-left isolate
  '\u2068', // first strong isolate
  '\u2069', // pop directional isolate
  '\u200E', // left-to-right mark
  '\u200F', // right-to-left mark
  '\u061C', // Arabic letter mark
];

/** "Attention gpj.exe" with every control woven in. */
const HOSTILE = `Attention ${CONTROLS.join('')}gpj${CONTROLS[4]}.exe${CONTROLS[10]}`;
const CLEAN = 'Attention gpj.exe';

describe('withoutBidi', () => {
  it('takes out each embedding, override, isolate and direction mark, and nothing else', () => {
    for (const c of CONTROLS) {
      expect(hasBidi(`a${c}b`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
      expect(withoutBidi(`a${c}b`)).toBe('ab');
    }
    expect(withoutBidi(HOSTILE)).toBe(CLEAN);
    // Right-to-left letters themselves stay, and so do other invisible characters.
    expect(withoutBidi('שלום \u0645\u0631\u062D\u0628\u0627 a\u200Bb')).toBe(
      'שלום \u0645\u0631\u062D\u0628\u0627 a\u200Bb',
    );
  });
});

describe('what the content script shows of page text', () => {
  it("a source's title and tooltip", () => {
    const paper = source({ title: HOSTILE, authors: [`Ann ${CONTROLS[4]}Author`], year: 2024 });
    expect(hasBidi(sourceTooltip(paper))).toBe(false);
    expect(sourceTooltip(paper)).toContain(CLEAN);
    const host = document.createElement('citecast-source');
    document.body.append(host);
    const root = fillSource(host, paper, true, () => undefined);
    const group = root.querySelector<HTMLElement>('.group')!;
    expect(root.querySelector('.title')?.textContent).toBe(CLEAN);
    expect(hasBidi(group.title)).toBe(false);
    expect(hasBidi(group.getAttribute('aria-label'))).toBe(false);
    // A source known by its address only shows the address, cleaned the same way.
    const link = fillSource(
      document.createElement('citecast-source'),
      source({ url: `https://example.com/${CONTROLS[4]}fdp.exe` }),
      true,
      () => undefined,
    );
    expect(link.querySelector('.title')?.textContent).toBe('https://example.com/fdp.exe');
  });

  it("the choose panel's rows", () => {
    const panel = buildChoosePanel(
      { document, isTrusted: () => true },
      [{ label: HOSTILE, saved: false }],
      () => undefined,
      () => undefined,
    );
    expect(panel.element.querySelector('.choice-label')?.textContent).toBe(CLEAN);
    const box = panel.element.querySelector('input[type="checkbox"]')!;
    expect(box.getAttribute('aria-label')).toBe(CLEAN);
  });

  it("the arXiv status and the abstract preview (arXiv's text too)", () => {
    const candidate = {
      arxivId: '2501.00663',
      title: HOSTILE,
      authors: [],
      pdfUrl: 'https://arxiv.org/pdf/2501.00663',
      absUrl: 'https://arxiv.org/abs/2501.00663',
    };
    for (const status of [
      { state: 'resolved', candidate, confidence: 0.96, manual: false } as const,
      { state: 'resolved', candidate, confidence: 1, manual: true } as const,
      { state: 'weak', candidate, confidence: 0.6 } as const,
    ]) {
      const view = statusView(status)!;
      expect(hasBidi(view.label), `${status.state} label`).toBe(false);
      expect(hasBidi(view.name), `${status.state} name`).toBe(false);
    }
    expect(statusView({ state: 'weak', candidate, confidence: 0.6 })!.name).toContain(CLEAN);
    const lines = previewLines({
      entry: {
        arxivId: '2501.00663',
        version: 1,
        title: HOSTILE,
        summary: `We ${CONTROLS[4]}show`,
        authors: [`Ann ${CONTROLS[5]}Author`],
        published: null,
        updated: null,
        pdfUrl: 'https://arxiv.org/pdf/2501.00663v1',
        absUrl: 'https://arxiv.org/abs/2501.00663v1',
      },
      revision: { state: 'current', latestVersion: 1, citedVersion: null },
    } as Parameters<typeof previewLines>[0]);
    expect(lines.title).toBe(CLEAN);
    expect(lines.authors).toBe('Ann Author');
    expect(lines.summary).toBe('We show');
  });
});
