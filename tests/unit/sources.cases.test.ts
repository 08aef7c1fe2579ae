/**
 * Table-driven cases for `parseSources`, written from the forms the show has written and
 * the `parse` command's fields, not from the parser's output. Each case gives the
 * description text and, for every source, at least the CONTRACT fields (title, authors, year,
 * url, kind, arxivId, pdfUrl) plus the description's visualization URL. Every case also checks
 * the ranges: `text.slice(start, end)` begins with the item's number (numbered lists) or its
 * first character, and ends with its URL; `text.slice(urlStart, urlEnd) === url`.
 *
 * The Podimo descriptions are copied verbatim from shared/fixtures/podimo-episode-page.txt.
 */
import { describe, it, expect } from 'vitest';
import { scholarQuery } from '@/lib/links/classify';
import { slugMatchesTitle } from '@/lib/links/episodes';
import { parseSources, type Source } from '@/lib/sources/index';

type Kind = 'paper' | 'episode' | 'other';

interface Stem {
  stem: string;
  date: string;
  slug: string;
  hash: string;
}

interface ExpectedSource {
  title: string | null;
  authors: string[];
  year: number | null;
  url: string | null;
  kind: Kind;
  arxivId: string | null;
  pdfUrl: string | null;
  // Optional extra fields, checked when given.
  arxivVersion?: number | null;
  doi?: string | null;
  /** The title its Google Scholar link searches for: `scholarQuery(url)`. */
  scholarTitle?: string | null;
  episode?: Stem | null;
  /** What `text.slice(start, end)` must begin with in unnumbered lists. */
  lead?: string;
}

interface Case {
  name: string;
  text: string;
  /** `.` for `1.` lists, `)` for legacy `1)` blocks, `false` for unnumbered items. */
  numbered: '.' | ')' | false;
  expected: {
    visualizationUrl: string | null;
    /** `listStart` must be the index of the first occurrence of this label, or null. */
    listLabel?: string | null;
    sources: ExpectedSource[];
  };
}

const SCHOLAR = 'https://scholar.google.com/scholar?q=';
const EPISODES = 'https://podcast.do-not-panic.com/episodes/';
const VIZ = 'https://podcast.do-not-panic.com/viz/';
const HOSTS = ['Hal Turing', 'Dr. Ada Shannon'];

/** A source whose link is the Google Scholar search for its title (only spaces → `+`). */
function scholar(
  title: string,
  authors: string[],
  year: number | null,
  extra: Partial<ExpectedSource> = {},
): ExpectedSource {
  return {
    title,
    authors,
    year,
    url: SCHOLAR + title.split(' ').join('+'),
    kind: 'paper',
    arxivId: null,
    pdfUrl: null,
    scholarTitle: title,
    ...extra,
  };
}

/** A source with an arXiv link; `pdf` is the expected arXiv PDF (cited version kept). */
function arxiv(
  title: string | null,
  authors: string[],
  year: number | null,
  url: string,
  arxivId: string,
  pdfUrl: string,
  extra: Partial<ExpectedSource> = {},
): ExpectedSource {
  return { title, authors, year, url, kind: 'paper', arxivId, pdfUrl, ...extra };
}

/** A paper whose link is neither arXiv nor Scholar. */
function paper(
  title: string | null,
  authors: string[],
  year: number | null,
  url: string | null,
  pdfUrl: string | null = null,
  extra: Partial<ExpectedSource> = {},
): ExpectedSource {
  return { title, authors, year, url, kind: 'paper', arxivId: null, pdfUrl, ...extra };
}

/** A prior episode of the show cited with its mp3 `{stem}.mp3`. */
function showEpisode(
  title: string,
  stem: string,
  extra: Partial<ExpectedSource> = {},
): ExpectedSource {
  return {
    title,
    authors: HOSTS,
    year: 2026,
    url: `${EPISODES}${stem}.mp3`,
    kind: 'episode',
    arxivId: null,
    pdfUrl: null,
    episode: { stem, date: stem.slice(0, 10), slug: stem.slice(11, -7), hash: stem.slice(-6) },
    ...extra,
  };
}

/**
 * Two cases, feed layout and collapsed onto one line, for numbered items given as
 * `[citation, url]` pairs and their expected sources.
 */
function bothLayouts(name: string, items: [string, string][], sources: ExpectedSource[]): Case[] {
  return [
    {
      name: `${name} (feed form)`,
      text:
        'Summary.\n\nSources:\n' +
        items.map(([c, u], i) => `  ${i + 1}. ${c}\n     ${u}`).join('\n'),
      numbered: '.',
      expected: { visualizationUrl: null, listLabel: 'Sources:', sources },
    },
    {
      name: `${name} (collapsed form)`,
      text: 'Summary. Sources: ' + items.map(([c, u], i) => `${i + 1}. ${c} ${u}`).join(' '),
      numbered: '.',
      expected: { visualizationUrl: null, listLabel: 'Sources:', sources },
    },
  ];
}

const scholarUrl = (title: string) => SCHOLAR + title.split(' ').join('+');
const PAPER_A: [string, string] = ['Paper A Title — Ada Author, 2024', scholarUrl('Paper A Title')];
const PAPER_A_SOURCE = scholar('Paper A Title', ['Ada Author'], 2024);

/** Lines joined by `\n`. */
const lines = (...ls: string[]) => ls.join('\n');

// ---------------------------------------------------------------------------------------------
// Verbatim descriptions from the Podimo page (split into items only for readability; the parts
// are joined back with single spaces exactly as the page has them).

const BELUGA_PARTS = [
  'This episode explores Beluga, a systems paper that tackles one of the biggest practical bottlenecks in long-context LLM inference: how to store and retrieve massive KV caches when GPU memory is no longer enough. It explains why traditional RDMA-based memory disaggregation is cumbersome and how Beluga uses CXL-based pooled memory to give GPUs and CPUs more direct, load/store-style access to shared cache data, reducing copies, staging, and synchronization overhead. The discussion digs into the architecture’s tradeoffs, including the fact that CXL is still slower than local HBM or DRAM, but argues that its simpler access model can still deliver large gains in the right workload regime. Listeners would find it interesting for its concrete analysis of when the reported speedups, including major reductions in time to first token and large throughput gains, are real advances versus artifacts of favorable cache-reuse conditions. Sources:',
  '1. Beluga: A CXL-Based Memory Architecture for Scalable and Efficient LLM KVCache Management — Xinjun Yang, Qingda Hu, Junru Li, Feifei Li, Yicong Zhu, Yuqi Zhou, Qiuru Lin, Jian Dai, Yang Kong, Jiayu Zhang, Guoqiang Xu, Qiang Liu, 2025 http://arxiv.org/abs/2511.20172',
  '2. Memory Pooling With CXL — Donghyun Gouk, Miryeong Kwon, Hanyeoreum Bae, Sangwon Lee, Myoungsoo Jung, 2023 https://scholar.google.com/scholar?q=Memory+Pooling+With+CXL',
  '3. Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices — Yan Sun, Yifan Yuan, Zeduo Yu, Reese Kuper, Chihun Song, Jinghan Huang, Houxiang Ji, Siddharth Agarwal, Jiaqi Lou, Ipoom Jeong, Ren Wang, Jung Ho Ahn, Tianyin Xu, Nam Sung Kim, 2023 https://scholar.google.com/scholar?q=Demystifying+CXL+Memory+with+Genuine+CXL-Ready+Systems+and+Devices',
  '4. Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving — Ruoyu Qin, Zheming Li, Weiran He, Mingxing Zhang, Yongwei Wu, Weimin Zheng, Xinran Xu, 2025 https://scholar.google.com/scholar?q=Mooncake:+A+KVCache-centric+Disaggregated+Architecture+for+LLM+Serving',
  '5. Exploring CXL-based KV Cache Storage for LLM Serving — Yupeng Tang, Runxiang Cheng, Ping Zhou, Tongping Liu, Fei Liu, Wei Tang, Kyoungryun Bae, Jianjun Chen, Wu Xiang, Rui Shi, 2024 https://scholar.google.com/scholar?q=Exploring+CXL-based+KV+Cache+Storage+for+LLM+Serving',
  '6. MemServe: Context Caching for Disaggregated LLM Serving with Elastic Memory Pool — Cunchen Hu, Heyang Huang, Junhao Hu, Jiang Xu, Xusheng Chen, Tao Xie, Chenxi Wang, Sa Wang, Yungang Bao, Ninghui Sun, Yizhou Shan, 2024 https://scholar.google.com/scholar?q=MemServe:+Context+Caching+for+Disaggregated+LLM+Serving+with+Elastic+Memory+Pool',
  '7. Efficient Memory Management for Large Language Model Serving with PagedAttention — Woosuk Kwon, Zhuohan Li, Siyuan Zhuang, Ying Sheng, Lianmin Zheng, Cody Hao Yu, Joseph E. Gonzalez, Hao Zhang, Ion Stoica, 2023 https://scholar.google.com/scholar?q=Efficient+Memory+Management+for+Large+Language+Model+Serving+with+PagedAttention',
  '8. CacheGen: KV Cache Compression and Streaming for Fast Large Language Model Serving — Yuhan Liu, Hanchen Li, Yihua Cheng, Siddhant Ray, Yuyang Huang, Qizheng Zhang, Kuntai Du, Jiayi Yao, Shan Lu, Ganesh Ananthanarayanan, Michael Maire, Henry Hoffmann, Ari Holtzman, Junchen Jiang, 2024 https://scholar.google.com/scholar?q=CacheGen:+KV+Cache+Compression+and+Streaming+for+Fast+Large+Language+Model+Serving',
  '9. PyramidInfer: Pyramid KV Cache Compression for High-throughput LLM Inference — Dongjie Yang et al., 2024 https://scholar.google.com/scholar?q=PyramidInfer:+Pyramid+KV+Cache+Compression+for+High-throughput+LLM+Inference',
  '10. ChunkKV: Semantic-Preserving KV Cache Compression for Efficient Long-Context LLM Inference — Xiang Liu et al., 2025 https://scholar.google.com/scholar?q=ChunkKV:+Semantic-Preserving+KV+Cache+Compression+for+Efficient+Long-Context+LLM+Inference',
  '11. Inference-Time Hyper-Scaling with KV Cache Compression — Adrian Łańcucki, Konrad Staniszewski, Piotr Nawrot, Edoardo M. Ponti, 2025 https://scholar.google.com/scholar?q=Inference-Time+Hyper-Scaling+with+KV+Cache+Compression',
  '12. FlowKV: A Disaggregated Inference Framework with Low-Latency KV Cache Transfer and Load-Aware Scheduling — Weiqing Li et al., 2025 https://scholar.google.com/scholar?q=FlowKV:+A+Disaggregated+Inference+Framework+with+Low-Latency+KV+Cache+Transfer+and+Load-Aware+Scheduling',
  '13. TokenLake: A Unified Segment-level Prefix Cache Pool for Fine-grained Elastic Long-Context LLM Serving — Bingyang Wu et al., 2025 https://scholar.google.com/scholar?q=TokenLake:+A+Unified+Segment-level+Prefix+Cache+Pool+for+Fine-grained+Elastic+Long-Context+LLM+Serving',
  '14. KVFlow: Efficient Prefix Caching for Accelerating LLM-Based Multi-Agent Workflows — Zaifeng Pan et al., 2025 https://scholar.google.com/scholar?q=KVFlow:+Efficient+Prefix+Caching+for+Accelerating+LLM-Based+Multi-Agent+Workflows',
  '15. Learned Prefix Caching for Efficient LLM Inference — Dongsheng Yang, Austin Li, Kai Li, Wyatt Lloyd, 2025 https://scholar.google.com/scholar?q=Learned+Prefix+Caching+for+Efficient+LLM+Inference',
  '16. AI Post Transformers: FengHuang for Rack-Scale LLM Inference Memory — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-04-12-fenghuang-for-rack-scale-llm-inference-m-62708e.mp3',
  '17. AI Post Transformers: CXL Computational Memory Offloading for Lower Runtime — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-04-04-cxl-computational-memory-offloading-for-3b2124.mp3',
  '18. AI Post Transformers: Prefill-as-a-Service for Cross-Datacenter KV Cache — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-04-19-prefill-as-a-service-for-cross-datacente-7560be.mp3',
  '19. AI Post Transformers: SolidAttention: Co-Designing Sparse Attention and SSD I/O — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-03-18-solidattention-co-designing-sparse-atten-5a8622.mp3',
  '20. AI Post Transformers: Stochastic KV Routing for Cache Sharing — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-04-29-stochastic-kv-routing-for-cache-sharing-5fef63.mp3',
  '21. AI Post Transformers: Affordable Large-Scale Decoding Through Model-System Co-Design — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-05-19-affordable-large-scale-decoding-through-e1d7ed.mp3',
  'Interactive Visualization: Beluga: CXL Memory Pooling for LLM KV Cache [https://podcast.do-not-panic.com/viz/2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f.html]',
];

