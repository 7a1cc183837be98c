/**
 * An English sentence splitter that approximates the one IFEval counts sentences with:
 * NLTK's Punkt tokenizer (Kiss & Strunk 2006) with its pretrained English model.
 *
 * The algorithm is Punkt's: candidate breaks are `.`, `?` and `!` followed by
 * whitespace or closing punctuation; a word-final period is a break unless the word
 * is a known abbreviation; an abbreviation, ellipsis, initial or list number is then
 * reclassified by looking at the next word's capitalisation. What NLTK learns from a
 * corpus (abbreviations, the usual case of each word, frequent sentence starters) is
 * replaced here by three small hand-written English lexicons, and its corpus-specific
 * collocations are not modelled, so decisions that hinge on rare words can differ;
 * docs/ifeval-conformance.md reports the measured agreement.
 */
import { PY_NON_SPACE, PY_SPACE, pyIsLower, pyIsUpper, pyRstrip } from './pystr.js';

/**
 * Word stems (lowercase, final period removed) that Punkt's English model treats as
 * abbreviations: a period after them does not end a sentence by itself. Common English
 * abbreviations were kept only where probing Punkt showed it agrees ("e.g.", "i.e." and
 * "etc." are not abbreviations to it, so they end sentences). Sixteen single letters
 * are abbreviations to it too, so "the letter t. But" stays one sentence.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // single letters (as initials), as probed
  ...'cdefghklmnprstvw',
  // titles and ranks
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'maj', 'adm', 'sen', 'rep', 'reps', 'messrs',
  // companies
  'inc', 'ltd', 'corp', 'co', 'bros', 'cie',
  // months and days
  'jan', 'feb', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'tues', 'wed', 'fri',
  // places
  'u.s', 'u.s.a', 'u.k', 'u.n', 'u.s.s.r', 'd.c', 'n.y', 'l.a', 'calif', 'ariz', 'fla', 'wash', 'mich', 'minn', 'wis',
  'colo', 'conn', 'tenn', 'okla', 'ore', 'nev', 'ala', 'ky', 'kan', 'ill', 'ga', 'pa', 'va', 'vt', 'ave',
  // other
  'vs', 'ok', 'a.m', 'p.m', 'ph.d', 'm.b.a', 'a.d', 'j.k', 'ft', 'mg', 'yr',
]);

/**
 * Lowercase words that start sentences often enough that Punkt breaks after an
 * abbreviation or ellipsis when the next word is one of them, capitalised.
 */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'the', 'this', 'these', 'it', 'he', 'i', 'they', 'there', 'if', 'in', 'but', 'so', 'some', 'many', 'most', 'both',
  'however', 'indeed', 'instead', 'meanwhile', 'moreover', 'nevertheless', 'nonetheless', 'thus', 'yet', 'nor',
  'although', 'though', 'while', 'when', 'since', 'despite', 'even', 'among', 'according', 'under', 'similarly',
]);

/**
 * Very frequent English words. Punkt's English model has seen each of them in lowercase
 * and also capitalised mid-sentence (in headlines and titles), so a capitalised one says
 * nothing certain about a sentence start, but it is an ordinary word, not a name.
 */
const FREQUENT_WORDS: ReadonlySet<string> = new Set(
  (
    'a about after again against all also an and another any are as at be because been before below both but by ' +
    'can could did do down during each every everyone everything few first for from further had has have having he ' +
    'his how however if in is it its itself just last let like many may me might more most much must my never new ' +
    'next no none not now of off often on once one only or other others our out over own perhaps rather she should ' +
    'since some something than that the their theirs then there these they this those to today too under until up ' +
    'was we what whatever when where while who whose why will with would you yours yourselves ' +
    'add avoid come end find get give go good great keep know look make read see set start take tell use work write ' +
    'best big brief day high key long main old open time world year'
  ).split(' '),
);

/**
 * Ordinary English words that are less frequent: seen in lowercase and not capitalised
 * mid-sentence, so capitalised after an abbreviation, ellipsis or initial they mark a
 * new sentence.
 */
const ORDINARY_WORDS: ReadonlySet<string> = new Set(
  (
    'above always anyone anything being between does doing either her here hers herself him himself into myself ' +
    'ours ourselves same so sometimes still such them themselves though through thus upon us very were whether ' +
    'which whom within without yet your yourself please note remember consider check choose create include ensure ' +
    'follow learn try ask think prepare apply build understand explain describe discuss define compare evaluate ' +
    'improve provide allow begin wait enjoy explore relax exercise play listen speak call send spend win lose turn ' +
    'walk fly swim climb sing draw paint dress wear carry hold pull throw break fix solve question problem idea ' +
    'example result cause benefit advantage challenge opportunity method approach process step stage phase type ' +
    'section lesson fact detail evidence knowledge skill cost morning tomorrow yesterday weekend season weather ' +
    'friend person teacher team product program sentence language title list chart image sport event session ' +
    'course village kitchen car bus train plane phone message final better important specific simple difficult ' +
    'early slow happy sad excellent perfect true finish'
  ).split(' '),
);

