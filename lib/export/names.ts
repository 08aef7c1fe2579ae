/**
 * Person names between the store (one string per author, as written: `Ashish Vaswani`) and
 * CSL-JSON (`{ given, family, … }`), as citation formats need them.
 */

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

// Lower-case particles that belong to the family name ("van Beethoven", "de la Cruz").
const PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'dal',
  'de',
  'dei',
  'del',
  'della',
  'den',
  'der',
  'di',
  'du',
  'el',
  'la',
  'le',
  'ten',
  'ter',
  'van',
  'von',
  'zu',
]);

const SUFFIX = /^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/;

/**
 * Splits a name written `Given [particle] Family [Jr.]` into CSL parts: the last word is the
 * family name, lower-case particles right before it join it, the rest is the given name. A
 * single word is a family name. `Ludwig van Beethoven` → given `Ludwig`, particle `van`,
 * family `Beethoven`.
 */
export function splitName(name: string): CslName {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { literal: name };
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  if (words.length === 1) return { family: words[0]!, ...(suffix ? { suffix } : {}) };
  const family = words.pop()!;
  let start = words.length;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  const particle = words.splice(start).join(' ');
  return {
    given: words.join(' '),
    ...(particle ? { 'non-dropping-particle': particle } : {}),
    family,
    ...(suffix ? { suffix } : {}),
  };
}

/** A CSL name written as the store keeps authors: `Given particle Family suffix`, or its literal. */
export function joinName(name: CslName): string {
  if (name.literal) return name.literal.trim();
  return [
    name.given,
    name['dropping-particle'],
    name['non-dropping-particle'],
    name.family,
    name.suffix,
  ]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(' ');
}

/** The family name to sort and key by: the family of `splitName`, without its particles. */
export function familyName(name: string): string {
  const split = splitName(name);
  return split.family ?? split.literal ?? '';
}