const LPU_PARTS = [
  'This episode explores a 2024 paper on the LPU, a custom processor designed specifically for large language model inference, with an emphasis on reducing the per-token delay that users notice in interactive systems. It explains why autoregressive decoding is often limited by memory movement and synchronization rather than raw compute, making conventional GPU strengths less decisive in small-batch, user-facing generation. The discussion highlights the paper’s full-stack argument: a specialized chip, a supporting software stack called HyperDex, and a multi-device link meant to preserve low latency while scaling across processors. Listeners would find it interesting because it reframes AI hardware performance around real conversational responsiveness and digs into whether the paper’s bold efficiency and scaling claims actually hold up under careful comparison. Sources:',
  '1. LPU Chip for Low-Latency LLM Inference https://arxiv.org/pdf/2408.07326',
  '2. DFX: A Low-latency Multi-FPGA Appliance for Accelerating Transformer-based Text Generation — Seongmin Hong, et al., 2022 https://scholar.google.com/scholar?q=DFX:+A+Low-latency+Multi-FPGA+Appliance+for+Accelerating+Transformer-based+Text+Generation',
  '3. SpAtten: Efficient Sparse Attention Architecture with Cascade Token and Head Pruning — Hanrui Wang, Zhekai Zhang, Song Han, 2021 https://scholar.google.com/scholar?q=SpAtten:+Efficient+Sparse+Attention+Architecture+with+Cascade+Token+and+Head+Pruning',
  '4. A Software-Defined Tensor Streaming Multiprocessor for Large-Scale Machine Learning — Dennis Abts, et al., 2022 https://scholar.google.com/scholar?q=A+Software-Defined+Tensor+Streaming+Multiprocessor+for+Large-Scale+Machine+Learning',
  '5. Efficient Memory Management for Large Language Model Serving with PagedAttention — Woosuk Kwon, Zhuohan Li, Siyuan Zhuang, Ying Sheng, Lianmin Zheng, et al., 2023 https://scholar.google.com/scholar?q=Efficient+Memory+Management+for+Large+Language+Model+Serving+with+PagedAttention',
  '6. DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving — Yinmin Zhong, Shengyu Zhao, et al., 2024 https://scholar.google.com/scholar?q=DistServe:+Disaggregating+Prefill+and+Decoding+for+Goodput-optimized+Large+Language+Model+Serving',
  '7. RazorAttention: Efficient KV Cache Compression Through Retrieval Heads — Hanlin Tang et al., 2024 https://scholar.google.com/scholar?q=RazorAttention:+Efficient+KV+Cache+Compression+Through+Retrieval+Heads',
  '8. Not All Heads Matter: A Head-Level KV Cache Compression Method with Integrated Retrieval and Reasoning — Yu Fu et al., 2024 https://scholar.google.com/scholar?q=Not+All+Heads+Matter:+A+Head-Level+KV+Cache+Compression+Method+with+Integrated+Retrieval+and+Reasoning',
  '9. Efficient Interactive LLM Serving with Proxy Model-based Sequence Length Prediction — Haoran Qiu et al., 2024 https://scholar.google.com/scholar?q=Efficient+Interactive+LLM+Serving+with+Proxy+Model-based+Sequence+Length+Prediction',
  '10. Slice-Level Scheduling for High Throughput and Load Balanced LLM Serving — Ke Cheng et al., 2024 https://scholar.google.com/scholar?q=Slice-Level+Scheduling+for+High+Throughput+and+Load+Balanced+LLM+Serving',
  '11. Deferred Continuous Batching in Resource-Efficient Large Language Model Serving — Yongjun He, Yao Lu, Gustavo Alonso, 2024 https://scholar.google.com/scholar?q=Deferred+Continuous+Batching+in+Resource-Efficient+Large+Language+Model+Serving',
  '12. TokenWeave: Efficient Compute-Communication Overlap for Distributed LLM Inference — Raja Gond, Nipun Kwatra, Ramachandran Ramjee, 2025 https://scholar.google.com/scholar?q=TokenWeave:+Efficient+Compute-Communication+Overlap+for+Distributed+LLM+Inference',
  '13. Characterizing Communication Patterns in Distributed Large Language Model Inference — Lang Xu et al., 2025 https://scholar.google.com/scholar?q=Characterizing+Communication+Patterns+in+Distributed+Large+Language+Model+Inference',
  '14. Mind the Memory Gap: Unveiling GPU Bottlenecks in Large-Batch LLM Inference — Pol G. Recasens et al., 2025 https://scholar.google.com/scholar?q=Mind+the+Memory+Gap:+Unveiling+GPU+Bottlenecks+in+Large-Batch+LLM+Inference',
  '15. AI Post Transformers: FengHuang for Rack-Scale LLM Inference Memory — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-04-12-fenghuang-for-rack-scale-llm-inference-m-62708e.mp3',
  '16. AI Post Transformers: Deep Kernel Fusion for Transformer Decoding — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-05-15-deep-kernel-fusion-for-transformer-decod-b1a703.mp3',
  '17. AI Post Transformers: Affordable Large-Scale Decoding Through Model-System Co-Design — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-05-19-affordable-large-scale-decoding-through-e1d7ed.mp3',
  '18. AI Post Transformers: Speculative Decoding in Real vLLM Serving — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-04-04-speculative-decoding-in-real-vllm-servin-6f4e2b.mp3',
  '19. AI Post Transformers: Why LLM Serving Needs Mathematical Optimization — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-05-05-why-llm-serving-needs-mathematical-optim-647fc6.mp3',
  '20. AI Post Transformers: LAPS for Length-Aware LLM Serving — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-05-05-laps-for-length-aware-llm-serving-0c6149.mp3',
  '21. AI Post Transformers: Splitwise: Phase-Split LLM Inference — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-03-26-splitwise-phase-split-llm-inference-e8945b.mp3',
  '22. AI Post Transformers: JANUS for Scalable MoE Inference — Hal Turing & Dr. Ada Shannon, 2026 https://podcast.do-not-panic.com/episodes/2026-05-15-janus-for-scalable-moe-inference-78ae30.mp3',
  'Interactive Visualization: LPU Chip for Low-Latency LLM Inference [https://podcast.do-not-panic.com/viz/2026-05-20-lpu-chip-for-low-latency-llm-inference-be13c3.html]',
];

const NESTED =
  'Episode title: After Titans: Behrouz on Nested Learning and Hope The followup to our Titans episode, by the same core team a year later. Behrouz, Razaviyayn, Zhong, and Mirrokni (Google Research) generalize the Titans bet — that long-term memory should be a learnable module updated at test time — into a broader paradigm they call Nested Learning, where a "deep" architecture is really a hierarchy of nested optimization problems each compressing its own context flow. The episode walks through their three core contributions: (1) reframing standard optimizers like Adam and SGD-with-Momentum as associative-memory modules that compress gradient information, then proposing more expressive optimizers with their own deep memory; (2) a self-modifying sequence model whose update rule is itself learned end-to-end — the natural generalization of the test-time-learnable memory module Titans introduced; (3) a continuum memory system that replaces the traditional short-term-vs-long-term dichotomy with a continuum across multiple update rates. Combining the self-modifying module with the continuum memory system produces Hope, a continual-learning architecture reported promising on language modeling, knowledge incorporation, few-shot generalization, continual learning, and long-context reasoning. The hosts treat Hope as the next concrete instance of the Titans → Nested Learning research arc, stress-test the novelty against established meta-learning and fast-weights literature, and distinguish what the paper actually shows from what its framing suggests. Sources: Nested Learning: The Illusion of Deep Learning Architectures — Ali Behrouz, Meisam Razaviyayn, Peilin Zhong, Vahab Mirrokni (Google Research, NeurIPS 2025) — arXiv 2512.24695 https://arxiv.org/pdf/2512.24695 Titans: Learning to Memorize at Test Time — Ali Behrouz, Peilin Zhong, Vahab Mirrokni (Jan 2025) — arXiv 2501.00663 https://arxiv.org/pdf/2501.00663 AI Post Transformers — "Titans: Learning to Memorize at Test Time" https://podcast.do-not-panic.com/episodes/2026-05-20-titans-learning-to-memorize-at-test-time-054662.mp3 Interactive Visualization: After Titans: Behrouz on Nested Learning and Hope [https://podcast.do-not-panic.com/viz/2026-05-20-nested-learning-beyond-deep-architecture-7cc949.html]';

// ---------------------------------------------------------------------------------------------
// Shared expectations.

const FEED_SOURCES: ExpectedSource[] = [
  arxiv(
    'Paper A Title: A Subtitle',
    ['Author One', 'Author Two'],
    2025,
    'http://arxiv.org/abs/2501.00663v1',
    '2501.00663',
    'https://arxiv.org/pdf/2501.00663v1',
    { arxivVersion: 1 },
  ),
  scholar('Paper B Title', ['Smith'], 2023),
  scholar('Paper C Title', [], null),
  showEpisode('Prior Episode Title', '2026-05-01-prior-episode-title-abc123'),
];
const FEED_VIZ = `${VIZ}2026-05-20-synthetic-episode-title-7cc949.html`;

const FEED_LIST = [
  'Sources:',
  '  1. Paper A Title: A Subtitle — Author One, Author Two, 2025',
  '     http://arxiv.org/abs/2501.00663v1',
  '  2. Paper B Title — Smith et al., 2023',
  '     https://scholar.google.com/scholar?q=Paper+B+Title',
  '  3. Paper C Title — approximate, ?',
  '     https://scholar.google.com/scholar?q=Paper+C+Title',
  '  4. AI Post Transformers: Prior Episode Title — Hal Turing & Dr. Ada Shannon, 2026',
  '     https://podcast.do-not-panic.com/episodes/2026-05-01-prior-episode-title-abc123.mp3',
];
const FEED_TEXT = lines(
  'SYNTHETIC SUMMARY. This episode explores a test-time memory architecture. It discusses trade-offs in long-context retrieval.',
  '',
  ...FEED_LIST,
  '',
  `Interactive Visualization: <a href="${FEED_VIZ}">Synthetic Episode Title</a>`,
);

