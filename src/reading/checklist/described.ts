/**
 * Reading a sentence that describes the response without a verdict word ("The response
 * contains no commas.", "No capital letters were used except in the P.P.S.") against the
 * instruction it answers: saying a thing the instruction forbids is absent, or a thing it
 * asks for is present, is a yes; the reverse is a no. Only what the sentence's own
 * negations govern counts as negated ("no shortage of placeholders" says placeholders are
 * there). Anything it cannot tell is left unread.
 */
import { contentWords, NUMBER_PATTERN, withoutQuoted, wordsOf } from '../text.js';

/** A phrase that restates an instruction rather than describe the response: imperative or modal. */
export const RESTATEMENT =
  /^(?:(?:please\s+)?(?:do not|don't|avoid|refrain|include|use|answer|wrap|give|finish|highlight|first repeat|write|make sure|ensure|there should|your (?:entire )?(?:response|answer|output)\s+(?:should|must)))\b|\b(?:should|must)\b/i;

/** Negations of content: "no", "not", "without", "avoided", "free (of)", "lacks". */
const NEGATORS = new Set(['no', 'not', 'never', 'none', 'without', 'zero', 'nor', 'neither', 'lacks', 'lack', 'lacking', 'absent']);
const isNegator = (word: string, next: string | undefined): boolean =>
  NEGATORS.has(word) || word.endsWith("n't") || /^(?:avoid|refrain)/.test(word) || (word === 'free' && next === 'of');

/** Words that may stand between a negation and the thing it negates: "did not use any commas", "no other language". */
const GOVERNED_THROUGH = new Set([
  'any', 'a', 'an', 'the', 'single', 'other', 'of', 'more', 'extra', 'additional', 'such', 'from', 'use', 'used', 'using',
  'include', 'included', 'including', 'contain', 'contains', 'contained', 'containing', 'have', 'has', 'had', 'put', 'add',
  'added', 'write', 'wrote', 'written', 'appear', 'appears', 'appeared', 'there', 'are', 'is', 'was', 'were', 'be',
  'been', 'in', 'uses', 'stray', 'mention', 'mentions', 'mentioned', 'feature', 'features', 'show', 'shows', 'fully',
  'entirely', 'completely', 'properly', 'correctly', 'actually', 'really', 'quite', 'valid', 'proper', 'real', 'exact',
  'required', 'requested',
]);

/** Words that end a phrase, and with it an inherited negation. */
const PHRASE_BREAK = new Set(['but', 'and', 'although', 'though', 'however', 'so', 'because', 'which', 'that', 'while', 'whereas', 'yet', 'since']);

/** "commas were not used", "X is missing", "commas were avoided", "both are absent": a negation after the thing. */
const AFTER_NEGATION =
  /^["')\]]?\s*(?:(?:(?:is|are|was|were|has been|have been|got|does|do|did)\s+)?(?:(?:both|all|each|also|entirely|completely)\s+)?(?:not|never|nowhere|missing|absent|left out|omitted|avoided|excluded)\b|[a-z]+n't\b|[a-z]+\s+nowhere\b)/;
/** "and 'velvet'" after "thimble" in "thimble and 'velvet' were avoided": the other half of a pair the negation after it covers too. */
const PAIRED = /^["')\]]?\s*(?:and|or|nor)\s+["'(]?[\p{L}\p{N}]+["')]?(?=\s)/u;
/** "is not missing": two negations, so present. */
const NOT_MISSING = /^["')\]]?\s*(?:(?:is|are|was|were|has been|have been)\s+)?(?:not|n't|never)\s+(?:missing|absent|left out|omitted)\b|^["')\]]?\s*[a-z]+n't\s+(?:missing|absent)\b/;

/** Exceptions that take back an absolute claim: "no commas, except one". */
const EXCEPTION = /\b(?:except|apart from|other than|aside from|save for|but one|but for)\b/i;

/**
 * Whether the word at `index` is negated by the sentence: a negation before it (through
 * GOVERNED_THROUGH words, and across "or"/"and"/"nor" to a negated word before: "never
 * used 'mosaic' or 'zipper'") or after it ("'yogurt' does not appear"; "is not missing" is
 * two negations).
 */
function negatedAt(words: readonly string[], index: number, text: string, wordStarts: readonly number[]): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 5; i--) {
    if (isNegator(words[i]!, words[i + 1])) return true;
    // ("nor" is a negator itself, caught above.)
    if (['or', 'and'].includes(words[i]!) && i > 0) return negatedAt(words, i - 1, text, wordStarts);
    if (!GOVERNED_THROUGH.has(words[i]!)) break;
  }
  const after = text.slice(wordStarts[index]! + words[index]!.length).trimStart().toLowerCase().replace(PAIRED, '');
  return AFTER_NEGATION.test(after) && !NOT_MISSING.test(after);
}

/** The words an instruction asks for and the words it forbids, from its clauses; words in both say nothing. */
function instructionWords(description: string): { required: Set<string>; forbidden: Set<string> } {
  const required = new Set<string>();
  const forbidden = new Set<string>();
  for (const clause of description.split(/[,;.]\s|\band\b/)) {
    const words = wordsOf(clause);
    const negative = words.some((word, i) => isNegator(word, words[i + 1]));
    for (const word of contentWords(clause)) (negative ? forbidden : required).add(word);
  }
  for (const word of [...forbidden]) {
    if (required.delete(word)) forbidden.delete(word);
  }
  // (Stems: "allowed" is "allow".)
  for (const modal of ['refrain', 'avoid', 'allow', 'free']) forbidden.delete(modal);
  return { required, forbidden };
}

/**
 * A descriptive sentence's verdict about an instruction, or undefined when it cannot tell:
 * a title rather than a sentence, numbers (they need the instruction's relation to judge),
 * a restated instruction, nothing shared with the instruction, or signals both ways. In
 * "X, but Y" the part after "but" decides when it can ("no 'feather', but I did use
 * 'lemon'").
 */
export function describedVerdict(sentence: string, description: string): boolean | undefined {
  const text = sentence.trim();
  if (text.split(/\s+/).length < 3) return undefined;
  // Numbers decide nothing here: a counted instruction needs its relation (the family's judge reads those).
  if (RESTATEMENT.test(text) || (/\d/.test(description) && new RegExp(`\\b${NUMBER_PATTERN}\\b`, 'i').test(withoutQuoted(text)))) return undefined;
  // (A comma before "but", or more than one space around it, changes no clause's words.)
  const contrast = /\sbut\s/i.exec(text);
  if (contrast) {
    const after = clauseVerdict(text.slice(contrast.index + contrast[0].length), description);
    return after ?? clauseVerdict(text.slice(0, contrast.index), description);
  }
  return clauseVerdict(text, description);
}

/** One clause's descriptive verdict (see `describedVerdict`). */
function clauseVerdict(text: string, description: string): boolean | undefined {
  const { required, forbidden } = instructionWords(description);
  const lower = text.toLowerCase();
  const starts: number[] = [];
  const words: string[] = [];
  for (const match of lower.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)) {
    words.push(match[0]);
    starts.push(match.index);
  }
  let yes = false;
  let no = false;
  // A negated word passes its negation on to the rest of its phrase ("not wrapped in double quotation marks").
  let inherited = false;
  let previousEnd = 0;
  words.forEach((word, index) => {
    // What stands between this word and the one before (before the first word: nothing inherited to end).
    const gap = lower.slice(previousEnd, starts[index]);
    previousEnd = starts[index]! + word.length;
    if (/[^\s'"]/.test(gap) || PHRASE_BREAK.has(word)) inherited = false;
    const [stem] = contentWords(word);
    const isForbidden = stem !== undefined && forbidden.has(stem);
    const matters = stem !== undefined && (isForbidden || required.has(stem));
    const negated = inherited || (matters && negatedAt(words, index, lower, starts));
    if (negated && matters) inherited = true;
    if (!matters) return;
    if (isForbidden === negated) yes = true;
    else no = true;
  });
  if (yes === no) return undefined;
  // "No commas, except one in the last sentence": the exception breaks the claim.
  return EXCEPTION.test(text) ? !yes : yes;
}
