/**
 * Table tests for the link helpers in lib/links, written from the forms the show writes
 * and the `parse` command's fields, not from the helpers' output:
 * arXiv ids and PDFs, URL classification, Scholar titles, OpenReview PDFs, DOIs, episode stems,
 * title slugs, and finding URLs in text (to the next whitespace or glued `http(s)://`, never
 * trimmed of punctuation).
 */
import { describe, it, expect } from 'vitest';
import { arxivPdfUrl } from '@/lib/links/arxiv';
import { classifyUrl, openreviewPdfUrl, scholarQuery } from '@/lib/links/classify';
import {
  doiFromUrl,
  parseArxivId,
  parseArxivUrl,
  parseEpisodeAudioUrl,
  parseVisualizationUrl,
} from '@/lib/core/ids';
import { findUrls } from '@/lib/links/urls';
import { slugMatchesTitle, titleSlug } from '@/lib/links/episodes';
import { httpUrlOrNull } from '@/lib/core/urls';

const EP = 'https://podcast.do-not-panic.com/episodes/';
const VIZ = 'https://podcast.do-not-panic.com/viz/';

describe('parseArxivUrl', () => {
  it.each([
    ['http://arxiv.org/abs/2511.20172', { id: '2511.20172', version: null }],
    ['https://arxiv.org/abs/2501.00663v1', { id: '2501.00663', version: 1 }],
    ['https://arxiv.org/pdf/2408.07326', { id: '2408.07326', version: null }],
    ['https://arxiv.org/pdf/2408.07326v2', { id: '2408.07326', version: 2 }],
    ['https://arxiv.org/pdf/2408.07326.pdf', { id: '2408.07326', version: null }],
    ['https://arxiv.org/pdf/2106.09685v3.pdf', { id: '2106.09685', version: 3 }],
    ['https://arxiv.org/html/2502.15734v1', { id: '2502.15734', version: 1 }],
    ['https://arxiv.org/html/2502.15734', { id: '2502.15734', version: null }],
    ['https://www.arxiv.org/abs/2401.04088', { id: '2401.04088', version: null }],
    ['http://www.arxiv.org/pdf/2401.04088v12', { id: '2401.04088', version: 12 }],
    ['https://arxiv.org/abs/1706.03762', { id: '1706.03762', version: null }],
    ['https://arxiv.org/abs/0704.0001', { id: '0704.0001', version: null }],
    ['https://arxiv.org/abs/hep-th/9901001', { id: 'hep-th/9901001', version: null }],
    ['https://arxiv.org/abs/hep-th/9901001v2', { id: 'hep-th/9901001', version: 2 }],
    ['http://arxiv.org/abs/math/0211159', { id: 'math/0211159', version: null }],
    ['https://arxiv.org/pdf/math/0211159v2', { id: 'math/0211159', version: 2 }],
    ['https://arxiv.org/abs/cond-mat/0102536v1', { id: 'cond-mat/0102536', version: 1 }],
    ['https://arxiv.org/abs/math.GT/0309136', { id: 'math.GT/0309136', version: null }],
    ['https://arxiv.org/abs/2501.00663/', { id: '2501.00663', version: null }],
    ['https://arxiv.org/abs/2501.00663?context=cs', { id: '2501.00663', version: null }],
    ['https://arxiv.org/abs/2501.00663#S2', { id: '2501.00663', version: null }],
  ])('%s → %o', (url, expected) => {
    expect(parseArxivUrl(url)).toEqual(expected);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/2501.006',
    'https://arxiv.org/abs/25010.00663',
    'https://arxiv.org/abs/not-an-id',
    'https://notarxiv.org/abs/2501.00663',
    'https://arxiv.org.evil.com/abs/2501.00663',
    'https://scholar.google.com/scholar?q=arxiv.org/abs/2501.00663',
    'https://example.com/arxiv.org/abs/2501.00663',
    'javascript:alert("https://arxiv.org/abs/2501.00663")',
    '',
  ])('%s → null', (url) => {
    expect(parseArxivUrl(url)).toBeNull();
  });
});

