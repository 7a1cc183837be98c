/**
 * Reading a choice a model made: an option letter ("(B)", "B.", "**B**", "The answer is
 * B", `{"answer": "B"}`) and a short answer ("Answer: Paris", "The capital is **Paris**.").
 * A letter counts only where a letter is an answer, so the article "A" in prose is not
 * option A; two different choices with no correction between them are unparseable.
 */
import { jsonValues, type JsonSpan } from './json.js';
import { read, unread, type ReadFrom, type Reading } from './reading.js';
import { blankReasoning, normaliseText, ordinalNumber } from './text.js';
import { correctionPositions, verdictsIn } from './yes-no.js';

const ANSWER_KEYS = /^(?:answer|final_?answer|choice|option|selected|selection|letter|response|result|value|number|word|animal|country|colou?r)$/i;

/** A value with no letter or digit ("...", "?"), or a form's slot ("<your answer>"): nothing given. */
const isPlaceholder = (value: string): boolean => !/[\p{L}\p{N}]/u.test(value) || /^<[^>]*>$/.test(value.trim());

/** The first string (or number) under an answer-like key in the JSON found in a text; '' when there is none. */
function jsonAnswer(spans: readonly JsonSpan[]): string {
  const visit = (value: unknown): string | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      // A placeholder ("...", "<your answer>") echoed from the question is no answer.
      if (ANSWER_KEYS.test(key) && (typeof entry === 'string' || typeof entry === 'number') && !isPlaceholder(String(entry))) return String(entry);
      const inner = visit(entry);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  for (const span of spans) {
    const found = visit(span.value);
    if (found !== undefined) return found;
  }
  return '';
}

/** Words that take back what came before them ("wait", "no, actually"), unlike a mere cue to look again ("let me double-check"). */
const RETRACTION = /\b(?:wait|scratch that|on second thought|correction|actually,? no|no,? actually)\b/gi;

/** Where each retraction of the text starts. */
export const retractionPositions = (text: string): number[] => [...text.matchAll(RETRACTION)].map((m) => m.index);

/**
 * The choice that stands: after the last correction with choices after it; several
 * different ones are a contradiction, and so is a retraction after the last choice.
 */
export function settleChoices(
  found: readonly { value: string; position: number }[],
  corrections: readonly number[],
  from: ReadFrom,
  sameAs: (value: string) => string = (value) => value,
  retractions: readonly number[] = [],
): Reading<string> {
  if (found.length === 0) return unread('no answer');
  const last = Math.max(...found.map((f) => f.position));
  // "C - wait, no, I'd stick with ..." with nothing read after the retraction: the choice is taken back, and no other read.
  if (retractions.some((r) => r > last)) return unread('contradiction');
  const cut = Math.max(-1, ...corrections.filter((c) => c < last));
  const standing = found.filter((f) => f.position > cut);
  const values = new Set(standing.map((f) => sameAs(f.value)));
  return values.size === 1 ? read(standing.at(-1)!.value, from) : unread('contradiction');
}

/** Cues that make the letter after them the answer: "Answer: B", "**Answer:** B", "the correct option is A", "I'll pick b", "it's D". */
const STRONG_LETTER =
  /(?:\b(?:final answer|answer|option|choice|pick|select|choose|go with|letter|it's|it is|(?:antwort|réponse|respuesta|risposta|resposta) (?:ist|est|es|è|é))\b|答案(?:是|为)?)\**\s*(?:is|:|=|-|：)?\**\s*\*{0,2}\(?([A-Za-z])\)?(?=[\s.,;:!)*。]|$)/gi;
/** Letters set off as choices: "(B)", "**B**", a line opening "B." / "B)" / "B:" / "B -", or a line that is one letter. */
const WEAK_LETTER = /\(([A-Z])\)|\*\*\(?([A-Z])\)?[.):]?\*\*|^\s*(?:[-*]\s*)?([A-Z])(?:[.):,]|\s+-\s|\s*$)/gm;
/** A capital standing alone between a space, comma or dash and punctuation: "... no - C. Plants", "thought, B - a hexagon". */
const LOOSE_LETTER = /(?<=[\s,])([A-Z])(?=\s*(?:[.,;:!)]|\s-\s|$))/g;
const ORDINAL_OPTION = /\b(first|second|third|fourth|fifth|sixth)\s+(?:option|choice|answer|one)\b/gi;

/**
 * Reads an option letter out of `options` (letter -> the option's text, e.g. `{A: 'Venus',
 * B: 'Mercury'}`). A letter after an answer cue ("Answer: B", "it's D") decides; failing
 * those, a letter set off as a choice ("(B)", "**B**", "B." opening a line); failing
 * those, "the second option", or an answer that is exactly one option's text. The article
 * "A" in prose is never option A. Two different choices with no correction between them
 * are unparseable; a letter outside the options is out of range.
 */
