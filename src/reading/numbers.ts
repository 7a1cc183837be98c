/**
 * Reading numbers a model gives about itself: a probability ("80%", "0.8", "about 0.8",
 * "8/10", `{"confidence": 0.9}`) and an integer ("12", "twelve", "12 items"). A range,
 * two different values with no correction between them, or words alone ("high") are
 * unparseable.
 */
import { jsonValues } from './json.js';
import { read, unread, type ReadFrom, type Reading } from './reading.js';
import { NUMBER_PATTERN, normaliseText, numberValue, stripMarkdown, withoutQuoted } from './text.js';
import { correctionPositions } from './yes-no.js';

/** A number found in the text, where, and whether something marks it as the answer. */
interface Candidate {
  value: number;
  position: number;
  /** Marked as the answer: a `%`, "out of", a label such as "Confidence:" or "Answer:", bold. */
  marked: boolean;
  /** Marked as the final answer, above other marks: "Answer: 1081" beside a working's "= 940". */
  final?: boolean;
  /** Said to be approximate: "about 12", "~12". */
  approximate?: boolean;
  /** A bound or an end of a range, not a value: "less than 50%", "10+", "10 to 12". */
  bound?: boolean;
}

/** The text as number readers see it: normal form, no markdown, quoted material blanked. */
function plainText(text: string): string {
  return withoutQuoted(normaliseText(text).split('\n').map(stripMarkdown).join('\n'));
}

/**
 * The candidates that stand: after the last correction with candidates after it, the
 * ones marked as the final answer if any are, else the marked ones if any are, else all.
 */
function standingCandidates(candidates: readonly Candidate[], corrections: readonly number[]): Candidate[] {
  const last = Math.max(...candidates.map((c) => c.position));
  const cut = Math.max(-1, ...corrections.filter((c) => c < last));
  const standing = candidates.filter((c) => c.position > cut);
  const final = standing.filter((c) => c.final);
  if (final.length > 0) return final;
  const marked = standing.filter((c) => c.marked);
  return marked.length > 0 ? marked : standing;
}

/** The reading the candidates come to: one value, or why not. Bounds count only when nothing else is given, and then as a hedge. */
function settleNumbers(candidates: readonly Candidate[], corrections: readonly number[], from: ReadFrom): Reading<number> {
  const unbounded = candidates.filter((c) => !c.bound);
  if (unbounded.length === 0 && candidates.length > 0) return unread('hedge');
  const standing = standingCandidates(unbounded, corrections);
  if (standing.length === 0) return unread('no answer');
  const values = new Set(standing.map((c) => c.value));
  if (values.size > 1) return unread('contradiction');
  if (standing.some((c) => c.approximate)) return unread('hedge');
  return read(standing[0]!.value, from);
}

/** The first JSON number (or numeric string) under one of `keys`, searched depth-first. */
function jsonNumber(text: string, keys: RegExp): { value: number | string } | undefined {
  const visit = (value: unknown): { value: number | string } | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (keys.test(key) && (typeof entry === 'number' || typeof entry === 'string')) return { value: entry };
      const inner = visit(entry);
      if (inner) return inner;
    }
    return undefined;
  };
  for (const span of jsonValues(normaliseText(text))) {
    const found = visit(span.value);
    if (found) return found;
  }
  return undefined;
}

/** How the question asked for a probability: as a percentage (0-100) or as a fraction (0-1). */
export type ProbabilityScale = 'percent' | 'unit';