const NUMBER_IN_TITLE_SOURCES: ExpectedSource[] = [
  arxiv(
    'Llama 2. Open Foundation and Fine-Tuned Chat Models',
    ['Hugo Touvron', 'Louis Martin', 'Kevin Stone'],
    2023,
    'https://arxiv.org/abs/2307.09288',
    '2307.09288',
    'https://arxiv.org/pdf/2307.09288',
  ),
  scholar('Top 3. Tricks for Method v2. Improved KV Caching', ['Ada Author'], 2024),
  scholar('Step 4. Profit?', [], 2019),
  scholar('1984', ['George Orwell'], 1949),
  scholar('5. Why Numbers Lead Titles', ['Bob Author'], 2022),
];
const NUMBER_IN_TITLE_ITEMS = [
  '1. Llama 2. Open Foundation and Fine-Tuned Chat Models — Hugo Touvron, Louis Martin, Kevin Stone, et al., 2023',
  'https://arxiv.org/abs/2307.09288',
  '2. Top 3. Tricks for Method v2. Improved KV Caching — Ada Author, 2024',
  'https://scholar.google.com/scholar?q=Top+3.+Tricks+for+Method+v2.+Improved+KV+Caching',
  '3. Step 4. Profit? — ?, 2019/2020',
  'https://scholar.google.com/scholar?q=Step+4.+Profit?',
  '4. 1984 — George Orwell, 1949',
  'https://scholar.google.com/scholar?q=1984',
  '5. 5. Why Numbers Lead Titles — Bob Author, 2022',
  'https://scholar.google.com/scholar?q=5.+Why+Numbers+Lead+Titles',
];

const PUNCTUATION_SOURCES: ExpectedSource[] = [
  scholar(
    '*Attention* Is Not All You Need: Pure Attention Loses Rank',
    ['Yihe Dong', 'Jean-Baptiste Cordonnier', 'Andreas Loukas'],
    2021,
  ),
  scholar(
    "Don't Stop Pretraining: Adapt Language Models to Domains & Tasks, Again?",
    ['Suchin Gururangan'],
    2020,
  ),
  arxiv(
    'FlashAttention—Fast and Memory-Efficient Exact Attention with IO-Awareness',
    ['Tri Dao', 'Daniel Y. Fu', 'Stefano Ermon', 'Atri Rudra', 'Christopher Ré'],
    2022,
    'https://arxiv.org/abs/2205.14135',
    '2205.14135',
    'https://arxiv.org/pdf/2205.14135',
  ),
  scholar('Mamba–Transformer Hybrids: Long-Context Trade-offs (Part 2)', [], 2025),
  scholar('GPT-4o: 128k-Token Context, 4-bit Weights', ['Ada Author', 'Bob Author'], null),
  scholar('Pre-training – Does It Matter? A 2x2 Study', ['Carol Author'], 2024),
  scholar('Is Attention All You Need?', [], 2024),
];
const PUNCTUATION_ITEMS = [
  '1. *Attention* Is Not All You Need: Pure Attention Loses Rank — Yihe Dong, Jean-Baptiste Cordonnier, Andreas Loukas, 2021',
  'https://scholar.google.com/scholar?q=*Attention*+Is+Not+All+You+Need:+Pure+Attention+Loses+Rank',
  "2. Don't Stop Pretraining: Adapt Language Models to Domains & Tasks, Again? — Suchin Gururangan et al., 2020",
  "https://scholar.google.com/scholar?q=Don't+Stop+Pretraining:+Adapt+Language+Models+to+Domains+&+Tasks,+Again?",
  '3. FlashAttention—Fast and Memory-Efficient Exact Attention with IO-Awareness — Tri Dao, Daniel Y. Fu, Stefano Ermon, Atri Rudra, Christopher Ré, 2022',
  'https://arxiv.org/abs/2205.14135',
  '4. Mamba–Transformer Hybrids: Long-Context Trade-offs (Part 2) — approx. recent Google authors, 2025',
  'https://scholar.google.com/scholar?q=Mamba–Transformer+Hybrids:+Long-Context+Trade-offs+(Part+2)',
  '5. GPT-4o: 128k-Token Context, 4-bit Weights — Ada Author, Bob Author, and others, ?',
  'https://scholar.google.com/scholar?q=GPT-4o:+128k-Token+Context,+4-bit+Weights',
  '6. Pre-training – Does It Matter? A 2x2 Study — Carol Author, 2024',
  'https://scholar.google.com/scholar?q=Pre-training+–+Does+It+Matter?+A+2x2+Study',
  '7. Is Attention All You Need? — ?, 2024',
  'https://scholar.google.com/scholar?q=Is+Attention+All+You+Need?',
];

/** `N. title` + URL pairs laid out the way the feed does (indented, URL on its own line). */
function feedLayout(items: string[]): string {
  return items.map((l) => (/^\d+\. /.test(l) ? `  ${l}` : `     ${l}`)).join('\n');
}

const NESTED_VIZ = `${VIZ}2026-05-20-nested-learning-beyond-deep-architecture-7cc949.html`;
const NESTED_SOURCES: ExpectedSource[] = [
  arxiv(
    'Nested Learning: The Illusion of Deep Learning Architectures',
    ['Ali Behrouz', 'Meisam Razaviyayn', 'Peilin Zhong', 'Vahab Mirrokni'],
    2025,
    'https://arxiv.org/pdf/2512.24695',
    '2512.24695',
    'https://arxiv.org/pdf/2512.24695',
    { lead: 'Nested Learning: The Illusion', arxivVersion: null },
  ),
  arxiv(
    'Titans: Learning to Memorize at Test Time',
    ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
    2025,
    'https://arxiv.org/pdf/2501.00663',
    '2501.00663',
    'https://arxiv.org/pdf/2501.00663',
    { lead: 'Titans: Learning' },
  ),
  {
    ...showEpisode(
      'Titans: Learning to Memorize at Test Time',
      '2026-05-20-titans-learning-to-memorize-at-test-time-054662',
    ),
    authors: [],
    year: null,
    lead: 'AI Post Transformers — "Titans',
  },
];

const LEGACY_TWO_SOURCES: ExpectedSource[] = [
  arxiv(
    'Titans: Learning to Memorize at Test Time',
    ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
    2025,
    'https://arxiv.org/abs/2501.00663',
    '2501.00663',
    'https://arxiv.org/pdf/2501.00663',
  ),
  arxiv(
    'Byte Latent Transformer: Patches Scale Better Than Tokens',
    ['Artidoro Pagnoni'],
    2024,
    'https://arxiv.org/pdf/2412.09871v1',
    '2412.09871',
    'https://arxiv.org/pdf/2412.09871v1',
  ),
];

const ONE_ITEM = arxiv(
  'Attention Is All You Need',
  ['Ashish Vaswani'],
  2017,
  'https://arxiv.org/abs/1706.03762',
  '1706.03762',
  'https://arxiv.org/pdf/1706.03762',
);

// ---------------------------------------------------------------------------------------------