export function readOption(text: string, options: Readonly<Record<string, string>>): Reading<string> {
  const letters = Object.keys(options).map((o) => o.toUpperCase());
  const structured = jsonAnswer(jsonValues(normaliseText(text)));
  const letter = /^\s*\(?([A-Za-z])\)?[.):]?\s*(?:$|\s)/.exec(structured)?.[1]!.toUpperCase();
  if (letter !== undefined) return letters.includes(letter) ? read(letter, 'structured') : unread('out of range');
  const plain = normaliseText(text).trim();
  // "B or C" picks no one option, and "probably B" is no claim.
  const either = /\(?\b([A-Z])\)?\s+(?:or|and\/or)\s+\(?([A-Z])\b/.exec(plain);
  if (either && letters.includes(either[1]!) && letters.includes(either[2]!)) return unread('hedge');
  if (verdictsIn(plain).some((v) => v.value === 'hedge')) return unread('hedge');
  const strong = [...plain.matchAll(STRONG_LETTER)]
    // "I'd rather not pick a letter": a lower-case "a" before a word is the article.
    .filter((m) => !(m[1] === m[1]!.toLowerCase() && /^\s+\p{L}/u.test(plain.slice(m.index + m[0].length))))
    .map((m) => ({ value: m[1]!.toUpperCase(), position: m.index }));
  // After a correction, a capital set off by punctuation is the new choice: "B. Wait, no - C. Plants ...".
  const lastCorrection = Math.max(-1, ...correctionPositions(plain));
  const corrected = lastCorrection < 0 ? [] : [...plain.slice(lastCorrection).matchAll(LOOSE_LETTER)].map((m) => ({ value: m[1]!, position: lastCorrection + m.index }));
  const weak = [...plain.matchAll(WEAK_LETTER)].map((m) => ({ value: (m[1] ?? m[2] ?? m[3])!, position: m.index }));
  // "The fifth option" of four names no letter, and is read as out of range.
  const ordinal = [...plain.matchAll(ORDINAL_OPTION)].map((m) => ({ value: letters[ordinalNumber(m[1]!)! - 1] ?? m[1]!, position: m.index }));
  let found = strong.length > 0 ? strong : weak.length > 0 ? [...weak, ...corrected] : ordinal;
  // A lone lower-case letter ("b", "b.") is a choice too; WEAK_LETTER takes capitals only, as an "a" in prose is the article.
  if (/^[a-z][.)]?$/.test(plain)) found = [{ value: plain[0]!.toUpperCase(), position: 0 }];
  if (found.length === 0) {
    const answer = readShortAnswer(text);
    const byText = Object.entries(options).filter(([, optionText]) => answer.kind === 'read' && optionText.toLowerCase() === answer.value.toLowerCase());
    if (byText.length === 1) found = [{ value: byText[0]![0].toUpperCase(), position: 0 }];
  }
  const reading = settleChoices(found, correctionPositions(plain), 'free text', undefined, retractionPositions(plain));
  if (reading.kind === 'read' && !letters.includes(reading.value)) return unread('out of range');
  return reading;
}

