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
  /** Said to be approximate: "about 12", "~12". */
  approximate?: boolean;
}

/** The text as number readers see it: normal form, no markdown, quoted material blanked. */
function plainText(text: string): string {
  return withoutQuoted(normaliseText(text).split('\n').map(stripMarkdown).join('\n'));
}

/**
 * The candidates that stand: after the last correction with candidates after it, the
 * marked ones if any are, all otherwise.
 */
function standingCandidates(candidates: readonly Candidate[], corrections: readonly number[]): Candidate[] {
  if (candidates.length === 0) return [];
  const last = Math.max(...candidates.map((c) => c.position));
  const cut = Math.max(-1, ...corrections.filter((c) => c < last));
  const standing = candidates.filter((c) => c.position > cut);
  const marked = standing.filter((c) => c.marked);
  return marked.length > 0 ? marked : standing;
}

/** The reading the candidates come to: one value, or why not. */
function settleNumbers(candidates: readonly Candidate[], corrections: readonly number[], from: ReadFrom): Reading<number> {
  const standing = standingCandidates(candidates, corrections);
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

const RANGE = new RegExp(`\\b(?:between\\s+)?${NUMBER_PATTERN}(?:\\.\\d+)?\\s*%?\\s*(?:-|to|and)\\s*${NUMBER_PATTERN}(?:\\.\\d+)?\\s*%`, 'i');
const PROBABILITY_LABEL = /(?:confidence|probability|likelihood|chance|certainty|credence|p)\s*(?:level|score|estimate|of being correct)?\s*(?:is|of|at|=|:|≈|~|around|about)?\s*$/i;
const PROBABILITY_KEYS = /^(?:confidence|probability|p|likelihood|chance|certainty|credence|p_?correct|probability_?correct|confidence_?score)$/i;

/** A bare number read on the question's scale: 85 is 85% whatever was asked; 0.85 is 0.85. */
function onScale(value: number, scale: ProbabilityScale): number {
  if (value > 1) return value / 100;
  return scale === 'percent' && value === 1 && Number.isInteger(value) ? 0.01 : value;
}

/**
 * Reads a probability in [0, 1] from an answer to a question that asked for one on
 * `scale`: "80%", "0.8", "about 0.8", "80 out of 100", "8/10", "eighty percent",
 * `{"confidence": 0.8}`. Unparseable for ranges, words alone, several different values,
 * or values outside 0-100%.
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
  if (RANGE.test(plain)) return unread('hedge');
  const candidates: Candidate[] = [];
  const pattern = new RegExp(
    `(${NUMBER_PATTERN}(?:\\.\\d+)?|\\.\\d+)\\s*(%|percent\\b|per cent\\b|(?:/|out of)\\s*(\\d+))?`,
    'gi',
  );
  for (const match of plain.matchAll(pattern)) {
    const number = match[1]!.startsWith('.') ? Number(`0${match[1]}`) : /^\d/.test(match[1]!) ? Number(match[1]) : numberValue(match[1]!);
    if (number === undefined || Number.isNaN(number)) continue;
    const [, , unit, denominator] = match;
    const labelled = PROBABILITY_LABEL.test(plain.slice(Math.max(0, match.index - 40), match.index));
    let value: number;
    if (denominator !== undefined) {
      const total = Number(denominator);
      if (total === 0) continue;
      value = number / total;
    } else if (unit !== undefined) {
      value = number / 100;
    } else if (/^\d/.test(match[1]!) || match[1]!.startsWith('.')) {
      value = onScale(number, scale);
    } else {
      continue; // a number word alone ("one of the answers") is not a probability
    }
    candidates.push({ value, position: match.index, marked: unit !== undefined || denominator !== undefined || labelled });
  }
  const reading = settleNumbers(candidates, correctionPositions(plain), from);
  if (reading.kind === 'read' && (reading.value < 0 || reading.value > 1)) return unread('out of range');
  return reading;
}

const APPROXIMATE = /\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|circa|some|or so|give or take|at least|at most|more than|less than|fewer than|over|under)\s*$|~\s*$|≈\s*$/i;
const INTEGER_LABEL = /(?:answer|count|total|number|result|there (?:are|were|is|was)|had|has|contains?|=|:)\s*$/i;
const INTEGER_KEYS = /^(?:count|number|answer|value|total|n|result|items?|num_?\w*|\w*_count|how_many)$/i;

/**
 * Reads one integer ("12", "twelve", "12 items", `{"count": 12}`, "1,200"). Unparseable
 * when approximate ("about 12"), a range, or several different integers with no correction
 * between them and none marked as the answer.
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
  if (new RegExp(`\\b${NUMBER_PATTERN}\\s*(?:-|to)\\s*${NUMBER_PATTERN}\\b`, 'i').test(plain)) return unread('hedge');
  const candidates: Candidate[] = [];
  const bold = new Set([...normaliseText(text).matchAll(/\*\*\s*([\d,]+)\s*\*\*/g)].map((m) => Number(m[1]!.replace(/,/g, ''))));
  const pattern = new RegExp(`(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${NUMBER_PATTERN})(?![\\d.]*\\d)`, 'gi');
  for (const match of plain.matchAll(pattern)) {
    const token = match[1]!.replace(/,/g, '');
    const value = /^\d/.test(token) ? Number(token) : numberValue(token);
    if (value === undefined || !Number.isInteger(value)) continue;
    const before = plain.slice(Math.max(0, match.index - 30), match.index);
    candidates.push({ value, position: match.index, marked: bold.has(value) || INTEGER_LABEL.test(before), approximate: APPROXIMATE.test(before) });
  }
  return settleNumbers(candidates, correctionPositions(plain), from);
}