const CASES: Case[] = [
  // --- The current form, as the feed carries it and as hosts collapse it ---------------------
  {
    name: 'feed form: newlines and indentation (feed-item.xml, unescaped)',
    text: FEED_TEXT,
    numbered: '.',
    expected: { visualizationUrl: FEED_VIZ, listLabel: 'Sources:', sources: FEED_SOURCES },
  },
  {
    name: 'feed form with CRLF line endings',
    text: FEED_TEXT.replace(/\n/g, '\r\n'),
    numbered: '.',
    expected: { visualizationUrl: FEED_VIZ, listLabel: 'Sources:', sources: FEED_SOURCES },
  },
  {
    name: 'feed form with tab indentation and blank lines between items',
    text: FEED_TEXT.replace(/\n {2}(\d)/g, '\n\n\t$1').replace(/\n {5}/g, '\n\t\t'),
    numbered: '.',
    expected: { visualizationUrl: FEED_VIZ, listLabel: 'Sources:', sources: FEED_SOURCES },
  },
  {
    name: 'feed form collapsed onto one line (URL directly followed by " N. ")',
    text: FEED_TEXT.replace(/\s+/g, ' '),
    numbered: '.',
    expected: { visualizationUrl: FEED_VIZ, listLabel: 'Sources:', sources: FEED_SOURCES },
  },
  {
    name: 'site episode page text: viz label above the list, stray "Interactive Visualization: Title" line after it',
    text: lines(
      'SYNTHETIC SUMMARY. This episode explores a test-time memory architecture.',
      'Interactive Visualization: Synthetic Episode Title',
      'Sources:',
      '1. Paper A Title: A Subtitle — Author One, Author Two, 2025',
      '     http://arxiv.org/abs/2501.00663v1',
      '2. Paper B Title — Smith et al., 2023',
      '     https://scholar.google.com/scholar?q=Paper+B+Title',
      '3. Paper C Title — approximate, ?',
      '     https://scholar.google.com/scholar?q=Paper+C+Title',
      '4. AI Post Transformers: Prior Episode Title — Hal Turing & Dr. Ada Shannon, 2026',
      '     https://podcast.do-not-panic.com/episodes/2026-05-01-prior-episode-title-abc123.mp3',
      'Interactive Visualization: Synthetic Episode Title',
    ),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: FEED_SOURCES },
  },
  {
    name: 'site month card collapsed onto one line, stray "Interactive Visualization: Title" at the end',
    text:
      'SYNTHETIC SUMMARY. It discusses trade-offs in long-context retrieval. Interactive Visualization: Synthetic Episode Title ' +
      FEED_LIST.join(' ').replace(/\s+/g, ' ') +
      ' Interactive Visualization: Synthetic Episode Title',
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: FEED_SOURCES },
  },
  {
    name: 'Podimo collapsed form, Beluga episode: 21 items, two-digit numbers, diacritics, cited episodes, "Title [url]" visualization',
    text: BELUGA_PARTS.join(' '),
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f.html`,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          'Beluga: A CXL-Based Memory Architecture for Scalable and Efficient LLM KVCache Management',
          [
            'Xinjun Yang',
            'Qingda Hu',
            'Junru Li',
            'Feifei Li',
            'Yicong Zhu',
            'Yuqi Zhou',
            'Qiuru Lin',
            'Jian Dai',
            'Yang Kong',
            'Jiayu Zhang',
            'Guoqiang Xu',
            'Qiang Liu',
          ],
          2025,
          'http://arxiv.org/abs/2511.20172',
          '2511.20172',
          'https://arxiv.org/pdf/2511.20172',
          { arxivVersion: null, doi: null, scholarTitle: null, episode: null },
        ),
        scholar(
          'Memory Pooling With CXL',
          ['Donghyun Gouk', 'Miryeong Kwon', 'Hanyeoreum Bae', 'Sangwon Lee', 'Myoungsoo Jung'],
          2023,
        ),
        scholar(
          'Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices',
          [
            'Yan Sun',
            'Yifan Yuan',
            'Zeduo Yu',
            'Reese Kuper',
            'Chihun Song',
            'Jinghan Huang',
            'Houxiang Ji',
            'Siddharth Agarwal',
            'Jiaqi Lou',
            'Ipoom Jeong',
            'Ren Wang',
            'Jung Ho Ahn',
            'Tianyin Xu',
            'Nam Sung Kim',
          ],
          2023,
        ),
        scholar(
          'Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving',
          [
            'Ruoyu Qin',
            'Zheming Li',
            'Weiran He',
            'Mingxing Zhang',
            'Yongwei Wu',
            'Weimin Zheng',
            'Xinran Xu',
          ],
          2025,
        ),
        scholar(
          'Exploring CXL-based KV Cache Storage for LLM Serving',
          [
            'Yupeng Tang',
            'Runxiang Cheng',
            'Ping Zhou',
            'Tongping Liu',
            'Fei Liu',
            'Wei Tang',
            'Kyoungryun Bae',
            'Jianjun Chen',
            'Wu Xiang',
            'Rui Shi',
          ],
          2024,
        ),
        scholar(
          'MemServe: Context Caching for Disaggregated LLM Serving with Elastic Memory Pool',
          [
            'Cunchen Hu',
            'Heyang Huang',
            'Junhao Hu',
            'Jiang Xu',
            'Xusheng Chen',
            'Tao Xie',
            'Chenxi Wang',
            'Sa Wang',
            'Yungang Bao',
            'Ninghui Sun',
            'Yizhou Shan',
          ],
          2024,
        ),
        scholar(
          'Efficient Memory Management for Large Language Model Serving with PagedAttention',
          [
            'Woosuk Kwon',
            'Zhuohan Li',
            'Siyuan Zhuang',
            'Ying Sheng',
            'Lianmin Zheng',
            'Cody Hao Yu',
            'Joseph E. Gonzalez',
            'Hao Zhang',
            'Ion Stoica',
          ],
          2023,
        ),
        scholar(
          'CacheGen: KV Cache Compression and Streaming for Fast Large Language Model Serving',
          [
            'Yuhan Liu',
            'Hanchen Li',
            'Yihua Cheng',
            'Siddhant Ray',
            'Yuyang Huang',
            'Qizheng Zhang',
            'Kuntai Du',
            'Jiayi Yao',
            'Shan Lu',
            'Ganesh Ananthanarayanan',
            'Michael Maire',
            'Henry Hoffmann',
            'Ari Holtzman',
            'Junchen Jiang',
          ],
          2024,
        ),
        scholar(
          'PyramidInfer: Pyramid KV Cache Compression for High-throughput LLM Inference',
          ['Dongjie Yang'],
          2024,
        ),
        scholar(
          'ChunkKV: Semantic-Preserving KV Cache Compression for Efficient Long-Context LLM Inference',
          ['Xiang Liu'],
          2025,
        ),
        scholar(
          'Inference-Time Hyper-Scaling with KV Cache Compression',
          ['Adrian Łańcucki', 'Konrad Staniszewski', 'Piotr Nawrot', 'Edoardo M. Ponti'],
          2025,
        ),
        scholar(
          'FlowKV: A Disaggregated Inference Framework with Low-Latency KV Cache Transfer and Load-Aware Scheduling',
          ['Weiqing Li'],
          2025,
        ),
        scholar(
          'TokenLake: A Unified Segment-level Prefix Cache Pool for Fine-grained Elastic Long-Context LLM Serving',
          ['Bingyang Wu'],
          2025,
        ),
        scholar(
          'KVFlow: Efficient Prefix Caching for Accelerating LLM-Based Multi-Agent Workflows',
          ['Zaifeng Pan'],
          2025,
        ),
        scholar(
          'Learned Prefix Caching for Efficient LLM Inference',
          ['Dongsheng Yang', 'Austin Li', 'Kai Li', 'Wyatt Lloyd'],
          2025,
        ),
        showEpisode(
          'FengHuang for Rack-Scale LLM Inference Memory',
          '2026-04-12-fenghuang-for-rack-scale-llm-inference-m-62708e',
        ),
        showEpisode(
          'CXL Computational Memory Offloading for Lower Runtime',
          '2026-04-04-cxl-computational-memory-offloading-for-3b2124',
        ),
        showEpisode(
          'Prefill-as-a-Service for Cross-Datacenter KV Cache',
          '2026-04-19-prefill-as-a-service-for-cross-datacente-7560be',
        ),
        showEpisode(
          'SolidAttention: Co-Designing Sparse Attention and SSD I/O',
          '2026-03-18-solidattention-co-designing-sparse-atten-5a8622',
        ),
        showEpisode(
          'Stochastic KV Routing for Cache Sharing',
          '2026-04-29-stochastic-kv-routing-for-cache-sharing-5fef63',
        ),
        showEpisode(
          'Affordable Large-Scale Decoding Through Model-System Co-Design',
          '2026-05-19-affordable-large-scale-decoding-through-e1d7ed',
        ),
      ],
    },
  },
  {
    name: 'Podimo collapsed form, LPU episode: first item without authors or year, "X, et al." and "A, B, et al."',
    text: LPU_PARTS.join(' '),
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-05-20-lpu-chip-for-low-latency-llm-inference-be13c3.html`,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          'LPU Chip for Low-Latency LLM Inference',
          [],
          null,
          'https://arxiv.org/pdf/2408.07326',
          '2408.07326',
          'https://arxiv.org/pdf/2408.07326',
        ),
        scholar(
          'DFX: A Low-latency Multi-FPGA Appliance for Accelerating Transformer-based Text Generation',
          ['Seongmin Hong'],
          2022,
        ),
        scholar(
          'SpAtten: Efficient Sparse Attention Architecture with Cascade Token and Head Pruning',
          ['Hanrui Wang', 'Zhekai Zhang', 'Song Han'],
          2021,
        ),
        scholar(
          'A Software-Defined Tensor Streaming Multiprocessor for Large-Scale Machine Learning',
          ['Dennis Abts'],
          2022,
        ),
        scholar(
          'Efficient Memory Management for Large Language Model Serving with PagedAttention',
          ['Woosuk Kwon', 'Zhuohan Li', 'Siyuan Zhuang', 'Ying Sheng', 'Lianmin Zheng'],
          2023,
        ),
        scholar(
          'DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving',
          ['Yinmin Zhong', 'Shengyu Zhao'],
          2024,
        ),
        scholar(
          'RazorAttention: Efficient KV Cache Compression Through Retrieval Heads',
          ['Hanlin Tang'],
          2024,
        ),
        scholar(
          'Not All Heads Matter: A Head-Level KV Cache Compression Method with Integrated Retrieval and Reasoning',
          ['Yu Fu'],
          2024,
        ),
        scholar(
          'Efficient Interactive LLM Serving with Proxy Model-based Sequence Length Prediction',
          ['Haoran Qiu'],
          2024,
        ),
        scholar(
          'Slice-Level Scheduling for High Throughput and Load Balanced LLM Serving',
          ['Ke Cheng'],
          2024,
        ),
        scholar(
          'Deferred Continuous Batching in Resource-Efficient Large Language Model Serving',
          ['Yongjun He', 'Yao Lu', 'Gustavo Alonso'],
          2024,
        ),
        scholar(
          'TokenWeave: Efficient Compute-Communication Overlap for Distributed LLM Inference',
          ['Raja Gond', 'Nipun Kwatra', 'Ramachandran Ramjee'],
          2025,
        ),
        scholar(
          'Characterizing Communication Patterns in Distributed Large Language Model Inference',
          ['Lang Xu'],
          2025,
        ),
        scholar(
          'Mind the Memory Gap: Unveiling GPU Bottlenecks in Large-Batch LLM Inference',
          ['Pol G. Recasens'],
          2025,
        ),
        showEpisode(
          'FengHuang for Rack-Scale LLM Inference Memory',
          '2026-04-12-fenghuang-for-rack-scale-llm-inference-m-62708e',
        ),
        showEpisode(
          'Deep Kernel Fusion for Transformer Decoding',
          '2026-05-15-deep-kernel-fusion-for-transformer-decod-b1a703',
        ),
        showEpisode(
          'Affordable Large-Scale Decoding Through Model-System Co-Design',
          '2026-05-19-affordable-large-scale-decoding-through-e1d7ed',
        ),
        showEpisode(
          'Speculative Decoding in Real vLLM Serving',
          '2026-04-04-speculative-decoding-in-real-vllm-servin-6f4e2b',
        ),
        showEpisode(
          'Why LLM Serving Needs Mathematical Optimization',
          '2026-05-05-why-llm-serving-needs-mathematical-optim-647fc6',
        ),
        showEpisode(
          'LAPS for Length-Aware LLM Serving',
          '2026-05-05-laps-for-length-aware-llm-serving-0c6149',
        ),
        showEpisode(
          'Splitwise: Phase-Split LLM Inference',
          '2026-03-26-splitwise-phase-split-llm-inference-e8945b',
        ),
        showEpisode(
          'JANUS for Scalable MoE Inference',
          '2026-05-15-janus-for-scalable-moe-inference-78ae30',
        ),
      ],
    },
  },

  // --- The unnumbered form of the seed page's main episode -----------------------------------
  {
    name: 'Podimo unnumbered form, Nested Learning: (1) (2) (3) in the summary, "(Google Research, NeurIPS 2025) — arXiv …", quoted episode',
    text: NESTED,
    numbered: false,
    expected: { visualizationUrl: NESTED_VIZ, listLabel: 'Sources:', sources: NESTED_SOURCES },
  },
  {
    name: 'unnumbered form with each item on its own line and an <a> visualization',
    text: lines(
      'The followup to our Titans episode.',
      '',
      'Sources:',
      'Nested Learning: The Illusion of Deep Learning Architectures — Ali Behrouz, Meisam Razaviyayn, Peilin Zhong, Vahab Mirrokni (Google Research, NeurIPS 2025) — arXiv 2512.24695 https://arxiv.org/pdf/2512.24695',
      'Titans: Learning to Memorize at Test Time — Ali Behrouz, Peilin Zhong, Vahab Mirrokni (Jan 2025) — arXiv 2501.00663 https://arxiv.org/pdf/2501.00663',
      'AI Post Transformers — "Titans: Learning to Memorize at Test Time" https://podcast.do-not-panic.com/episodes/2026-05-20-titans-learning-to-memorize-at-test-time-054662.mp3',
      '',
      `Interactive Visualization: <a href="${NESTED_VIZ}">After Titans: Behrouz on Nested Learning and Hope</a>`,
    ),
    numbered: false,
    expected: { visualizationUrl: NESTED_VIZ, listLabel: 'Sources:', sources: NESTED_SOURCES },
  },
  {
    name: 'unnumbered form: "— arXiv 2001.08361" is not the year 2001; "(DeepMind, NeurIPS 2022)" gives 2022',
    text: 'Summary. Sources: Scaling Laws for Neural Language Models — Jared Kaplan, Sam McCandlish, Tom Henighan — arXiv 2001.08361 https://arxiv.org/abs/2001.08361 Training Compute-Optimal Large Language Models — Jordan Hoffmann et al. (DeepMind, NeurIPS 2022) — arXiv 2203.15556 https://arxiv.org/pdf/2203.15556v1',
    numbered: false,
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          'Scaling Laws for Neural Language Models',
          ['Jared Kaplan', 'Sam McCandlish', 'Tom Henighan'],
          null,
          'https://arxiv.org/abs/2001.08361',
          '2001.08361',
          'https://arxiv.org/pdf/2001.08361',
          { lead: 'Scaling Laws' },
        ),
        arxiv(
          'Training Compute-Optimal Large Language Models',
          ['Jordan Hoffmann'],
          2022,
          'https://arxiv.org/pdf/2203.15556v1',
          '2203.15556',
          'https://arxiv.org/pdf/2203.15556v1',
          { lead: 'Training Compute', arxivVersion: 1 },
        ),
      ],
    },
  },

  // --- Titles that contain item-number look-alikes and punctuation ---------------------------
  {
    name: 'titles containing " 2. ", " 3. ", " 4. " (even the next item number), a year-like title, a title starting "5. " (feed form)',
    text: lines('Summary.', '', 'Sources:', feedLayout(NUMBER_IN_TITLE_ITEMS)),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: NUMBER_IN_TITLE_SOURCES },
  },
  {
    name: 'titles containing " 2. ", " 3. ", " 4. " collapsed onto one line (Podimo form)',
    text: 'Summary. Sources: ' + NUMBER_IN_TITLE_ITEMS.join(' '),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: NUMBER_IN_TITLE_SOURCES },
  },
  {
    name: 'titles with *, ?, :, &, apostrophes, commas, hyphens, en/em dashes and digits; Scholar URLs keep a final "?" (feed form)',
    text: lines('Summary.', '', 'Sources:', feedLayout(PUNCTUATION_ITEMS)),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: PUNCTUATION_SOURCES },
  },
  {
    name: 'titles with punctuation collapsed onto one line: a URL ending in "?" directly followed by " N. "',
    text:
      'Summary. Sources: ' +
      PUNCTUATION_ITEMS.join(' ') +
      ` Interactive Visualization: Punctuation Episode [${VIZ}2026-01-02-punctuation-episode-0f0f0f.html]`,
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-01-02-punctuation-episode-0f0f0f.html`,
      listLabel: 'Sources:',
      sources: PUNCTUATION_SOURCES,
    },
  },

  // --- Bare URLs and glued URLs ---------------------------------------------------------------
  {
    name: 'bare-URL items, one per line',
    text: lines(
      'Sources:',
      '1. https://arxiv.org/html/2502.15734v1',
      '2. https://arxiv.org/html/2412.15605v1',
      '3. https://openreview.net/pdf?id=x7NbaU8RSU',
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/html/2502.15734v1',
          '2502.15734',
          'https://arxiv.org/pdf/2502.15734v1',
          { arxivVersion: 1 },
        ),
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/html/2412.15605v1',
          '2412.15605',
          'https://arxiv.org/pdf/2412.15605v1',
        ),
        paper(
          null,
          [],
          null,
          'https://openreview.net/pdf?id=x7NbaU8RSU',
          'https://openreview.net/pdf?id=x7NbaU8RSU',
        ),
      ],
    },
  },
  {
    name: 'bare-URL items collapsed onto one line',
    text: 'Summary. Sources: 1. https://arxiv.org/html/2502.15734v1 2. https://arxiv.org/html/2412.15605v1',
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/html/2502.15734v1',
          '2502.15734',
          'https://arxiv.org/pdf/2502.15734v1',
        ),
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/html/2412.15605v1',
          '2412.15605',
          'https://arxiv.org/pdf/2412.15605v1',
        ),
      ],
    },
  },
  {
    name: 'glued bare URLs after "Sources:" (early 2026) give three sources',
    text: 'Sources: https://arxiv.org/html/2502.15734v1https://arxiv.org/html/2412.15605v1https://openreview.net/pdf?id=x7NbaU8RSU',
    numbered: false,
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/html/2502.15734v1',
          '2502.15734',
          'https://arxiv.org/pdf/2502.15734v1',
          { lead: 'https://arxiv.org/html/2502' },
        ),
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/html/2412.15605v1',
          '2412.15605',
          'https://arxiv.org/pdf/2412.15605v1',
          { lead: 'https://arxiv.org/html/2412' },
        ),
        paper(
          null,
          [],
          null,
          'https://openreview.net/pdf?id=x7NbaU8RSU',
          'https://openreview.net/pdf?id=x7NbaU8RSU',
          { lead: 'https://openreview' },
        ),
      ],
    },
  },
  {
    name: 'glued bare URLs after a summary, with an http:// one in the middle',
    text: 'An early episode. Sources: https://arxiv.org/abs/2502.15734http://arxiv.org/abs/2412.15605v2https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
    numbered: false,
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/abs/2502.15734',
          '2502.15734',
          'https://arxiv.org/pdf/2502.15734',
          { lead: 'https://arxiv.org/abs/2502' },
        ),
        arxiv(
          null,
          [],
          null,
          'http://arxiv.org/abs/2412.15605v2',
          '2412.15605',
          'https://arxiv.org/pdf/2412.15605v2',
          { lead: 'http://arxiv.org/abs/2412', arxivVersion: 2 },
        ),
        paper(
          null,
          [],
          null,
          'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
          'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
          { lead: 'https://www.usenix' },
        ),
      ],
    },
  },

  // --- Legacy 2025 "Source:" blocks ---------------------------------------------------------
  {
    name: 'legacy "Source:" block, one field per line (month year, title, institution, authors, url)',
    text: lines(
      'A 2025 episode summary.',
      '',
      'Source:',
      'March 2025',
      'Some Paper Title: A Subtitle',
      'Some University',
      'Ada Author, Bob Author',
      'https://arxiv.org/pdf/2503.01234',
    ),
    numbered: false,
    expected: {
      visualizationUrl: null,
      sources: [
        arxiv(
          'Some Paper Title: A Subtitle',
          ['Ada Author', 'Bob Author'],
          2025,
          'https://arxiv.org/pdf/2503.01234',
          '2503.01234',
          'https://arxiv.org/pdf/2503.01234',
          { lead: 'March 2025' },
        ),
      ],
    },
  },
  {
    name: 'legacy blocks numbered "1)" and "2)" on their own lines',
    text: lines(
      'A 2025 episode summary.',
      '',
      'Source:',
      '1)',
      'February 2025',
      'Titans: Learning to Memorize at Test Time',
      'Google Research',
      'Ali Behrouz, Peilin Zhong, Vahab Mirrokni',
      'https://arxiv.org/abs/2501.00663',
      '',
      '2)',
      'December 2024',
      'Byte Latent Transformer: Patches Scale Better Than Tokens',
      'Meta FAIR',
      'Artidoro Pagnoni et al.',
      'https://arxiv.org/pdf/2412.09871v1',
    ),
    numbered: ')',
    expected: { visualizationUrl: null, sources: LEGACY_TWO_SOURCES },
  },
  {
    name: 'legacy blocks with "1) Month YYYY" on one line',
    text: lines(
      'Source:',
      '1) February 2025',
      'Titans: Learning to Memorize at Test Time',
      'Google Research',
      'Ali Behrouz, Peilin Zhong, Vahab Mirrokni',
      'https://arxiv.org/abs/2501.00663',
      '2) December 2024',
      'Byte Latent Transformer: Patches Scale Better Than Tokens',
      'Meta FAIR',
      'Artidoro Pagnoni et al.',
      'https://arxiv.org/pdf/2412.09871v1',
    ),
    numbered: ')',
    expected: { visualizationUrl: null, sources: LEGACY_TWO_SOURCES },
  },
  {
    name: 'legacy block whose lines a host glued together without spaces',
    text: 'A 2025 episode summary. Source: March 2025Some Paper Title: A SubtitleSome UniversityAda Author, Bob Authorhttps://arxiv.org/pdf/2503.01234',
    numbered: false,
    expected: {
      visualizationUrl: null,
      sources: [
        arxiv(
          'Some Paper Title: A Subtitle',
          ['Ada Author', 'Bob Author'],
          2025,
          'https://arxiv.org/pdf/2503.01234',
          '2503.01234',
          'https://arxiv.org/pdf/2503.01234',
          { lead: 'March 2025' },
        ),
      ],
    },
  },

  // --- Fallback lines and drafts ------------------------------------------------------------
  {
    name: '"Source: {url}" line as the whole description',
    text: 'Source: https://arxiv.org/abs/2501.00663',
    numbered: false,
    expected: {
      visualizationUrl: null,
      sources: [
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/abs/2501.00663',
          '2501.00663',
          'https://arxiv.org/pdf/2501.00663',
          { lead: 'https://arxiv.org/abs/2501.00663' },
        ),
      ],
    },
  },
  {
    name: '"Paper: https://arxiv.org/abs/{id}" line as the whole description (version kept in pdfUrl)',
    text: 'Paper: https://arxiv.org/abs/2406.07522v2\n',
    numbered: false,
    expected: {
      visualizationUrl: null,
      sources: [
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/abs/2406.07522v2',
          '2406.07522',
          'https://arxiv.org/pdf/2406.07522v2',
          { lead: 'https://arxiv.org/abs/2406.07522v2', arxivVersion: 2 },
        ),
      ],
    },
  },
  {
    name: '"Source: {url}" and "Paper: {url}" lines together',
    text: lines(
      'Source: https://openreview.net/forum?id=BkgqExrYvS',
      'Paper: https://arxiv.org/abs/2501.00663',
    ),
    numbered: false,
    expected: {
      visualizationUrl: null,
      sources: [
        paper(
          null,
          [],
          null,
          'https://openreview.net/forum?id=BkgqExrYvS',
          'https://openreview.net/pdf?id=BkgqExrYvS',
          { lead: 'https://openreview' },
        ),
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/abs/2501.00663',
          '2501.00663',
          'https://arxiv.org/pdf/2501.00663',
          { lead: 'https://arxiv' },
        ),
      ],
    },
  },
  {
    name: 'draft: "1. Title" with the URL on the next line, and a "2. url" item',
    text: lines(
      'Sources:',
      '1. Nested Learning: The Illusion of Deep Learning Architectures',
      '   https://arxiv.org/abs/2512.24695',
      '2. https://arxiv.org/abs/2501.00663v3',
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          'Nested Learning: The Illusion of Deep Learning Architectures',
          [],
          null,
          'https://arxiv.org/abs/2512.24695',
          '2512.24695',
          'https://arxiv.org/pdf/2512.24695',
        ),
        arxiv(
          null,
          [],
          null,
          'https://arxiv.org/abs/2501.00663v3',
          '2501.00663',
          'https://arxiv.org/pdf/2501.00663v3',
          { arxivVersion: 3 },
        ),
      ],
    },
  },

  // --- Visualization trailers -----------------------------------------------------------------
  {
    name: 'older visualization form: URL on the line after "Interactive Visualization: Title"',
    text: lines(
      'Summary.',
      '',
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
      '',
      'Interactive Visualization: Some Episode Title',
      `${VIZ}2026-01-05-some-episode-title-a1b2c3.html`,
    ),
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-01-05-some-episode-title-a1b2c3.html`,
      listLabel: 'Sources:',
      sources: [ONE_ITEM],
    },
  },
  {
    name: 'older visualization form collapsed: "Interactive Visualization: Title url" after the last URL',
    text: `Summary. Sources: 1. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762 Interactive Visualization: Some Episode Title ${VIZ}2026-01-05-some-episode-title-a1b2c3.html`,
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-01-05-some-episode-title-a1b2c3.html`,
      listLabel: 'Sources:',
      sources: [ONE_ITEM],
    },
  },
  {
    name: 'a javascript: visualization link is never a link',
    text: lines(
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
      '',
      'Interactive Visualization: <a href="javascript:alert(1)">Evil</a>',
    ),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: [ONE_ITEM] },
  },

  // --- Authors ------------------------------------------------------------------------------
  {
    name: 'every author variant: full list, et al., ", et al.", and others, approximate, approx. placeholders, ?, slash years, diacritics, initials, hosts',
    text: lines(
      'Sources:',
      feedLayout([
        '1. Full Author List — Adrian Łańcucki, Konrad Staniszewski, Piotr Nawrot, Edoardo M. Ponti, 2025',
        'https://scholar.google.com/scholar?q=Full+Author+List',
        '2. Et Al Without Comma — Dongjie Yang et al., 2024',
        'https://scholar.google.com/scholar?q=Et+Al+Without+Comma',
        '3. Et Al With Comma — Seongmin Hong, et al., 2022',
        'https://scholar.google.com/scholar?q=Et+Al+With+Comma',
        '4. Several Then Et Al — Woosuk Kwon, Zhuohan Li, Siyuan Zhuang, et al., 2023',
        'https://scholar.google.com/scholar?q=Several+Then+Et+Al',
        '5. And Others — Ada Author, Bob Author, and others, 2021',
        'https://scholar.google.com/scholar?q=And+Others',
        '6. Approximate Authors — approximate, 2020',
        'https://scholar.google.com/scholar?q=Approximate+Authors',
        '7. Approx Placeholder — approx. recent Google authors, 2025',
        'https://scholar.google.com/scholar?q=Approx+Placeholder',
        '8. Approx Placeholder Longer — approx. recent Meta and Stanford authors, ?',
        'https://scholar.google.com/scholar?q=Approx+Placeholder+Longer',
        '9. Unknown Author — ?, 2018',
        'https://scholar.google.com/scholar?q=Unknown+Author',
        '10. Unknown Year — Ada Author, ?',
        'https://scholar.google.com/scholar?q=Unknown+Year',
        '11. Unknown Both — ?, ?',
        'https://scholar.google.com/scholar?q=Unknown+Both',
        '12. Slash Years — Ada Author, Bob Author, 2019/2020',
        'https://scholar.google.com/scholar?q=Slash+Years',
        '13. Diacritics and Initials — José García-Pérez, Zoë Müller, Øyvind Ås, J. R. R. Tolkien, 2024',
        'https://scholar.google.com/scholar?q=Diacritics+and+Initials',
        '14. AI Post Transformers: Two Hosts — Hal Turing & Dr. Ada Shannon, 2026',
        'https://podcast.do-not-panic.com/episodes/2026-05-01-two-hosts-abc123.mp3',
        '15. Approximate Alone — approximate',
        'https://scholar.google.com/scholar?q=Approximate+Alone',
        '16. Single Author No Year — Ada Author',
        'https://scholar.google.com/scholar?q=Single+Author+No+Year',
      ]),
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        scholar(
          'Full Author List',
          ['Adrian Łańcucki', 'Konrad Staniszewski', 'Piotr Nawrot', 'Edoardo M. Ponti'],
          2025,
        ),
        scholar('Et Al Without Comma', ['Dongjie Yang'], 2024),
        scholar('Et Al With Comma', ['Seongmin Hong'], 2022),
        scholar('Several Then Et Al', ['Woosuk Kwon', 'Zhuohan Li', 'Siyuan Zhuang'], 2023),
        scholar('And Others', ['Ada Author', 'Bob Author'], 2021),
        scholar('Approximate Authors', [], 2020),
        scholar('Approx Placeholder', [], 2025),
        scholar('Approx Placeholder Longer', [], null),
        scholar('Unknown Author', [], 2018),
        scholar('Unknown Year', ['Ada Author'], null),
        scholar('Unknown Both', [], null),
        scholar('Slash Years', ['Ada Author', 'Bob Author'], 2019),
        scholar(
          'Diacritics and Initials',
          ['José García-Pérez', 'Zoë Müller', 'Øyvind Ås', 'J. R. R. Tolkien'],
          2024,
        ),
        showEpisode('Two Hosts', '2026-05-01-two-hosts-abc123'),
        scholar('Approximate Alone', [], null),
        scholar('Single Author No Year', ['Ada Author'], null),
      ],
    },
  },

  // --- Cited episodes -------------------------------------------------------------------------
  {
    name: 'cited episodes: colon inside the title, episode page links, quoted (straight and curly) titles, another podcast’s mp3',
    text: lines(
      'Sources:',
      feedLayout([
        '1. AI Post Transformers: SolidAttention: Co-Designing Sparse Attention and SSD I/O — Hal Turing & Dr. Ada Shannon, 2026',
        'https://podcast.do-not-panic.com/episodes/2026-03-18-solidattention-co-designing-sparse-atten-5a8622.mp3',
        '2. AI Post Transformers: Titans: Learning to Memorize at Test Time — Hal Turing & Dr. Ada Shannon, 2026',
        'https://podcast.do-not-panic.com/episodes/titans-learning-to-memorize-at-test-time/',
        '3. AI Post Transformers: Some Slug — Hal Turing & Dr. Ada Shannon, 2026',
        'https://podcast.do-not-panic.com/episodes/some-slug/',
        '4. AI Post Transformers — "Quoted Episode Title"',
        'https://podcast.do-not-panic.com/episodes/2026-05-20-quoted-episode-title-054662.mp3',
        '5. AI Post Transformers — “Curly Quoted Title”',
        'https://podcast.do-not-panic.com/episodes/2026-05-21-curly-quoted-title-0a1b2c.mp3',
        '6. Interview with Ada — ?, 2024',
        'https://cdn.example.com/gradient/ep12.mp3',
      ]),
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        showEpisode(
          'SolidAttention: Co-Designing Sparse Attention and SSD I/O',
          '2026-03-18-solidattention-co-designing-sparse-atten-5a8622',
        ),
        {
          title: 'Titans: Learning to Memorize at Test Time',
          authors: HOSTS,
          year: 2026,
          url: 'https://podcast.do-not-panic.com/episodes/titans-learning-to-memorize-at-test-time/',
          kind: 'episode',
          arxivId: null,
          pdfUrl: null,
        },
        {
          title: 'Some Slug',
          authors: HOSTS,
          year: 2026,
          url: 'https://podcast.do-not-panic.com/episodes/some-slug/',
          kind: 'episode',
          arxivId: null,
          pdfUrl: null,
        },
        {
          ...showEpisode('Quoted Episode Title', '2026-05-20-quoted-episode-title-054662'),
          authors: [],
          year: null,
        },
        {
          ...showEpisode('Curly Quoted Title', '2026-05-21-curly-quoted-title-0a1b2c'),
          authors: [],
          year: null,
        },
        {
          title: 'Interview with Ada',
          authors: [],
          year: 2024,
          url: 'https://cdn.example.com/gradient/ep12.mp3',
          kind: 'episode',
          arxivId: null,
          pdfUrl: null,
        },
      ],
    },
  },

  // --- URL kinds ------------------------------------------------------------------------------
  {
    name: 'URL kinds: arXiv abs/pdf/html, vN, http/https, www., .pdf, old-style ids, openreview, usenix, DOI, aclanthology, biorxiv, github, transformer-circuits, lesswrong',
    text: lines(
      'Sources:',
      feedLayout([
        '1. arXiv abs over http — Ada Author, 2025',
        'http://arxiv.org/abs/2511.20172',
        '2. arXiv pdf with version — Ada Author, 2024',
        'https://arxiv.org/pdf/2408.07326v2',
        '3. arXiv html with version — Ada Author, 2025',
        'https://arxiv.org/html/2502.15734v1',
        '4. arXiv on www — Ada Author, 2024',
        'https://www.arxiv.org/abs/2401.04088',
        '5. arXiv pdf with .pdf suffix — Ada Author, 2024',
        'https://arxiv.org/pdf/2408.07326.pdf',
        '6. arXiv pdf with version and .pdf suffix — Ada Author, 2021',
        'https://arxiv.org/pdf/2106.09685v3.pdf',
        '7. Old-style arXiv id with version — Ada Author, 1999',
        'https://arxiv.org/abs/hep-th/9901001v2',
        '8. Old-style arXiv id without version — Ada Author, 2002',
        'http://arxiv.org/abs/math/0211159',
        '9. Four-digit arXiv sequence — Ashish Vaswani et al., 2017',
        'https://arxiv.org/abs/1706.03762',
        '10. OpenReview pdf — Ada Author, 2024',
        'https://openreview.net/pdf?id=x7NbaU8RSU',
        '11. OpenReview forum — Ada Author, 2020',
        'https://openreview.net/forum?id=BkgqExrYvS',
        '12. DistServe at OSDI — Yinmin Zhong et al., 2024',
        'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
        '13. PagedAttention at SOSP — Woosuk Kwon et al., 2023',
        'https://doi.org/10.1145/3600006.3613165',
        '14. An ACL Anthology page — Ada Author, 2023',
        'https://aclanthology.org/2023.acl-long.1/',
        '15. An ACL Anthology PDF — Ada Author, 2020',
        'https://aclanthology.org/2020.acl-main.463.pdf',
        '16. A bioRxiv preprint — Ada Author, 2023',
        'https://www.biorxiv.org/content/10.1101/2023.01.11.523679v1',
        '17. nanoGPT — Andrej Karpathy, 2023',
        'https://github.com/karpathy/nanoGPT',
        '18. A Mathematical Framework for Transformer Circuits — Nelson Elhage et al., ?',
        'https://transformer-circuits.pub/2021/framework/index.html',
        '19. A LessWrong Post — Ada Author, 2022',
        'https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru/interpreting-gpt-the-logit-lens',
        '20. Some Workshop Paper — Ada Author',
        'https://example.org/2024/papers/some-workshop-paper.pdf',
      ]),
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          'arXiv abs over http',
          ['Ada Author'],
          2025,
          'http://arxiv.org/abs/2511.20172',
          '2511.20172',
          'https://arxiv.org/pdf/2511.20172',
          { arxivVersion: null },
        ),
        arxiv(
          'arXiv pdf with version',
          ['Ada Author'],
          2024,
          'https://arxiv.org/pdf/2408.07326v2',
          '2408.07326',
          'https://arxiv.org/pdf/2408.07326v2',
          { arxivVersion: 2 },
        ),
        arxiv(
          'arXiv html with version',
          ['Ada Author'],
          2025,
          'https://arxiv.org/html/2502.15734v1',
          '2502.15734',
          'https://arxiv.org/pdf/2502.15734v1',
          { arxivVersion: 1 },
        ),
        arxiv(
          'arXiv on www',
          ['Ada Author'],
          2024,
          'https://www.arxiv.org/abs/2401.04088',
          '2401.04088',
          'https://arxiv.org/pdf/2401.04088',
        ),
        arxiv(
          'arXiv pdf with .pdf suffix',
          ['Ada Author'],
          2024,
          'https://arxiv.org/pdf/2408.07326.pdf',
          '2408.07326',
          'https://arxiv.org/pdf/2408.07326',
          { arxivVersion: null },
        ),
        arxiv(
          'arXiv pdf with version and .pdf suffix',
          ['Ada Author'],
          2021,
          'https://arxiv.org/pdf/2106.09685v3.pdf',
          '2106.09685',
          'https://arxiv.org/pdf/2106.09685v3',
          { arxivVersion: 3 },
        ),
        arxiv(
          'Old-style arXiv id with version',
          ['Ada Author'],
          1999,
          'https://arxiv.org/abs/hep-th/9901001v2',
          'hep-th/9901001',
          'https://arxiv.org/pdf/hep-th/9901001v2',
          { arxivVersion: 2 },
        ),
        arxiv(
          'Old-style arXiv id without version',
          ['Ada Author'],
          2002,
          'http://arxiv.org/abs/math/0211159',
          'math/0211159',
          'https://arxiv.org/pdf/math/0211159',
        ),
        arxiv(
          'Four-digit arXiv sequence',
          ['Ashish Vaswani'],
          2017,
          'https://arxiv.org/abs/1706.03762',
          '1706.03762',
          'https://arxiv.org/pdf/1706.03762',
        ),
        paper(
          'OpenReview pdf',
          ['Ada Author'],
          2024,
          'https://openreview.net/pdf?id=x7NbaU8RSU',
          'https://openreview.net/pdf?id=x7NbaU8RSU',
        ),
        paper(
          'OpenReview forum',
          ['Ada Author'],
          2020,
          'https://openreview.net/forum?id=BkgqExrYvS',
          'https://openreview.net/pdf?id=BkgqExrYvS',
        ),
        paper(
          'DistServe at OSDI',
          ['Yinmin Zhong'],
          2024,
          'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
          'https://www.usenix.org/system/files/osdi24-zhong-yinmin.pdf',
        ),
        paper(
          'PagedAttention at SOSP',
          ['Woosuk Kwon'],
          2023,
          'https://doi.org/10.1145/3600006.3613165',
          null,
          { doi: '10.1145/3600006.3613165' },
        ),
        paper(
          'An ACL Anthology page',
          ['Ada Author'],
          2023,
          'https://aclanthology.org/2023.acl-long.1/',
        ),
        paper(
          'An ACL Anthology PDF',
          ['Ada Author'],
          2020,
          'https://aclanthology.org/2020.acl-main.463.pdf',
          'https://aclanthology.org/2020.acl-main.463.pdf',
        ),
        paper(
          'A bioRxiv preprint',
          ['Ada Author'],
          2023,
          'https://www.biorxiv.org/content/10.1101/2023.01.11.523679v1',
        ),
        paper('nanoGPT', ['Andrej Karpathy'], 2023, 'https://github.com/karpathy/nanoGPT'),
        paper(
          'A Mathematical Framework for Transformer Circuits',
          ['Nelson Elhage'],
          null,
          'https://transformer-circuits.pub/2021/framework/index.html',
        ),
        paper(
          'A LessWrong Post',
          ['Ada Author'],
          2022,
          'https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru/interpreting-gpt-the-logit-lens',
        ),
        paper(
          'Some Workshop Paper',
          ['Ada Author'],
          null,
          'https://example.org/2024/papers/some-workshop-paper.pdf',
          'https://example.org/2024/papers/some-workshop-paper.pdf',
        ),
      ],
    },
  },

  // --- Years ----------------------------------------------------------------------------------
  {
    name: 'years come from the citation text only: slash years, a Scholar URL with 2024 in it, "(Jan 2025)", NeurIPS 2025, "— arXiv 2001.08361"',
    text: lines(
      'Sources:',
      feedLayout([
        '1. Slash Years — Ada Author, 2019/2020',
        'https://scholar.google.com/scholar?q=Slash+Years',
        '2. Scholar URL Carries The Year — Ada Author, ?',
        'https://scholar.google.com/scholar?q=Scholar+URL+Carries+The+Year+2024',
        '3. Titans: Learning to Memorize at Test Time — Ali Behrouz, Peilin Zhong, Vahab Mirrokni (Jan 2025) — arXiv 2501.00663',
        'https://arxiv.org/pdf/2501.00663',
        '4. Nested Learning: The Illusion of Deep Learning Architectures — Ali Behrouz (Google Research, NeurIPS 2025)',
        'https://arxiv.org/abs/2512.24695',
        '5. Scaling Laws for Neural Language Models — Jared Kaplan et al. — arXiv 2001.08361',
        'https://arxiv.org/abs/2001.08361',
        '6. A Bare arXiv Link Without Year — ?, ?',
        'https://arxiv.org/abs/2401.00001',
      ]),
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        scholar('Slash Years', ['Ada Author'], 2019),
        paper(
          'Scholar URL Carries The Year',
          ['Ada Author'],
          null,
          'https://scholar.google.com/scholar?q=Scholar+URL+Carries+The+Year+2024',
          null,
          { scholarTitle: 'Scholar URL Carries The Year 2024' },
        ),
        arxiv(
          'Titans: Learning to Memorize at Test Time',
          ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
          2025,
          'https://arxiv.org/pdf/2501.00663',
          '2501.00663',
          'https://arxiv.org/pdf/2501.00663',
        ),
        arxiv(
          'Nested Learning: The Illusion of Deep Learning Architectures',
          ['Ali Behrouz'],
          2025,
          'https://arxiv.org/abs/2512.24695',
          '2512.24695',
          'https://arxiv.org/pdf/2512.24695',
        ),
        arxiv(
          'Scaling Laws for Neural Language Models',
          ['Jared Kaplan'],
          null,
          'https://arxiv.org/abs/2001.08361',
          '2001.08361',
          'https://arxiv.org/pdf/2001.08361',
        ),
        arxiv(
          'A Bare arXiv Link Without Year',
          [],
          null,
          'https://arxiv.org/abs/2401.00001',
          '2401.00001',
          'https://arxiv.org/pdf/2401.00001',
        ),
      ],
    },
  },

  // --- The next item number inside a title, before the item's URL -------------------------
  ...bothLayouts(
    'the next item number inside a title: "2. Meta Llama 3. The Herd of Models"',
    [
      PAPER_A,
      [
        'Meta Llama 3. The Herd of Models — Abhimanyu Dubey et al., 2024',
        'https://arxiv.org/abs/2407.21783',
      ],
    ],
    [
      PAPER_A_SOURCE,
      arxiv(
        'Meta Llama 3. The Herd of Models',
        ['Abhimanyu Dubey'],
        2024,
        'https://arxiv.org/abs/2407.21783',
        '2407.21783',
        'https://arxiv.org/pdf/2407.21783',
      ),
    ],
  ),
  ...bothLayouts(
    'the next item number after a colon in the first title: "1. Llama Guide: 2. Fine-Tuning at Scale"',
    [
      [
        'Llama Guide: 2. Fine-Tuning at Scale — Ada Author, 2024',
        scholarUrl('Llama Guide: 2. Fine-Tuning at Scale'),
      ],
      ['Paper B Title — Smith et al., 2023', scholarUrl('Paper B Title')],
    ],
    [
      scholar('Llama Guide: 2. Fine-Tuning at Scale', ['Ada Author'], 2024),
      scholar('Paper B Title', ['Smith'], 2023),
    ],
  ),
  ...bothLayouts(
    'a one-item list whose title is the spec example "Llama 2. Open Foundation and Fine-Tuned Chat Models"',
    [
      [
        'Llama 2. Open Foundation and Fine-Tuned Chat Models — Hugo Touvron et al., 2023',
        'https://arxiv.org/abs/2307.09288',
      ],
    ],
    [
      arxiv(
        'Llama 2. Open Foundation and Fine-Tuned Chat Models',
        ['Hugo Touvron'],
        2023,
        'https://arxiv.org/abs/2307.09288',
        '2307.09288',
        'https://arxiv.org/pdf/2307.09288',
      ),
    ],
  ),
  ...bothLayouts(
    'a one-item list whose title has the next number after a colon: "1. Llama Guide: 2. Fine-Tuning at Scale"',
    [
      [
        'Llama Guide: 2. Fine-Tuning at Scale — Ada Author, 2024',
        scholarUrl('Llama Guide: 2. Fine-Tuning at Scale'),
      ],
    ],
    [scholar('Llama Guide: 2. Fine-Tuning at Scale', ['Ada Author'], 2024)],
  ),
  ...bothLayouts(
    'a title ending in "(Part 3)" as item 2 ("3)" is not a legacy item number)',
    [
      PAPER_A,
      [
        'Mixture of Experts Explained (Part 3) — Bob Author, 2023',
        scholarUrl('Mixture of Experts Explained (Part 3)'),
      ],
    ],
    [PAPER_A_SOURCE, scholar('Mixture of Experts Explained (Part 3)', ['Bob Author'], 2023)],
  ),
  ...bothLayouts(
    'a title that starts with the next item number: "2. 3. Simple Baselines for Sparse Attention"',
    [
      PAPER_A,
      [
        '3. Simple Baselines for Sparse Attention — Carol Author, 2022',
        scholarUrl('3. Simple Baselines for Sparse Attention'),
      ],
    ],
    [PAPER_A_SOURCE, scholar('3. Simple Baselines for Sparse Attention', ['Carol Author'], 2022)],
  ),
  ...bothLayouts(
    'a cited episode whose title ends in "(Part 2)"',
    [
      [
        'AI Post Transformers: Titans Revisited (Part 2) — Hal Turing & Dr. Ada Shannon, 2026',
        `${EPISODES}2026-04-20-titans-revisited-part-2-0a1b2c.mp3`,
      ],
    ],
    [showEpisode('Titans Revisited (Part 2)', '2026-04-20-titans-revisited-part-2-0a1b2c')],
  ),

  // --- More nasty variants ----------------------------------------------------------------------
  ...bothLayouts(
    'a title containing "Sources:" and one with an emoji (UTF-16 ranges)',
    [
      [
        'Open Sources: Licensing Large Models — Ada Author, 2024',
        scholarUrl('Open Sources: Licensing Large Models'),
      ],
      [
        '🦙 Herding: A Survey of Llama Variants — Bob Author, 2023',
        scholarUrl('🦙 Herding: A Survey of Llama Variants'),
      ],
    ],
    [
      scholar('Open Sources: Licensing Large Models', ['Ada Author'], 2024),
      scholar('🦙 Herding: A Survey of Llama Variants', ['Bob Author'], 2023),
    ],
  ),
  ...bothLayouts(
    'an arXiv id written in the title text is not an arXiv link',
    [
      [
        'Some Paper (arXiv:2401.00001) — Ada Author, 2024',
        scholarUrl('Some Paper (arXiv:2401.00001)'),
      ],
    ],
    [scholar('Some Paper (arXiv:2401.00001)', ['Ada Author'], 2024)],
  ),
  ...bothLayouts(
    'a URL with parentheses and a title ending in a period',
    [
      [
        'Transformer (deep learning architecture). — ?, ?',
        'https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)',
      ],
    ],
    [
      paper(
        'Transformer (deep learning architecture).',
        [],
        null,
        'https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)',
      ),
    ],
  ),
  ...bothLayouts(
    'a newer cited episode with a 120-character slug',
    [
      [
        'AI Post Transformers: Efficient Memory Management for Large Language Model Serving with PagedAttention: Continuous Batching, Prefix Sharing and Preemption Across GPUs — Hal Turing & Dr. Ada Shannon, 2026',
        `${EPISODES}2026-06-01-efficient-memory-management-for-large-language-model-serving-with-pagedattention-continuous-batching-prefix-sharing-and-9f8e7d.mp3`,
      ],
    ],
    [
      showEpisode(
        'Efficient Memory Management for Large Language Model Serving with PagedAttention: Continuous Batching, Prefix Sharing and Preemption Across GPUs',
        '2026-06-01-efficient-memory-management-for-large-language-model-serving-with-pagedattention-continuous-batching-prefix-sharing-and-9f8e7d',
      ),
    ],
  ),
  {
    name: '"Sources:1." with no space after the label (a <br> lost in text extraction)',
    text: 'Summary.Sources:1. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762 2. Paper B Title — Smith et al., 2023 https://scholar.google.com/scholar?q=Paper+B+Title',
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [ONE_ITEM, scholar('Paper B Title', ['Smith'], 2023)],
    },
  },
  {
    name: 'visualization "Title [url]" whose title itself has brackets',
    text: `Summary. Sources: 1. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762 Interactive Visualization: Attention [Part 1] Revisited [${VIZ}2026-01-02-attention-part-1-revisited-abcdef.html]`,
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-01-02-attention-part-1-revisited-abcdef.html`,
      listLabel: 'Sources:',
      sources: [ONE_ITEM],
    },
  },
  {
    name: "visualization <a href='…'> with single quotes",
    text: lines(
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
      '',
      `Interactive Visualization: <a href='${VIZ}2026-01-02-some-episode-abcdef.html'>Some Episode</a>`,
    ),
    numbered: '.',
    expected: {
      visualizationUrl: `${VIZ}2026-01-02-some-episode-abcdef.html`,
      listLabel: 'Sources:',
      sources: [ONE_ITEM],
    },
  },
  {
    name: 'visualization label without URL above a collapsed list: the first source URL is not the visualization',
    text: 'Summary. Interactive Visualization: Some Episode Sources: 1. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762',
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: [ONE_ITEM] },
  },
  {
    name: 'unnumbered form: a title with "2." inside and a title starting with a digit',
    text: 'Summary. Sources: Llama 2. Open Foundation and Fine-Tuned Chat Models — Hugo Touvron et al. (Meta, 2023) — arXiv 2307.09288 https://arxiv.org/abs/2307.09288 3D Gaussian Splatting for Real-Time Radiance Field Rendering — Bernhard Kerbl et al. (SIGGRAPH 2023) — arXiv 2308.04079 https://arxiv.org/abs/2308.04079',
    numbered: false,
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        arxiv(
          'Llama 2. Open Foundation and Fine-Tuned Chat Models',
          ['Hugo Touvron'],
          2023,
          'https://arxiv.org/abs/2307.09288',
          '2307.09288',
          'https://arxiv.org/pdf/2307.09288',
          { lead: 'Llama 2.' },
        ),
        arxiv(
          '3D Gaussian Splatting for Real-Time Radiance Field Rendering',
          ['Bernhard Kerbl'],
          2023,
          'https://arxiv.org/abs/2308.04079',
          '2308.04079',
          'https://arxiv.org/pdf/2308.04079',
          { lead: '3D Gaussian' },
        ),
      ],
    },
  },
  {
    name: 'legacy glued block whose title has a camel-case word (FlashAttention)',
    text: 'Source: March 2025FlashAttention: Fast and Memory-Efficient Exact AttentionStanford UniversityTri Dao, Daniel Y. Fuhttps://arxiv.org/abs/2205.14135',
    numbered: false,
    expected: {
      visualizationUrl: null,
      sources: [
        arxiv(
          'FlashAttention: Fast and Memory-Efficient Exact Attention',
          ['Tri Dao', 'Daniel Y. Fu'],
          2025,
          'https://arxiv.org/abs/2205.14135',
          '2205.14135',
          'https://arxiv.org/pdf/2205.14135',
          { lead: 'March 2025' },
        ),
      ],
    },
  },

  // --- Robustness -----------------------------------------------------------------------------
  {
    name: 'empty string',
    text: '',
    numbered: false,
    expected: { visualizationUrl: null, listLabel: null, sources: [] },
  },
  {
    name: 'whitespace only',
    text: ' \n\t\r\n  ',
    numbered: false,
    expected: { visualizationUrl: null, listLabel: null, sources: [] },
  },
  {
    name: 'a summary without any list (numbers, years, (1) and (2), no URL)',
    text: 'In 2024 the hosts covered 3. ideas: (1) memory and (2) compute. 1. This is not a list — Hal Turing, 2026',
    numbered: false,
    expected: { visualizationUrl: null, listLabel: null, sources: [] },
  },
  {
    name: 'a summary that says "sources:" in lower case and has no list',
    text: 'We compare two sources: the paper and the blog post, from 2024.',
    numbered: false,
    expected: { visualizationUrl: null, listLabel: null, sources: [] },
  },
  {
    name: 'a list with one item',
    text: lines(
      'Summary.',
      '',
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
    ),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: [ONE_ITEM] },
  },
  {
    name: 'a summary with (1), (2) and "1." before a numbered "Sources:" list',
    text: 'The paper makes (1) one claim and (2) another. 1. First point. 2. Second point. Sources: 1. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762 2. Paper B Title — Smith et al., 2023 https://scholar.google.com/scholar?q=Paper+B+Title',
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [ONE_ITEM, scholar('Paper B Title', ['Smith'], 2023)],
    },
  },
  {
    name: 'a summary that says "sources: 1. … 2. …" in lower case before the real list',
    text: lines(
      'We draw on two sources: 1. the paper and 2. the blog post.',
      '',
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
    ),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: [ONE_ITEM] },
  },
  {
    name: 'collapsed list separated by no-break spaces (U+00A0)',
    text: 'Summary.\u00a0Sources:\u00a01.\u00a0Attention Is All You Need — Ashish Vaswani et al., 2017\u00a0https://arxiv.org/abs/1706.03762\u00a02.\u00a0Paper B Title — Smith et al., 2023\u00a0https://scholar.google.com/scholar?q=Paper+B+Title',
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [ONE_ITEM, scholar('Paper B Title', ['Smith'], 2023)],
    },
  },
  {
    name: 'the same URL cited twice: each source points at its own occurrence',
    text: 'Sources: 1. Paper B Title — Smith et al., 2023 https://scholar.google.com/scholar?q=Paper+B+Title 2. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762 3. Paper B Title — Smith et al., 2023 https://scholar.google.com/scholar?q=Paper+B+Title',
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        scholar('Paper B Title', ['Smith'], 2023),
        ONE_ITEM,
        scholar('Paper B Title', ['Smith'], 2023),
      ],
    },
  },
  {
    name: 'a trailing paragraph after the list does not change the last source',
    text: lines(
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
      '',
      'Thanks for listening. Recorded 22. May 2026 — see you in 2027.',
    ),
    numbered: '.',
    expected: { visualizationUrl: null, listLabel: 'Sources:', sources: [ONE_ITEM] },
  },
  {
    name: 'a javascript: "link" in an item is never its URL',
    text: lines(
      'Sources:',
      '  1. Attention Is All You Need — Ashish Vaswani et al., 2017',
      '     https://arxiv.org/abs/1706.03762',
      '  2. Evil Paper — Eve Author, 2024',
      '     javascript:alert(1)',
      '  3. Paper B Title — Smith et al., 2023',
      '     https://scholar.google.com/scholar?q=Paper+B+Title',
    ),
    numbered: '.',
    expected: {
      visualizationUrl: null,
      listLabel: 'Sources:',
      sources: [
        ONE_ITEM,
        paper('Evil Paper', ['Eve Author'], 2024, null),
        scholar('Paper B Title', ['Smith'], 2023),
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------

const CONTRACT_FIELDS = ['title', 'authors', 'year', 'url', 'kind', 'arxivId', 'pdfUrl'] as const;
const EXTRA_FIELDS = ['arxivVersion', 'doi', 'episode'] as const;

/** The given fields of a source (actual or expected), skipping fields the expectation omits. */
function pick(
  source: Source | ExpectedSource,
  fields: readonly string[],
  only?: ExpectedSource,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fields) {
    if (only && !(key in only)) continue;
    out[key] = (source as unknown as Record<string, unknown>)[key];
  }
  return out;
}

describe('parseSources: table of description forms', () => {
  it('covers at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('a description cut short behind "Vis mer" keeps every complete item exactly', () => {
    const full = BELUGA_PARTS.join(' ');
    const cut = full.slice(0, full.indexOf('Ping Zhou')) + 'Ping…';
    const { sources } = parseSources(cut);
    // Items 1–4 are complete; item 5 lost its URL. Whatever is made of it has no link.
    expect(sources.slice(0, 4).map((s) => [s.number, s.title, s.url])).toEqual([
      [
        1,
        'Beluga: A CXL-Based Memory Architecture for Scalable and Efficient LLM KVCache Management',
        'http://arxiv.org/abs/2511.20172',
      ],
      [2, 'Memory Pooling With CXL', scholarUrl('Memory Pooling With CXL')],
      [
        3,
        'Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices',
        scholarUrl('Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices'),
      ],
      [
        4,
        'Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving',
        scholarUrl('Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving'),
      ],
    ]);
    expect(sources.length).toBeLessThanOrEqual(5);
    for (const s of sources.slice(4)) expect(s.url).toBeNull();
  });

  it('cited episodes in the Podimo fixture match their titles by slug (slugMatchesTitle)', () => {
    for (const text of [BELUGA_PARTS.join(' '), LPU_PARTS.join(' '), NESTED]) {
      for (const s of parseSources(text).sources.filter((x) => x.episode)) {
        expect(slugMatchesTitle(s.episode!.slug, s.title!), s.title!).toBe(true);
      }
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = parseSources(c.text);
    const exp = c.expected;

    // CONTRACT §2 fields, in order; compared as whole arrays so a failure shows the full diff.
    expect(result.sources.map((s) => pick(s, CONTRACT_FIELDS))).toEqual(
      exp.sources.map((e) => pick(e, CONTRACT_FIELDS)),
    );
    // The extra fields (arXiv version, DOI, episode stem) where a case gives them.
    expect(result.sources.map((s, i) => pick(s, EXTRA_FIELDS, exp.sources[i]))).toEqual(
      exp.sources.map((e) => pick(e, EXTRA_FIELDS, e)),
    );
    // The Scholar search behind a source's link is its title (only spaces became `+`).
    expect(
      result.sources.map((s, i) =>
        exp.sources[i] && 'scholarTitle' in exp.sources[i] && s.url
          ? scholarQuery(s.url)
          : undefined,
      ),
    ).toEqual(exp.sources.map((e) => ('scholarTitle' in e ? e.scholarTitle : undefined)));
    expect(result.visualizationUrl).toBe(exp.visualizationUrl);
    if (exp.listLabel !== undefined) {
      expect(result.listStart).toBe(exp.listLabel === null ? null : c.text.indexOf(exp.listLabel));
    }

    result.sources.forEach((s, i) => {
      const e = exp.sources[i];
      const where = `source ${i + 1}`;
      // Item numbers.
      expect(s.number, where).toBe(c.numbered ? i + 1 : null);
      // Ranges.
      expect(0 <= s.start && s.start <= s.end && s.end <= c.text.length, where).toBe(true);
      const item = c.text.slice(s.start, s.end);
      const lead = c.numbered ? `${i + 1}${c.numbered}` : e.lead;
      if (lead !== undefined) expect(item.slice(0, lead.length), where).toBe(lead);
      if (e.url !== null) {
        expect(s.urlStart, where).not.toBeNull();
        expect(c.text.slice(s.urlStart!, s.urlEnd!), where).toBe(e.url);
        expect(item.slice(-e.url.length), where).toBe(e.url);
        expect(s.end, where).toBe(s.urlEnd);
      } else {
        expect(s.urlStart, where).toBeNull();
        expect(s.urlEnd, where).toBeNull();
      }
      if (i > 0) expect(result.sources[i - 1].end, where).toBeLessThanOrEqual(s.start);
      // CONTRACT §2: unknown values are null, never "".
      expect(s.title, where).not.toBe('');
      expect(s.authors.includes(''), where).toBe(false);
      if (s.title !== null) expect(s.title, where).toBe(s.title.trim());
    });
  });
});

describe('the visualization label, however it is written', () => {
  // The label is found by its second word and `Interactive` is checked before it, in any case
  // and across any whitespace (an earlier version missed capitals and long runs of spaces).
  it.each([
    ['capitals', 'INTERACTIVE VISUALIZATION: <a href="https://x.org/viz/a.html">v</a>'],
    ['a long run of whitespace', 'Interactive\n          Visualization: https://x.org/viz/a.html'],
    ['British spelling', 'Interactive Visualisation : [https://x.org/viz/a.html]'],
  ])('ends the list at the label written in %s', (_case, trailer) => {
    const text = `Sources: 1. A Paper — Ada Lovelace, 2020 https://arxiv.org/abs/2501.00001 ${trailer}`;
    const parsed = parseSources(text);
    expect(parsed.visualizationUrl).toBe('https://x.org/viz/a.html');
    expect(parsed.sources).toHaveLength(1);
    expect(parsed.sources[0]!.end).toBe(text.indexOf(' ', text.indexOf('2501.00001')));
  });
});
