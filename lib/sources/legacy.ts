/**
 * The legacy (2025) source block: `{Month YYYY}`, `{Title}`, `{Institution}`, `{Authors}`,
 * `{url}` on separate lines, which some hosts run together without spaces:
 * `March 2025Some Paper Title: A SubtitleSome UniversityAda Author, Bob Authorhttps://…`.
 * Lines are read as lines; glued text is cut where a lower-case letter or digit is directly
 * followed by a capital (the seams the host left), choosing the seams that make sense.
 */
import { cleanTitle, readAuthors, type Citation } from '@/lib/sources/citation';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
// The block opens with a month and year; in glued text the title follows with no space.
const LEGACY_DATE = new RegExp(`^\\s*(${MONTH}\\.?\\s+((?:19|20)\\d\\d))`);

// Words that mark the institution line (the block names one between title and authors).
const INSTITUTION =
  /\b(?:Universit\w*|Institut\w*|College|School|Lab(?:s|oratory|oratories)?|Research|Academy|Cent(?:er|re)|Foundation|Inc|Corp\w*|Ltd|Google|DeepMind|Meta|Microsoft|OpenAI|Anthropic|NVIDIA|Nvidia|IBM|Apple|Amazon|Alibaba|Tencent|Baidu|Huawei|ByteDance|Samsung|Intel|AMD|Qualcomm|MIT|CMU|Stanford|Berkeley|Harvard|Princeton|Oxford|Cambridge|ETH|EPFL|KAIST|Tsinghua|Peking|FAIR|Mila|Vector|Allen|AI2|Hugging\s?Face|Mistral|Cohere|xAI|DeepSeek|Moonshot)\b/;

/** Whether a citation's text opens with the legacy block's `Month YYYY`. */
export function isLegacyBlock(text: string): boolean {
  return LEGACY_DATE.test(text);
}

/**
 * Reads a legacy block (everything before its URL) into title, authors and year; the
 * institution is not a person and is dropped. Returns `null` when the text is not one.
 */
export function readLegacyBlock(text: string): Citation | null {
  const date = LEGACY_DATE.exec(text);
  if (!date) return null;
  const year = Number(date[2]);
  const rest = text.slice(date.index + date[0].length);
  const lines = rest
    .split(/\s*\n\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length >= 2) {
    // One field per line: title, then institution and/or authors.
    const last = lines[lines.length - 1];
    const authors = INSTITUTION.test(last) && lines.length === 2 ? [] : readAuthors(last);
    const titleLines = lines.length >= 3 ? lines.slice(0, lines.length - 2) : lines.slice(0, 1);
    return { title: cleanTitle(titleLines.join(' ')), authors, year };
  }
  const line = lines[0] ?? '';
  return { ...(gluedSeams(line).length > 0 ? readGlued(line) : readSpaced(line)), year };
}

/** Splits `TitleInstitutionAuthors` run together without spaces. */
function readGlued(text: string): Omit<Citation, 'year'> {
  const seams = gluedSeams(text);
  if (seams.length === 0) return { title: cleanTitle(text), authors: [] };
  // Authors are last. The first author's name starts at the last seam before the first comma
  // of the author list (or the last seam, for a single author).
  const firstComma = indexOfOrEnd(text, ',');
  const authorSeams = seams.filter((s) => s <= firstComma);
  const authorsStart =
    authorSeams.length > 0 ? authorSeams[authorSeams.length - 1] : seams[seams.length - 1];
  const authors = readAuthors(text.slice(authorsStart));
  const head = text.slice(0, authorsStart);
  // The institution sits between title and authors: the latest seam after which the text
  // names an institution ("Google DeepMind" has a seam inside it, "Mind" names none).
  const headSeams = seams.filter((s) => s < authorsStart);
  // The latest seam after which an institution is named is the latest seam at or before the
  // last institution word: found with one scan, not a test per seam (quadratic on long text).
  let lastInstitution = -1;
  const institutions = new RegExp(INSTITUTION.source, 'g');
  for (let m = institutions.exec(head); m !== null; m = institutions.exec(head))
    lastInstitution = m.index;
  let titleEnd = head.length;
  for (let i = headSeams.length - 1; i >= 0; i--) {
    if (headSeams[i] <= lastInstitution) {
      titleEnd = headSeams[i];
      break;
    }
  }
  if (titleEnd === head.length && headSeams.length > 0) titleEnd = headSeams[headSeams.length - 1];
  return { title: cleanTitle(head.slice(0, titleEnd)), authors };
}

// Institution words that end a name ("Stanford University", "Google Research"): the word
// before them belongs to the institution too.
const INSTITUTION_SUFFIX =
  /^(?:Universit\w*|Institut\w*|College|School|Lab(?:s|oratory|oratories)?|Research|Academy|Cent(?:er|re)|Foundation|Inc|Corp\w*|Ltd)$/;

/**
 * Splits `Title Institution Authors` run together with single spaces, as a host that
 * collapses lines writes the block. The institution is found by its words; the authors follow
 * it. Without an institution word, the first author is taken to be the two words before the
 * list's first comma.
 */
function readSpaced(text: string): Omit<Citation, 'year'> {
  const firstComma = indexOfOrEnd(text, ',');
  const words = [...text.slice(0, firstComma).matchAll(/\S+/g)];
  let institutionEnd = -1;
  let institutionStart = -1;
  for (let i = words.length - 1; i >= 0 && institutionEnd === -1; i--) {
    if (!INSTITUTION.test(words[i][0])) continue;
    // Forward over `of Washington`, `at Austin`; back over one word for `Stanford University`.
    let last = i;
    while (last + 2 < words.length && /^(?:of|at|for|de|di)$/.test(words[last + 1][0])) last += 2;
    institutionEnd = last + 1;
    // `Stanford University` takes the word before; `University of Washington` starts here.
    institutionStart = INSTITUTION_SUFFIX.test(words[i][0]) && i > 0 && last === i ? i - 1 : i;
  }
  if (institutionEnd === -1) {
    if (firstComma === text.length || words.length < 3)
      return { title: cleanTitle(text), authors: [] };
    const authorsAt = words[words.length - 2].index;
    return {
      title: cleanTitle(text.slice(0, authorsAt)),
      authors: readAuthors(text.slice(authorsAt)),
    };
  }
  const title = cleanTitle(text.slice(0, words[institutionStart].index));
  const authorsAt = institutionEnd < words.length ? words[institutionEnd].index : firstComma;
  return {
    title,
    authors:
      firstComma === text.length && institutionEnd >= words.length
        ? []
        : readAuthors(text.slice(authorsAt)),
  };
}

/**
 * Positions where glued fields meet: a lower-case letter, digit, `?` or `)` directly followed
 * by a capital, except inside names like `McDonald` and words like `FlashAttention`, which
 * are kept when the capital is followed by more capitals or the seam is after `Mc`/`Mac`.
 */
function gluedSeams(text: string): number[] {
  const seams: number[] = [];
  const re = /[\p{Ll}\p{N}?)](?=\p{Lu}\p{Ll})/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (
      /(?:^|[^\p{L}])(?:Mc|Mac|De|Di|Le|La|Van|Von)$/u.test(text.slice(Math.max(0, at - 4), at))
    ) {
      continue;
    }
    seams.push(at);
  }
  return seams;
}

/** Index of the first `char` in `text`, or the text's length when there is none. */
function indexOfOrEnd(text: string, char: string): number {
  const at = text.indexOf(char);
  return at === -1 ? text.length : at;
}