/** A common English derivational or inflectional ending: the word is no name. */
const ORDINARY_ENDING =
  /^[a-z]{2,}(?:tion|sion|ment|ness|ity|ance|ence|ing|ed|ly|ive|ous|ful|less|able|ible|al|ary|ory|ure|ship|ism|ist|ize|ise|ate|ogy|ics|sis)s?$/;

// Punkt's orthographic-context flags: in which positions and cases a word was seen.
const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UC = ORTHO_BEG_UC | ORTHO_MID_UC;
const ORTHO_LC = ORTHO_BEG_LC | ORTHO_MID_LC;

/**
 * The orthographic context our lexicons imply for a word type, in place of the
 * counts Punkt learned from its corpus. Anything not recognised as an English word is
 * treated as never seen, like a name.
 */
function orthoContext(type: string): number {
  if (ORDINARY_WORDS.has(type) || (type.endsWith('s') && ORDINARY_WORDS.has(type.slice(0, -1)))) {
    return ORTHO_BEG_UC | ORTHO_MID_LC;
  }
  // Unlisted derived words ("department", "constitution") are ordinary words too, but
  // in titles and names they are capitalised mid-sentence as often as not.
  if (FREQUENT_WORDS.has(type) || ORDINARY_ENDING.test(type)) return ORTHO_BEG_UC | ORTHO_MID_UC | ORTHO_MID_LC;
  return 0;
}

const SENT_END_CHARS = ['.', '?', '!'];
const NON_WORD = `[)";}\\]*:@'({[?!]`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${PY_SPACE}){2,}\\.)`;
const WORD_START = `[^("\`{[:;&#*@)}\\]\\-,]`;

/** Punkt's word tokens: multi-character punctuation, words (periods stay attached), or single symbols. */
const WORD_TOKEN = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${PY_NON_SPACE}+?` +
    `(?=${PY_SPACE}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${PY_SPACE}|${NON_WORD}|${MULTI_CHAR}))` +
    `|${PY_NON_SPACE}`,
  'gu',
);

/** A candidate break: `.?!` followed by closing punctuation (group 1) or by whitespace and a token (group 2). */
const PERIOD_CONTEXT = new RegExp(`[.?!](?=(${NON_WORD}|${PY_SPACE}+(${PY_NON_SPACE}+)))`, 'gu');

/** Closing quotes and brackets after a break belong to the sentence before it. */
const BOUNDARY_REALIGNMENT = new RegExp(`^["')\\]}]+?(?:${PY_SPACE}+|(?=--)|(?=\\n|$))`, 'u');

const NUMERIC = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const ELLIPSIS = /^\.\.+$/;
const INITIAL = /^[\p{L}\p{Nl}\p{No}_]\.$/u;
const ASCII_WHITESPACE = ' \t\n\r\v\f';
const ORTHO_PUNCTUATION = [';', ':', ',', '.', '!', '?'];

interface Token {
  tok: string;
  /** Lowercased, with numbers folded to `##number##`. */
  type: string;
  periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

function makeToken(tok: string): Token {
  return {
    tok,
    type: tok.toLowerCase().replace(NUMERIC, '##number##'),
    periodFinal: tok.endsWith('.'),
    sentbreak: false,
    abbr: false,
    ellipsis: false,
  };
}

function typeNoPeriod(token: Token): string {
  return token.type.length > 1 && token.type.endsWith('.') ? token.type.slice(0, -1) : token.type;
}

function typeNoSentPeriod(token: Token): string {
  return token.sentbreak ? typeNoPeriod(token) : token.type;
}

function firstChar(token: Token): string {
  return String.fromCodePoint(token.tok.codePointAt(0)!);
}

function isAbbreviation(stem: string): boolean {
  return ABBREVIATIONS.has(stem) || ABBREVIATIONS.has(stem.split('-').at(-1)!);
}

/** Punkt's first pass: decisions from the token alone. */
function annotateFirstPass(token: Token): void {
  if (SENT_END_CHARS.includes(token.tok)) token.sentbreak = true;
  else if (ELLIPSIS.test(token.tok)) token.ellipsis = true;
  else if (token.periodFinal && !token.tok.endsWith('..')) {
    if (isAbbreviation(token.tok.slice(0, -1).toLowerCase())) token.abbr = true;
    else token.sentbreak = true;
  }
}

/** Punkt's orthographic heuristic: is `token` the first word of a sentence (true, false or unknown)? */
function orthoHeuristic(token: Token): boolean | 'unknown' {
  if (ORTHO_PUNCTUATION.includes(token.tok)) return false;
  const context = orthoContext(typeNoSentPeriod(token));
  const first = firstChar(token);
  if (pyIsUpper(first) && context & ORTHO_LC && !(context & ORTHO_MID_UC)) return true;
  if (pyIsLower(first) && (context & ORTHO_UC || !(context & ORTHO_BEG_LC))) return false;
  return 'unknown';
}

/** Punkt's second pass: reclassifies a period-final token by looking at the next token. */
function annotateSecondPass(token: Token, next: Token): void {
  if (!token.periodFinal) return;
  const nextType = typeNoSentPeriod(next);
  const isInitial = INITIAL.test(token.tok);
  const nextFirstUpper = pyIsUpper(firstChar(next));
  if ((token.abbr || token.ellipsis) && !isInitial) {
    if (orthoHeuristic(next) === true || (nextFirstUpper && SENTENCE_STARTERS.has(nextType))) {
      token.sentbreak = true;
      return;
    }
  }
  if (isInitial || typeNoPeriod(token) === '##number##') {
    const startsSentence = orthoHeuristic(next);
    const looksLikeName = startsSentence === 'unknown' && isInitial && nextFirstUpper && !(orthoContext(nextType) & ORTHO_LC);
    if (startsSentence === false || looksLikeName) {
      token.sentbreak = false;
      token.abbr = true;
    }
  }
}

/** Punkt's word tokens of a text, line by line (blank lines carry no tokens). */
function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(WORD_TOKEN)) tokens.push(makeToken(match[0]));
  }
  return tokens;
}

