/**
 * Text measures shared by the IFEval checkers: words, sentences, capitalised words and
 * language, each defined the way IFEval's reference implementation measures them.
 */
import { splitSentences } from './punkt.js';
import { PY_BOUNDARY, PY_DIGIT, PY_SPACE, PY_TEXT_END, PY_WORD, pyIsUpper, pySplitWhitespace } from './pystr.js';

export { detectLanguage } from './langdetect.js';
export { splitSentences } from './punkt.js';

const WORD = new RegExp(`${PY_WORD}+`, 'gu');

/** IFEval's word count: the number of runs of Python `\w` characters (letters, digits, underscore). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** IFEval's sentence count: the number of sentences Punkt's English model finds (approximated, see punkt.ts). */
export function countSentences(text: string): number {
  return splitSentences(text).length;
}

type Rewrite = [RegExp, string];

// NLTK's word tokenizer (an improved Penn Treebank tokenizer) pads punctuation,
// brackets, quotes and clitics with spaces and splits on whitespace. The rules
// below are its rules in its order; `$1`-style references replace Python's `\1`.
const STARTING_QUOTES: Rewrite[] = [
  [/([«“‘„]|`+)/gu, ' $1 '],
  [/^"/u, '``'],
  [/(``)/gu, ' $1 '],
  [/([ ([{<])("|'{2})/gu, '$1 `` '],
  [new RegExp(`(')(?!re|ve|ll|m|t|s|d|n)(${PY_WORD})${PY_BOUNDARY}`, 'giu'), '$1 $2'],
];
const PUNCTUATION: Rewrite[] = [
  [new RegExp(`([^.])(\\.)([\\])}>"'»”’ ]*)${PY_SPACE}*${PY_TEXT_END}`, 'gu'), '$1 $2 $3 '],
  [new RegExp(`([:,])([^${PY_DIGIT}])`, 'gu'), ' $1 $2'],
  [new RegExp(`([:,])${PY_TEXT_END}`, 'gu'), ' $1 '],
  [/\.{2,}/gu, ' $& '],
  [/[;@#$%&]/gu, ' $& '],
  [new RegExp(`([^.])(\\.)([\\])}>"']*)${PY_SPACE}*${PY_TEXT_END}`, 'gu'), '$1 $2$3 '],
  [/[?!]/gu, ' $& '],
  [/([^'])' /gu, "$1 ' "],
  [/[*]/gu, ' $& '],
];
const BRACKETS_AND_DASHES: Rewrite[] = [
  [/[\][(){}<>]/gu, ' $& '],
  [/--/gu, ' -- '],
];
const ENDING_QUOTES: Rewrite[] = [
  [/([»”’])/gu, ' $1 '],
  [/''/gu, " '' "],
  [/"/gu, " '' "],
  [/([^' ])('[sS]|'[mM]|'[dD]|') /gu, '$1 $2 '],
  [/([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /gu, '$1 $2 '],
];
const CONTRACTIONS: Rewrite[] = [
  ...['(can)(not)', "(d)('ye)", '(gim)(me)', '(gon)(na)', '(got)(ta)', '(lem)(me)', "(more)('n)"].map(
    (pair): Rewrite => [new RegExp(`${PY_BOUNDARY}${pair}${PY_BOUNDARY}`, 'giu'), ' $1 $2 '],
  ),
  [new RegExp(`${PY_BOUNDARY}(wan)(na)(?=${PY_SPACE})`, 'giu'), ' $1 $2 '],
  [new RegExp(` ('t)(is)${PY_BOUNDARY}`, 'giu'), ' $1 $2 '],
  [new RegExp(` ('t)(was)${PY_BOUNDARY}`, 'giu'), ' $1 $2 '],
];

function applyRewrites(text: string, rewrites: Rewrite[]): string {
  return rewrites.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** NLTK's `word_tokenize`: sentences first, then Treebank-style tokens within each. */
export function wordTokenize(text: string): string[] {
  return splitSentences(text).flatMap((sentence) => {
    let padded = applyRewrites(sentence, STARTING_QUOTES);
    padded = applyRewrites(padded, PUNCTUATION);
    padded = ` ${applyRewrites(padded, BRACKETS_AND_DASHES)} `;
    padded = applyRewrites(padded, ENDING_QUOTES);
    return pySplitWhitespace(applyRewrites(padded, CONTRACTIONS));
  });
}

/** The number of NLTK word tokens written entirely in capitals (Python `str.isupper()`), as IFEval counts them. */
export function countCapitalWords(text: string): number {
  return wordTokenize(text).filter(pyIsUpper).length;
}
