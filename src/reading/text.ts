/**
 * Text helpers the readers share: one normal form for what models write (quotes, dashes,
 * markdown), quoted material set apart, and the content words of a phrase.
 */

/**
 * One normal form: NFC, `\n` line ends, straight quotes, `-` for every dash, plain spaces,
 * no zero-width characters. Readers work on this form only.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff\u2060]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\uff1a/g, ':')
    .replace(/\uff0c/g, ',')
    .replace(/\ufe0f/g, '');
}

/**
 * A line without markdown emphasis, inline code ticks, heading hashes or quote markers,
 * so `**Instruction 1:** ✅ *Satisfied*` reads as `Instruction 1: ✅ Satisfied`. Struck-through
 * text is withdrawn, so it goes: `~~No~~ Yes` reads as `Yes`.
 */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*(?:>\s*)+/, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/~~[^~]*~~/g, '')
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/(^|[\s(:[])[*_]+(?=\S)/g, '$1')
    .replace(/(?<=\S)[*_]+(?=[\s).,:;!?\]]|$)/g, '')
    .trim();
}

/**
 * The text with quoted spans ("...", '...' at word edges, `...`) blanked, quotes kept and
 * length unchanged: a report that says the response contains "no" or uses 'maybe' is not
 * answering no or maybe.
 */
export function withoutQuoted(text: string): string {
  const blank = (quoted: string): string => quoted[0] + ' '.repeat(quoted.length - 2) + quoted.at(-1)!;
  return text
    .replace(/"[^"\n]*"/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/(?<=^|[\s([{:,])'[^'\n]*'(?=$|[\s)\]},.;:!?])/g, blank);
}

/** A reasoning block before the answer (`<think>...</think>`): only what follows it is the answer. */
const REASONING = /<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi;

/** The text with its reasoning blocks blanked (newlines kept, so positions and lines stay where they were). */
export function blankReasoning(text: string): string {
  return text.replace(REASONING, (block) => block.replace(/[^\n]/g, ' '));
}

/** Lower-case word tokens (letters and digits, with inner apostrophes: `didn't`). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
}

/** Words that say nothing about which instruction a phrase is about. */
const STOPWORDS = new Set(
  (
    'a an the and or of to in on at by for with from as is are was were be been being it its this that these those ' +
    'your you my me i we our response answer output entire whole should must be all any each every some such ' +
    'please then than there their them they use used using contain contains containing include includes included ' +
    'have has had do does did not no never other only also just very one instruction instructions item requirement ' +
    'constraint rule following follow followed satisfied satisfy met meet yes ok least most less more than exactly ' +
    'e.g i.e example such as about which count limit number total minimum maximum'
  ).split(' '),
);

/**
 * A light stem, enough to match `commas` with `comma`, `wrapped` with `wrap` and
 * `quoted` with `quote`: plural and -ed/-ing endings off, a doubled last consonant
 * and a final e dropped. Both sides of a comparison go through it, so it needs only to be
 * consistent, not a real stemmer.
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a phrase, stemmed: what can tell one instruction from another. */
export function contentWords(text: string): Set<string> {
  return new Set(
    wordsOf(text.replace(/[_:/-]/g, ' '))
      .filter((word) => !STOPWORDS.has(word) && !/^\d+$/.test(word))
      .map(stem),
  );
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  '6th': 6,
  premier: 1,
  'première': 1,
  deuxième: 2,
  seconde: 2,
  troisième: 3,
  quatrième: 4,
  primero: 1,
  primera: 1,
  segundo: 2,
  segunda: 2,
  tercero: 3,
  tercera: 3,
  cuarto: 4,
  cuarta: 4,
  erste: 1,
  ersten: 1,
  zweite: 2,
  zweiten: 2,
  dritte: 3,
  dritten: 3,
  vierte: 4,
  vierten: 4,
};

/** The number an ordinal word names (`second` -> 2), if it is one. */
export function ordinalNumber(word: string): number | undefined {
  return ORDINALS[word.toLowerCase()];
}

/** Small number words, for counts written out ("two of the three instructions"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  none: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * The value of a number token as NUMBER_PATTERN matches it: digits, or an English number
 * word up to ninety-nine ("twelve", "twenty-one", "ninety nine").
 */
export function numberValue(token: string): number | undefined {
  const lower = token.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  const parts = lower.split(/[\s-]/);
  if (parts.length === 1) return NUMBER_WORDS[lower];
  // A tens word (every number word from twenty up is one) joined to one to nine.
  const tens = NUMBER_WORDS[parts[0]!] ?? 0;
  const ones = NUMBER_WORDS[parts[1]!] ?? 0;
  return parts.length === 2 && tens >= 20 && ones > 0 && ones < 10 ? tens + ones : undefined;
}

/** A regular-expression source matching one number in digits or words, for readers to embed. */
export const NUMBER_PATTERN = `(?:\\d+|(?:${Object.keys(NUMBER_WORDS).filter((w) => w !== 'none').join('|')})(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)`;