describe('parseArxivId', () => {
  it.each([
    ['2501.00663', { id: '2501.00663', version: null }],
    ['2501.00663v1', { id: '2501.00663', version: 1 }],
    ['1706.03762v7', { id: '1706.03762', version: 7 }],
    ['2512.24695', { id: '2512.24695', version: null }],
    ['hep-th/9901001', { id: 'hep-th/9901001', version: null }],
    ['hep-th/9901001v2', { id: 'hep-th/9901001', version: 2 }],
    ['math/0211159v2', { id: 'math/0211159', version: 2 }],
    ['math.GT/0309136v2', { id: 'math.GT/0309136', version: 2 }],
  ])('%s → %o', (value, expected) => {
    expect(parseArxivId(value)).toEqual(expected);
  });

  it.each([
    '',
    'abc',
    '2501.006',
    '25010.00663',
    '2501.006631',
    '2501.00663v',
    'hep-th/990100',
    '2024',
    '2001',
  ])('%j → null', (value) => {
    expect(parseArxivId(value)).toBeNull();
  });
});

describe('arxivPdfUrl', () => {
  it.each([
    [{ id: '2511.20172', version: null }, 'https://arxiv.org/pdf/2511.20172'],
    [{ id: '2501.00663', version: 1 }, 'https://arxiv.org/pdf/2501.00663v1'],
    [{ id: '2408.07326', version: 12 }, 'https://arxiv.org/pdf/2408.07326v12'],
    [{ id: 'hep-th/9901001', version: 2 }, 'https://arxiv.org/pdf/hep-th/9901001v2'],
    [{ id: 'math/0211159', version: null }, 'https://arxiv.org/pdf/math/0211159'],
  ])('%o → %s', (ref, expected) => {
    expect(arxivPdfUrl(ref)).toBe(expected);
  });

  it('round-trips with parseArxivUrl for abs, pdf and html links', () => {
    for (const url of [
      'http://arxiv.org/abs/2501.00663v1',
      'https://arxiv.org/html/2502.15734v1',
      'https://arxiv.org/pdf/2408.07326.pdf',
      'https://arxiv.org/abs/hep-th/9901001v2',
    ]) {
      const ref = parseArxivUrl(url)!;
      expect(parseArxivUrl(arxivPdfUrl(ref)), url).toEqual(ref);
    }
  });
});

describe('classifyUrl', () => {
  const none = { arxiv: null, pdfUrl: null, doi: null, episode: null };
  it.each([
    [
      'http://arxiv.org/abs/2511.20172',
      {
        ...none,
        type: 'arxiv',
        arxiv: { id: '2511.20172', version: null },
        pdfUrl: 'https://arxiv.org/pdf/2511.20172',
      },
    ],
    [
      'https://arxiv.org/html/2502.15734v1',
      {
        ...none,
        type: 'arxiv',
        arxiv: { id: '2502.15734', version: 1 },
        pdfUrl: 'https://arxiv.org/pdf/2502.15734v1',
      },
    ],
    [
      'https://arxiv.org/pdf/2408.07326v2.pdf',
      {
        ...none,
        type: 'arxiv',
        arxiv: { id: '2408.07326', version: 2 },
        pdfUrl: 'https://arxiv.org/pdf/2408.07326v2',
      },
    ],
    ['https://scholar.google.com/scholar?q=Memory+Pooling+With+CXL', { ...none, type: 'scholar' }],
    [
      'https://scholar.google.com/scholar?q=Is+Attention+All+You+Need?',
      { ...none, type: 'scholar' },
    ],
    [
      'https://openreview.net/pdf?id=x7NbaU8RSU',
      { ...none, type: 'openreview', pdfUrl: 'https://openreview.net/pdf?id=x7NbaU8RSU' },
    ],
    [
      'https://openreview.net/forum?id=BkgqExrYvS',
      { ...none, type: 'openreview', pdfUrl: 'https://openreview.net/pdf?id=BkgqExrYvS' },
    ],
    [
      'https://doi.org/10.1145/3600006.3613165',
      { ...none, type: 'doi', doi: '10.1145/3600006.3613165' },
    ],
    [
      'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
      {
        ...none,
        type: 'pdf',
        pdfUrl: 'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
      },
    ],
    [
      'https://aclanthology.org/2020.acl-main.463.pdf',
      { ...none, type: 'pdf', pdfUrl: 'https://aclanthology.org/2020.acl-main.463.pdf' },
    ],
    [
      `${EP}2026-04-12-fenghuang-for-rack-scale-llm-inference-m-62708e.mp3`,
      {
        ...none,
        type: 'episode-audio',
        episode: {
          stem: '2026-04-12-fenghuang-for-rack-scale-llm-inference-m-62708e',
          date: '2026-04-12',
          slug: 'fenghuang-for-rack-scale-llm-inference-m',
          hash: '62708e',
        },
      },
    ],
    [`${EP}some-slug/`, { ...none, type: 'episode-page' }],
  ])('%s', (url, expected) => {
    expect(classifyUrl(url)).toMatchObject({ url, ...expected });
  });

  it.each([
    'https://github.com/karpathy/nanoGPT',
    'https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru/interpreting-gpt-the-logit-lens',
    'https://transformer-circuits.pub/2021/framework/index.html',
    'https://aclanthology.org/2023.acl-long.1/',
    'https://example.com/',
  ])('%s is a page without arXiv id, PDF, DOI or episode', (url) => {
    const info = classifyUrl(url);
    expect(info).not.toBeNull();
    expect(['paper-site', 'web']).toContain(info!.type);
    expect(info).toMatchObject({ url, ...none });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/paper.pdf',
    'mailto:ada@example.com',
    'arxiv.org/abs/2501.00663',
    '//arxiv.org/abs/2501.00663',
    '',
  ])('%j is not an http(s) link → null', (url) => {
    expect(classifyUrl(url)).toBeNull();
  });
});