/** A bound instead of a value: "less than 50%", "over 90", "10+", ">= 0.8". */
const BOUND_BEFORE = /(?:less than|fewer than|more than|at least|at most|under|over|above|below|up to|no more than|no less than|[<>≤≥]=?)\s*$/i;
/** A number word as a whole word: "sixty", "twenty-one", never the "six" of "sixty" or the "one" of "none". */
const NUMBER_WORD = `\\b${NUMBER_PATTERN}\\b`;
const PROBABILITY_LABEL =
  /(?:confidence|probability|likelihood|chance|certainty|credence|\bp|i'd say|i would say|i'd put it at|put it at|i'd estimate|estimate|i'd give it|rate it|i'd go with|say)\s*(?:level|score|estimate|of being correct)?\s*(?:is|of|at|=|:|≈|~|around|about|roughly)?\s*$/i;
const PROBABILITY_KEYS = /^(?:confidence|probability|p|likelihood|chance|certainty|credence|p_?correct|probability_?correct|confidence_?score)$/i;
/** Even odds, said as an idiom. */
const EVEN_ODDS = /\b(?:50\s*[/-]\s*50|fifty[- ]fifty|even odds|a coin (?:flip|toss))\b/i;

/**
 * A bare number on the question's scale, or undefined when it could be either: asked for
 * 0-100, "0.8" could be 0.8% or 80% and "1" could be 1% or certainty; asked for 0-1, "80"
 * can only mean 80%.
 */
function onScale(value: number, scale: ProbabilityScale): number | undefined {
  if (value > 1) return value / 100;
  if (scale === 'unit' || value === 0) return value;
  return undefined;
}

/**
 * Reads a probability in [0, 1] from an answer to a question that asked for one on
 * `scale`: "80%", "0.8", "about 0.8", "80 out of 100", "8/10", "eighty percent",
 * "50/50", `{"confidence": 0.8}`. Unparseable for ranges and bounds ("less than 50%"),
 * words alone ("high"), a bare number that fits both scales, several different values, or
 * values outside 0-100%.
 */
export function readProbability(text: string, scale: ProbabilityScale): Reading<number> {
  const structured = jsonNumber(text, PROBABILITY_KEYS);
  if (structured) {
    const reading = readProbabilityText(String(structured.value), scale, 'structured');
    if (reading.kind === 'read') return reading;
  }
  return readProbabilityText(text, scale, 'free text');
}

function readProbabilityText(text: string, scale: ProbabilityScale, from: ReadFrom): Reading<number> {
  const plain = plainText(text);
  if (EVEN_ODDS.test(plain)) return read(0.5, from);
  const candidates: Candidate[] = [];
  const pattern = new RegExp(`(${NUMBER_WORD}(?:\\.\\d+)?|\\.\\d+)(?!\\.?\\d|,\\d)\\s*(%|percent\\b|per cent\\b|(/|out of|in)\\s*(\\d+))?`, 'gi');
  let ambiguous = false;
  let outOfRange = false;
  for (const match of plain.matchAll(pattern)) {
    const token = match[1]!;
    // What is written after the number says its scale: "%", "percent", "/10", "out of 100".
    const [, , scaleWritten, connector, denominator] = match;
    const inDigits = /^[\d.]/.test(token);
    // A number word alone ("one of the answers") is not a probability; with its scale it is ("eighty percent").
    if (!inDigits && scaleWritten === undefined) continue;
    const number = inDigits ? Number(token) : numberValue(token);
    if (number === undefined) continue;
    const before = plain.slice(Math.max(0, match.index - 40), match.index);
    const after = plain.slice(match.index + match[0].length);
    // The match takes the spaces after the number, so a plus comes first in what is after it.
    const bound = BOUND_BEFORE.test(before) || after.startsWith('+') || inRange(plain, match.index, match[0].length);
    let value: number | undefined;
    if (denominator !== undefined) {
      const total = Number(denominator);
      // "3 in 4" is a chance whatever the total; "4/5" is a rating on another scale unless out of 10 or 100.
      if (connector?.toLowerCase() === 'in' ? total === 0 : ![1, 10, 100].includes(total)) continue;
      value = number / total;
    } else if (scaleWritten !== undefined) {
      value = number / 100;
    } else {
      value = onScale(number, scale);
      if (value === undefined) {
        ambiguous = true;
        continue;
      }
    }
    if (value > 1) {
      outOfRange = true;
      continue;
    }
    candidates.push({ value, position: match.index, marked: scaleWritten !== undefined || PROBABILITY_LABEL.test(before), bound });
  }
  if (candidates.length === 0 && (ambiguous || outOfRange)) return unread('out of range');
  return settleNumbers(candidates, correctionPositions(plain), from);
}

/** Whether the number at `index` is one end of a range ("10 to 12", "70-80%", "between 3 and 5"). */
function inRange(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 30), index);
  const after = text.slice(index + length, index + length + 12);
  return /(?:\d(?:\s*(?:%|percent|per cent))?\s*(?:-|to)\s*|between\s+\S+\s+and\s+)$/i.test(before) || /^\s*(?:-|to)\s*\d/.test(after) || (/^\s*and\s+\S/.test(after) && /between\s+$/i.test(before));
}