/** Whether a candidate's context (the word before, the break, the token after) holds a break. */
function containsSentenceBreak(context: string): boolean {
  const tokens = tokenizeWords(context);
  tokens.forEach(annotateFirstPass);
  for (let i = 0; i + 1 < tokens.length; i++) {
    annotateSecondPass(tokens[i]!, tokens[i + 1]!);
    if (tokens[i]!.sentbreak) return true;
  }
  return false;
}

interface Candidate {
  /** Offset just after the break character. */
  end: number;
  /** Where the next sentence starts if this candidate is a break. */
  nextStart: number;
  context: string;
}

function lastAsciiWhitespaceIndex(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (ASCII_WHITESPACE.includes(text[i]!)) return i;
  return 0;
}

/**
 * The candidate breaks with their contexts. As in NLTK, the word before a candidate
 * reaches back to the last whitespace, and of candidates whose words overlap
 * ("Really?!") only the last is kept. (NLTK reads a whitespace at offset 0 of the gap
 * as "none", which is reproduced.)
 */
function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  let previous: { match: RegExpExecArray; wordStart: number; wordEnd: number } | undefined;
  const emit = (): void => {
    if (!previous) return;
    const { match, wordStart, wordEnd } = previous;
    const end = match.index + 1;
    const afterToken = match[1]!;
    const nextToken = match[2];
    found.push({
      end,
      nextStart: nextToken === undefined ? end : end + afterToken.length - nextToken.length,
      context: text.slice(wordStart, wordEnd) + match[0] + afterToken,
    });
  };
  for (const match of text.matchAll(PERIOD_CONTEXT) as IterableIterator<RegExpExecArray>) {
    const gapStart = previous?.wordEnd ?? 0;
    const gapSpace = lastAsciiWhitespaceIndex(text.slice(gapStart, match.index));
    const wordStart = gapSpace ? gapStart + gapSpace + 1 : (previous?.wordStart ?? 0);
    if (previous && previous.wordEnd <= wordStart) emit();
    previous = { match, wordStart, wordEnd: match.index };
  }
  emit();
  return found;
}

/** Sentence spans before realignment: one per break, and the rest of the text. */
function rawSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let lastBreak = 0;
  for (const candidate of candidates(text)) {
    if (!containsSentenceBreak(candidate.context)) continue;
    spans.push([lastBreak, candidate.end]);
    lastBreak = candidate.nextStart;
  }
  spans.push([lastBreak, pyRstrip(text).length]);
  return spans;
}

/** Moves closing quotes and brackets that open a span to the end of the span before; drops empty spans. */
function realignSpans(text: string, spans: [number, number][]): [number, number][] {
  const result: [number, number][] = [];
  let shift = 0;
  spans.forEach(([rawStart, end], index) => {
    const start = rawStart + shift;
    const next = spans[index + 1];
    const closing = next ? BOUNDARY_REALIGNMENT.exec(text.slice(next[0], next[1])) : null;
    if (closing) {
      result.push([start, next![0] + pyRstrip(closing[0]).length]);
      shift = closing[0].length;
      return;
    }
    shift = 0;
    if (start < end) result.push([start, end]);
  });
  return result;
}

/** Splits English text into sentences the way Punkt's English model would, as closely as we can. */
export function splitSentences(text: string): string[] {
  return realignSpans(text, rawSpans(text)).map(([start, end]) => text.slice(start, end));
}