describe('scholarQuery', () => {
  it.each([
    ['https://scholar.google.com/scholar?q=Memory+Pooling+With+CXL', 'Memory Pooling With CXL'],
    [
      'https://scholar.google.com/scholar?q=Mooncake:+A+KVCache-centric+Disaggregated+Architecture+for+LLM+Serving',
      'Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving',
    ],
    ['https://scholar.google.com/scholar?q=Is+It+Real?', 'Is It Real?'],
    ['https://scholar.google.com/scholar?q=Step+4.+Profit?', 'Step 4. Profit?'],
    [
      "https://scholar.google.com/scholar?q=Don't+Stop+Pretraining:+Domains+&+Tasks,+Again",
      "Don't Stop Pretraining: Domains & Tasks, Again",
    ],
    ['https://scholar.google.com/scholar?q=100%+Accuracy', '100% Accuracy'],
    [
      'https://scholar.google.com/scholar?q=Mamba–Transformer+Łańcucki',
      'Mamba–Transformer Łańcucki',
    ],
    ['https://scholar.google.com/scholar?q=1984', '1984'],
  ])('%s → %j', (url, expected) => {
    expect(scholarQuery(url)).toBe(expected);
  });

  it.each([
    'https://arxiv.org/abs/2501.00663',
    'https://scholar.google.com/',
    'javascript:alert(1)',
    '',
  ])('%j → null', (url) => {
    expect(scholarQuery(url)).toBeNull();
  });
});

describe('openreviewPdfUrl', () => {
  it.each([
    ['https://openreview.net/pdf?id=x7NbaU8RSU', 'https://openreview.net/pdf?id=x7NbaU8RSU'],
    ['https://openreview.net/forum?id=BkgqExrYvS', 'https://openreview.net/pdf?id=BkgqExrYvS'],
    ['http://openreview.net/forum?id=BkgqExrYvS', 'https://openreview.net/pdf?id=BkgqExrYvS'],
    [
      'https://openreview.net/forum?id=BkgqExrYvS&noteId=xyz',
      'https://openreview.net/pdf?id=BkgqExrYvS',
    ],
  ])('%s → %s', (url, expected) => {
    expect(openreviewPdfUrl(url)).toBe(expected);
  });

  it.each([
    'https://openreview.net/',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/forum',
    'https://example.com/forum?id=BkgqExrYvS',
    'https://arxiv.org/abs/2501.00663',
  ])('%s → null', (url) => {
    expect(openreviewPdfUrl(url)).toBeNull();
  });
});