const APPROXIMATE = /\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|circa|some)\s*$|~\s*$|≈\s*$/i;
/**
 * A label of the final answer opening the number's own line: "Answer: 1,081", "- Total
 * rules: 6", "| **Total** | **6** |", "Final result = 12"; never one inside a sentence ("As a
 * result, 3 of them ...").
 */
const FINAL_LABEL = /(?:^|\n)[\s>*_#|-]*(?:final\s+)?(?:answer|total|result)\b[^\d\n]{0,25}$/i;
/** A number the answer rules out: "six rules, not five". */
const RULED_OUT = /\bnot\s*$/i;
/** An answer that is only "none": zero. */
const NONE = /^\W*none\W*$/i;
/** A count the answer itself disowns: "I'm not certain; I'd guess 3", "maybe 4", "probably 6". */
const UNCERTAIN_COUNT = /\b(?:not (?:sure|certain)|unsure|uncertain|i(?:'d| would)? guess|guessing|perhaps|maybe|probably|possibly)\b/i;
/** Said after the number: "12 or so", "12, give or take". */
const APPROXIMATE_AFTER = /^,?\s*(?:or so|give or take)\b/i;
/** What marks a number as the answer: "Answer: 7", "= -3", "there were 7", "I'd go with 11", bold. */
const INTEGER_LABEL =
  /(?:(?:answer|count|total|result)(?: is)?|there (?:are|were|is|was)|i count|i'd go with|i would go with|i'd say|i would say|comes? to|=|:)\s*$/i;
const INTEGER_KEYS = /^(?:count|number|answer|value|total|n|result|items?|num_?\w*|\w*_count|how_many)$/i;

/**
 * Reads one integer ("12", "twelve", "twenty-one", "12 items", "= -3", `{"count": 12}`,
 * "1,200"). Unparseable when approximate ("about 12"), a bound ("10+", "at least 10"), a
 * range with nothing marked as the answer, or several different integers with no
 * correction between them and none marked as the answer.
 */
export function readInteger(text: string): Reading<number> {
  const structured = jsonNumber(text, INTEGER_KEYS);
  if (structured) {
    const reading = readIntegerText(String(structured.value), 'structured');
    if (reading.kind === 'read') return reading;
  }
  return readIntegerText(text, 'free text');
}

function readIntegerText(text: string, from: ReadFrom): Reading<number> {
  const plain = plainText(text);
  if (UNCERTAIN_COUNT.test(plain)) return unread('hedge');
  if (NONE.test(plain)) return read(0, from);
  const candidates: Candidate[] = [];
  const bold = new Set([...normaliseText(text).matchAll(/\*\*\s*(-?[\d,]+)\s*\*\*/g)].map((m) => Number(m[1]!.replace(/,/g, ''))));
  // A minus sign is a sign only where no number stands before it ("= -3", not "4 - 7" or "10 -12").
  const sign = '(?:(?<!\\d\\s*)-)?';
  const pattern = new RegExp(`(?<![\\d.])(${sign}\\d{1,3}(?:,\\d{3})+|${sign}\\d+(?:\\.\\d+)?|${NUMBER_WORD})(?![\\d.]*\\d)`, 'gi');
  for (const match of plain.matchAll(pattern)) {
    const token = match[1]!.replace(/,/g, '');
    const value = /^-?\d/.test(token) ? Number(token) : (numberValue(token) ?? Number.NaN);
    if (!Number.isInteger(value)) continue;
    const before = plain.slice(Math.max(0, match.index - 30), match.index);
    const after = plain.slice(match.index + match[0].length);
    if (RULED_OUT.test(before)) continue;
    const bound = BOUND_BEFORE.test(before) || /^\s*\+/.test(after) || inRange(plain, match.index, match[0].length);
    const approximate = APPROXIMATE.test(before) || APPROXIMATE_AFTER.test(after);
    const final = FINAL_LABEL.test(before);
    candidates.push({ value, position: match.index, marked: final || bold.has(value) || INTEGER_LABEL.test(before), final, approximate, bound });
  }
  return settleNumbers(candidates, correctionPositions(plain), from);
}