/** A short answer cleaned of its wrapping: quotes, bold, a trailing full stop. */
function cleanAnswer(answer: string): string {
  const cleaned = answer
    .trim()
    // A flag or another emoji after the answer ("Iceland 🇮🇸") is decoration.
    .replace(/[\s\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}]+$/u, '')
    .replace(/^\*\*(.+)\*\*$/, '$1')
    .replace(/^["'`](.+)["'`]$/, '$1')
    .replace(/[.!]$/, '')
    .trim();
  return isPlaceholder(cleaned) ? '' : cleaned;
}

/** What a sentence says before its answer: "It was a", "The answer is", "That's". */
const LEAD_IN = /^(?:(?:it|that|this)(?:'s| is| was| would be)|the answer(?: is|:)|my answer(?: is|:)|i'd say|i would say|i'll (?:go with|pick|say|choose)|i'd (?:go with|pick|choose)|i (?:pick|choose)|let me go with|my pick is)\s+(?:(?:a|an|the)\s+)?/i;
/** "Answer: X", "The final answer is X": the answer a text marks as such. */
const MARKED_ANSWER = /(?:final answer|answer|next (?:number|term|word) (?=is))\**\s*(?:is|:)\**\s*([^\n]+?)\s*(?:$|\n|\.(?:\s|$))/gim;
/** "I'd pick otter.", "let me go with kite": a choice of up to two words that closes its sentence. */
const CHOSEN_ANSWER = /\b(?:i'd|i'll|i will|i would|let me) (?:pick|say|go with|choose|answer)\s+["'“*]*([^\s.,;!?"”*]+(?:\s[^\s.,;!?"”*]+)?)["'”*]*\s*(?=[.!]|$)/gim;
/** An approximate answer ("around 50", "something like blue") is not one value. */
export const APPROXIMATE = /^(?:somewhere\s+)?(?:around|about|roughly|approximately|something like|circa)\b/i;
/** A lone indefinite article before a one-word answer ("An octopus."): frame, not answer. */
const ARTICLE = /^an?\s+(?=[\p{L}\p{N}-]+(?:\s[\p{L}\p{N}-]+)?$)/iu;
/** "Sydney - no, Canberra", "Sydney... wait, Canberra": the part after the change of mind. After a comma only "no," is one: "Canberra, no doubt" is not. */
const CHANGE_OF_MIND = /^(.+?)\s*(?:-\s*no|(?:-|,|\.{3}|;)\s*(?:no,|wait|sorry|actually|i mean|correction))[,:]?\s+(.+)/i;

/**
 * Reads a short answer: a JSON `answer`, an "Answer:" line, "the answer is X", a single
 * quoted, code or bold span, or the whole text when it is short (parentheticals, lead-ins
 * and explanation after a dash set aside). Unparseable for "either X or Y", a hedge, a
 * longer text that marks no answer, or two different marked answers with no correction.
 */
export function readShortAnswer(text: string): Reading<string> {
  const normal = blankReasoning(normaliseText(text));
  const json = jsonValues(normal);
  const structured = cleanAnswer(jsonAnswer(json));
  // A JSON object with no answer in it (`{"confidence": 0.9}`) is not part of the answer's words.
  const prose = json.filter((span) => !Array.isArray(span.value)).reduceRight((rest, span) => rest.slice(0, span.start) + rest.slice(span.end), normal);
  const plain = prose.trim().replace(/\s*\([^)]*\)/g, '');
  const marked = [...plain.matchAll(MARKED_ANSWER), ...plain.matchAll(CHOSEN_ANSWER)]
    .map((match) => ({ value: cleanAnswer(match[1]!).replace(ARTICLE, ''), position: match.index }))
    .filter((f) => f.value !== '');
  if (structured !== '') {
    // "Answer: Chile" in prose and {"answer": "Peru"} in JSON give two answers.
    return marked.some((f) => f.value.toLowerCase() !== structured.toLowerCase()) ? unread('contradiction') : read(structured, 'structured');
  }
  if (/\beither\b.+\bor\b|^[^\n.]{1,40}\s+or\s+[^\n.]{1,40}[.?]?$/i.test(plain) || verdictsIn(plain.replace(WOULD_SAY, 'I answer')).some((v) => v.value === 'hedge')) {
    return unread('hedge');
  }
  const changed = CHANGE_OF_MIND.exec(plain);
  if (changed && changed[1]!.split(/\s+/).length <= 4) return readShortAnswer(changed[2]!.replace(/^(?:(?:no|actually|wait|sorry|i mean)[,:]?\s+)+/i, ''));
  if (APPROXIMATE.test(plain.replace(LEAD_IN, ''))) return unread('hedge');
  const found = [...marked];
  if (found.length === 0) {
    const spans = [...plain.matchAll(/\*\*([^*\n]{1,60})\*\*|`([^`\n]{1,60})`|"([^"\n]{1,60})"/g)];
    if (spans.length === 1 && plain.split(/\s+/).length <= 12) found.push({ value: cleanAnswer(spans[0]![1] ?? spans[0]![2] ?? spans[0]![3]!), position: spans[0]!.index });
  }
  if (found.length === 0) {
    const head = plain.split(/\s+-\s+/)[0]!.replace(LEAD_IN, '');
    // "'Light' rhymes with 'night'" quotes two words: a sentence about them, not one answer.
    const quotedWords = head.match(/["'“‘][^"'“”‘’]+["'”’]/g)?.length ?? 0;
    if (!head.includes('\n') && head.split(/\s+/).length <= 4 && quotedWords < 2) found.push({ value: cleanAnswer(head).replace(ARTICLE, ''), position: 0 });
  }
  // An empty answer ("Answer: ." or nothing at all) is no answer.
  const answers = found.filter((f) => f.value !== '');
  return settleChoices(answers, correctionPositions(plain), 'free text', (value) => value.toLowerCase(), retractionPositions(plain));
}

/** Quotes, bold and code marks around a named character, in the languages models answer in. */
const OPEN_MARK = String.raw`["'“‘«„‹\x60*]`;
const CLOSE_MARK = String.raw`["'”’»“‹›\x60*]`;
/** Words after which a single character is the one named: "the first letter would be 'E'", "starts with D", "so C", "serait « C »". */
const CHARACTER_CUE = String.raw`(?:letter|character|digit|char|(?:start|begin|go|stick|stay)(?:s|ing|ning)? with|pick|choose|would be|will be|be|is|so|answer|i'd say|i would say|lettre|caractère|serait|sería|seria|letra|buchstabe|zeichen|wäre|sarebbe|lettera)`;
/** A cued character, set off: quoted, bold or in code, anywhere; bare, only where nothing but punctuation, a dash or a parenthesis follows. */
const CUED_CHARACTER = new RegExp(
  String.raw`(?<![\p{L}])${CHARACTER_CUE}\s*[:=-]?\s*(?:(?:an?|la|le|el|der|die|das)\s+)?(?:${OPEN_MARK}+\s*([\p{L}\p{N}])\s*${CLOSE_MARK}+|([\p{L}\p{N}])(?=\s*(?:[.,;:!?)(—–]|\s-\s|$)))`,
  'giu',
);
/** A sentence, or the opening of one, that is a single character: "D.", "C —", "**E**". */
const LONE_CHARACTER = new RegExp(String.raw`(?:^|[.!?]\s+|\n)\s*${OPEN_MARK}*([\p{L}\p{N}])${CLOSE_MARK}*\s*(?=[.!?]?\s*$|[.!?,]\s|\s*[—–]|\s+-\s|\n)`, 'gu');
/** A digit named by its word at the opening of a sentence: "Seven — I'd pick 73." */
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const LONE_DIGIT_WORD = new RegExp(String.raw`(?:^|[.!?]\s+|\n)\s*(${DIGIT_WORDS.join('|')})\s*(?=[.!?]?\s*$|[.!?,]\s|\s*[—–]|\s+-\s|\n)`, 'giu');
/** A second candidate offered: "P — Paris. Or T for Tokyo.", "C or D". */
const ALTERNATIVE = new RegExp(String.raw`(?<![\p{L}])(?:or|oder|ou|o)\s+${OPEN_MARK}?[\p{L}\p{N}]${CLOSE_MARK}?(?=[\s.,;:!?]|$)`, 'iu');
/** "I'd say dog" names the answer a model would give, not a doubt about it, where the question is what it would answer. */
const WOULD_SAY = /\b(?:i'd|i would) say\b/gi;

/**
 * Reads one character a model names ("B", "'b'", "**B**", "The first letter would be
 * 'E' (for elephant).", "It would start with D, since I'd say dog.", `{"letter": "c"}`),
 * in lower case, after any reasoning block. A bare letter in prose counts only where
 * nothing but punctuation follows it, so the article in "it would be a cat" is no letter.
 * Unparseable for a hedge, two characters with no correction between them, or a word that
 * names no character.
 */
export function readLetter(text: string): Reading<string> {
  const normal = blankReasoning(normaliseText(text));
  const spans = jsonValues(normal);
  const structured = cleanAnswer(characterField(spans) ?? jsonAnswer(spans));
  if (structured !== '') return [...structured].length === 1 ? read(structured.toLowerCase(), 'structured') : unread('no answer');
  const plain = normal.trim();
  const doubted = verdictsIn(plain.replace(WOULD_SAY, 'I answer')).some((v) => v.value === 'hedge');
  if (doubted || ALTERNATIVE.test(plain)) return unread('hedge');
  const found = [
    ...[...plain.matchAll(CUED_CHARACTER), ...plain.matchAll(LONE_CHARACTER)].map((m) => ({ value: (m[1] ?? m[2])!.toLowerCase(), position: m.index })),
    ...[...plain.matchAll(LONE_DIGIT_WORD)].map((m) => ({ value: String(DIGIT_WORDS.indexOf(m[1]!.toLowerCase())), position: m.index })),
  ];
  return settleChoices(found, correctionPositions(plain), 'free text', undefined, retractionPositions(plain));
}

/** The one-character value of a JSON field named for a letter or character (`first_letter`, `second_character`), if any. */
function characterField(spans: readonly JsonSpan[]): string | undefined {
  for (const span of spans) {
    if (!span.value || typeof span.value !== 'object' || Array.isArray(span.value)) continue;
    const entry = Object.entries(span.value as Record<string, unknown>).find(([key, value]) => /letter|char/i.test(key) && typeof value === 'string');
    if (entry) return entry[1] as string;
  }
  return undefined;
}