describe('doiFromUrl', () => {
  it.each([
    ['https://doi.org/10.1145/3600006.3613165', '10.1145/3600006.3613165'],
    ['http://doi.org/10.1145/3600006.3613165', '10.1145/3600006.3613165'],
    ['https://dx.doi.org/10.1000/182', '10.1000/182'],
    ['https://doi.org/10.48550/arXiv.2501.00663', '10.48550/arXiv.2501.00663'],
  ])('%s → %s', (url, expected) => {
    expect(doiFromUrl(url)).toBe(expected);
  });

  it.each([
    'https://doi.org/',
    'https://arxiv.org/abs/2501.00663',
    'https://example.com/10.1145/3600006.3613165',
    'javascript:alert(1)',
  ])('%s → null', (url) => {
    expect(doiFromUrl(url)).toBeNull();
  });
});

describe('parseEpisodeAudioUrl and parseVisualizationUrl', () => {
  it.each([
    [
      `${EP}2026-05-20-titans-learning-to-memorize-at-test-time-054662.mp3`,
      {
        stem: '2026-05-20-titans-learning-to-memorize-at-test-time-054662',
        date: '2026-05-20',
        slug: 'titans-learning-to-memorize-at-test-time',
        hash: '054662',
      },
    ],
    [
      `${EP}2026-04-04-cxl-computational-memory-offloading-for-3b2124.mp3`,
      {
        stem: '2026-04-04-cxl-computational-memory-offloading-for-3b2124',
        date: '2026-04-04',
        slug: 'cxl-computational-memory-offloading-for',
        hash: '3b2124',
      },
    ],
    [
      `${EP}2026-05-01-prior-episode-title-abc123.mp3`,
      {
        stem: '2026-05-01-prior-episode-title-abc123',
        date: '2026-05-01',
        slug: 'prior-episode-title',
        hash: 'abc123',
      },
    ],
    [
      `${EP}2026-05-19-affordable-large-scale-decoding-through-e1d7ed.mp3`,
      {
        stem: '2026-05-19-affordable-large-scale-decoding-through-e1d7ed',
        date: '2026-05-19',
        slug: 'affordable-large-scale-decoding-through',
        hash: 'e1d7ed',
      },
    ],
  ])('audio %s', (url, expected) => {
    expect(parseEpisodeAudioUrl(url)).toEqual(expected);
  });

  it.each([
    `${EP}some-slug/`,
    `${EP}2026-05-20-titans-learning-to-memorize-at-test-time-054662.png`,
    `${EP}2026-05-20-titans-054g62.mp3`,
    `${EP}2026-05-20-titans-05466.mp3`,
    'https://example.com/ep12.mp3',
    '',
  ])('audio %s → null', (url) => {
    expect(parseEpisodeAudioUrl(url)).toBeNull();
  });

  it.each([
    [
      `${VIZ}2026-05-20-nested-learning-beyond-deep-architecture-7cc949.html`,
      {
        stem: '2026-05-20-nested-learning-beyond-deep-architecture-7cc949',
        date: '2026-05-20',
        slug: 'nested-learning-beyond-deep-architecture',
        hash: '7cc949',
      },
    ],
    [
      `${VIZ}2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f.html`,
      {
        stem: '2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f',
        date: '2026-05-27',
        slug: 'beluga-cxl-memory-pooling-for-llm-kv-cac',
        hash: 'b6142f',
      },
    ],
  ])('visualization %s', (url, expected) => {
    expect(parseVisualizationUrl(url)).toEqual(expected);
  });

  it.each([
    `${EP}2026-05-20-titans-learning-to-memorize-at-test-time-054662.mp3`,
    `${VIZ}index.html`,
    '',
  ])('visualization %s → null', (url) => {
    expect(parseVisualizationUrl(url)).toBeNull();
  });
});

describe('titleSlug and slugMatchesTitle', () => {
  it.each([
    ['Titans: Learning to Memorize at Test Time', 'titans-learning-to-memorize-at-test-time'],
    [
      'SolidAttention: Co-Designing Sparse Attention and SSD I/O',
      'solidattention-co-designing-sparse-attention-and-ssd-i-o',
    ],
    [
      'Prefill-as-a-Service for Cross-Datacenter KV Cache',
      'prefill-as-a-service-for-cross-datacenter-kv-cache',
    ],
    ['LAPS for Length-Aware LLM Serving', 'laps-for-length-aware-llm-serving'],
    ['JANUS  for   Scalable MoE --- Inference', 'janus-for-scalable-moe-inference'],
  ])('titleSlug(%j) → %s', (title, expected) => {
    expect(titleSlug(title)).toBe(expected);
  });

  // Pairs from the Podimo fixture: the slug in each cited episode's mp3 and the cited title.
  it.each([
    ['fenghuang-for-rack-scale-llm-inference-m', 'FengHuang for Rack-Scale LLM Inference Memory'],
    [
      'cxl-computational-memory-offloading-for',
      'CXL Computational Memory Offloading for Lower Runtime',
    ],
    [
      'prefill-as-a-service-for-cross-datacente',
      'Prefill-as-a-Service for Cross-Datacenter KV Cache',
    ],
    [
      'solidattention-co-designing-sparse-atten',
      'SolidAttention: Co-Designing Sparse Attention and SSD I/O',
    ],
    ['stochastic-kv-routing-for-cache-sharing', 'Stochastic KV Routing for Cache Sharing'],
    [
      'affordable-large-scale-decoding-through',
      'Affordable Large-Scale Decoding Through Model-System Co-Design',
    ],
    ['titans-learning-to-memorize-at-test-time', 'Titans: Learning to Memorize at Test Time'],
    ['beluga-cxl-memory-pooling-for-llm-kv-cac', 'Beluga: CXL Memory Pooling for LLM KV Cache'],
    ['lpu-chip-for-low-latency-llm-inference', 'LPU Chip for Low-Latency LLM Inference'],
    ['splitwise-phase-split-llm-inference', 'Splitwise: Phase-Split LLM Inference'],
    // Newer episodes cut at 120 characters (here the cut leaves a trailing "-", dropped).
    [
      'efficient-memory-management-for-large-language-model-serving-with-pagedattention-continuous-batching-prefix-sharing-and',
      'Efficient Memory Management for Large Language Model Serving with PagedAttention: Continuous Batching, Prefix Sharing and Preemption Across GPUs',
    ],
    // ... and the same title in an older episode, cut at 40.
    [
      'efficient-memory-management-for-large-la',
      'Efficient Memory Management for Large Language Model Serving with PagedAttention: Continuous Batching, Prefix Sharing and Preemption Across GPUs',
    ],
    // Any title whose first 40 slug characters agree matches a 40-character slug.
    [
      'titans-learning-to-memorize-at-test-time',
      'Titans: Learning to Memorize at Test Time, Revisited',
    ],
  ])('slugMatchesTitle(%s, %j) is true', (slug, title) => {
    expect(slugMatchesTitle(slug, title)).toBe(true);
  });

  it.each([
    // The visualization stem of the Nested Learning episode is not named after its title.
    [
      'nested-learning-beyond-deep-architecture',
      'After Titans: Behrouz on Nested Learning and Hope',
    ],
    // Cut at neither 40 nor 120.
    ['fenghuang-for-rack-scale-llm-inference', 'FengHuang for Rack-Scale LLM Inference Memory'],
    ['fenghuang', 'FengHuang for Rack-Scale LLM Inference Memory'],
    ['stochastic-kv-routing-for-cache-sharing', 'Stochastic KV Routing for Cache'],
    ['', 'Anything'],
  ])('slugMatchesTitle(%j, %j) is false', (slug, title) => {
    expect(slugMatchesTitle(slug, title)).toBe(false);
  });
});

describe('findUrls', () => {
  const at = (text: string, url: string, from = 0) => {
    const start = text.indexOf(url, from);
    return { url, start, end: start + url.length };
  };

  it.each<[string, string, string[]]>([
    ['empty text', '', []],
    ['no URL', 'Sources: 1. Title — Ada Author, 2024', []],
    ['a URL alone', 'https://arxiv.org/abs/2501.00663', ['https://arxiv.org/abs/2501.00663']],
    [
      'ends at a space before the next item number',
      'http://arxiv.org/abs/2511.20172 2. Memory Pooling',
      ['http://arxiv.org/abs/2511.20172'],
    ],
    [
      'ends at a newline, a tab, CR and a no-break space',
      'https://a.example/1\nhttps://a.example/2\thttps://a.example/3\r\nhttps://a.example/4\u00a0x',
      ['https://a.example/1', 'https://a.example/2', 'https://a.example/3', 'https://a.example/4'],
    ],
    [
      'keeps a final "?" of a Scholar search',
      'https://scholar.google.com/scholar?q=Is+It+Real? 3. Next',
      ['https://scholar.google.com/scholar?q=Is+It+Real?'],
    ],
    [
      'never trims trailing punctuation',
      'see https://example.com/a, https://example.com/b. and (https://example.com/c)',
      ['https://example.com/a,', 'https://example.com/b.', 'https://example.com/c)'],
    ],
    [
      "keeps raw : & , ' inside a Scholar URL",
      "https://scholar.google.com/scholar?q=Don't+Stop:+Domains+&+Tasks,+Again",
      ["https://scholar.google.com/scholar?q=Don't+Stop:+Domains+&+Tasks,+Again"],
    ],
    [
      'splits glued URLs at each http:// or https://',
      'Sources: https://arxiv.org/html/2502.15734v1https://arxiv.org/html/2412.15605v1http://openreview.net/pdf?id=x7NbaU8RSU',
      [
        'https://arxiv.org/html/2502.15734v1',
        'https://arxiv.org/html/2412.15605v1',
        'http://openreview.net/pdf?id=x7NbaU8RSU',
      ],
    ],
    [
      'starts where a URL is glued after a word (legacy glued block)',
      'March 2025Some Paper TitleSome UniversityAda Author, Bob Authorhttps://arxiv.org/pdf/2503.01234',
      ['https://arxiv.org/pdf/2503.01234'],
    ],
    [
      'runs into a closing bracket (brackets are the caller’s business)',
      'Interactive Visualization: Title [https://podcast.do-not-panic.com/viz/x-7cc949.html]',
      ['https://podcast.do-not-panic.com/viz/x-7cc949.html]'],
    ],
    [
      'ignores javascript:, ftp:, mailto: and scheme-less links',
      'javascript:alert(1) ftp://x.example/a mailto:a@b.example arxiv.org/abs/2501.00663 //x.example',
      [],
    ],
    [
      'keeps emoji and non-ASCII characters (UTF-16 offsets)',
      '🦙 https://scholar.google.com/scholar?q=🦙+Łańcucki+Mamba–Transformer done',
      ['https://scholar.google.com/scholar?q=🦙+Łańcucki+Mamba–Transformer'],
    ],
  ])('%s', (_name, text, urls) => {
    const found = findUrls(text);
    let from = 0;
    const expected = urls.map((u) => {
      const m = at(text, u, from);
      from = m.end;
      return m;
    });
    expect(found).toEqual(expected);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.url);
  });
});

describe('httpUrlOrNull', () => {
  it.each([
    ['https://arxiv.org/abs/2501.00663', 'https://arxiv.org/abs/2501.00663'],
    ['http://arxiv.org/abs/2511.20172', 'http://arxiv.org/abs/2511.20172'],
    [
      'https://scholar.google.com/scholar?q=Is+It+Real?',
      'https://scholar.google.com/scholar?q=Is+It+Real?',
    ],
  ])('%s is kept as it is', (value, expected) => {
    expect(httpUrlOrNull(value)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:msgbox(1)',
    'ftp://example.com/a.pdf',
    'mailto:ada@example.com',
    'file:///etc/passwd',
    'arxiv.org/abs/2501.00663',
    '',
    null,
    undefined,
  ])('%j → null', (value) => {
    expect(httpUrlOrNull(value)).toBeNull();
  });
});
