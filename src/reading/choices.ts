/**
 * Reading a choice a model made: an option letter ("(B)", "B.", "**B**", "The answer is
 * B", `{"answer": "B"}`) and a short answer ("Answer: Paris", "The capital is **Paris**.").
 * A letter counts only where a letter is an answer, so the article "A" in prose is not
 * option A; two different choices with no correction between them are unparseable.
 */
import { jsonValues } from './json.js';
import { read, unread, type ReadFrom, type Reading } from './reading.js';
import { normaliseText } from './text.js';
import { correctionPositions, verdictsIn } from './yes-no.js';

const ANSWER_KEYS = /^(?:answer|final_?answer|choice|option|selected|selection|letter|response|result|value)$/i;

/** The first string (or number) under an answer-like key in the text's JSON. */
function jsonAnswer(text: string): string | undefined {
  const visit = (value: unknown): string | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (ANSWER_KEYS.test(key) && (typeof entry === 'string' || typeof entry === 'number')) return String(entry);
      const inner = visit(entry);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  for (const span of jsonValues(normaliseText(text))) {
    const found = visit(span.value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The choice that stands: after the last correction with choices after it; several different ones are a contradiction. */
function settleChoices(
  found: readonly { value: string; position: number }[],
  corrections: readonly number[],
  from: ReadFrom,
  sameAs: (value: string) => string = (value) => value,
): Reading<string> {
  if (found.length === 0) return unread('no answer');
  const last = Math.max(...found.map((f) => f.position));
  const cut = Math.max(-1, ...corrections.filter((c) => c < last));
  const standing = found.filter((f) => f.position > cut);
  const values = new Set(standing.map((f) => sameAs(f.value)));
  return values.size === 1 ? read(standing.at(-1)!.value, from) : unread('contradiction');
}

/**
 * Reads an option letter out of `options` (letter -> the option's text, e.g. `{A: 'Venus',
 * B: 'Mercury'}`). A letter counts where letters are answers: in brackets, before `)` or
 * `.`, in bold, after "answer", "option" or "choice", or alone on a line; failing a letter,
 * an answer that is exactly one option's text counts as that option. A letter outside the
 * options is out of range.
 */
export function readOption(text: string, options: Readonly<Record<string, string>>): Reading<string> {
  const known = new Set(Object.keys(options).map((o) => o.toUpperCase()));
  const structured = jsonAnswer(text);
  if (structured !== undefined) {
    const letter = /^\s*\(?([A-Za-z])\)?[.):]?\s*(?:$|\s)/.exec(structured)?.[1]?.toUpperCase();
    if (letter !== undefined) return known.has(letter) ? read(letter, 'structured') : unread('out of range');
  }
  const plain = normaliseText(text);
  const pattern =
    /(?:\(([A-Z])\)|\*\*\(?([A-Z])\)?[.):]?\*\*|\b(?:answer|option|choice|pick|select|choose|go with|letter)\b[^A-Za-z\n]{0,6}(?:is\s+)?(?:option\s+)?\(?([A-Z])\b(?![a-z'])|^\s*(?:[-*]\s*)?([A-Z])(?:[.):]|\s*$)(?=\s|$))/gm;
  const found: { value: string; position: number }[] = [];
  for (const match of plain.matchAll(pattern)) {
    const letter = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (letter !== undefined) found.push({ value: letter, position: match.index });
  }
  if (found.length === 0) {
    const answer = readShortAnswer(text);
    const byText = Object.entries(options).filter(([, optionText]) => answer.kind === 'read' && optionText.trim().toLowerCase() === answer.value.toLowerCase());
    if (byText.length === 1) found.push({ value: byText[0]![0].toUpperCase(), position: 0 });
  }
  const reading = settleChoices(found, correctionPositions(plain), 'free text');
  if (reading.kind === 'read' && !known.has(reading.value)) return unread('out of range');
  if (reading.kind === 'read' && verdictsIn(plain.toLowerCase()).some((v) => v.value === 'hedge')) return unread('hedge');
  return reading;
}

/** A short answer cleaned of its wrapping: quotes, bold, a trailing full stop. */
function cleanAnswer(answer: string): string {
  return answer
    .trim()
    .replace(/^\*\*(.+)\*\*$/, '$1')
    .replace(/^["'`](.+)["'`]$/, '$1')
    .replace(/[.!]$/, '')
    .trim();
}

/**
 * Reads a short answer: a JSON `answer`, an "Answer:" line, "the answer is X", a single
 * bold phrase, or the whole text when it is one short line. Unparseable for a longer text
 * that marks no answer, or two different marked answers with no correction between.
 */
export function readShortAnswer(text: string): Reading<string> {
  const structured = jsonAnswer(text);
  if (structured !== undefined && structured.trim() !== '') return read(cleanAnswer(structured), 'structured');
  const plain = normaliseText(text).trim();
  const found: { value: string; position: number }[] = [];
  for (const match of plain.matchAll(/(?:final answer|answer)\s*(?:is|:)\s*([^\n]+?)\s*(?:$|\n|\.(?:\s|$))/gim)) {
    found.push({ value: cleanAnswer(match[1]!), position: match.index });
  }
  if (found.length === 0) {
    const bold = [...plain.matchAll(/\*\*([^*\n]{1,60})\*\*/g)];
    if (bold.length === 1) found.push({ value: cleanAnswer(bold[0]![1]!), position: bold[0]!.index });
  }
  if (found.length === 0 && !plain.includes('\n') && plain.split(/\s+/).length <= 6) found.push({ value: cleanAnswer(plain), position: 0 });
  const reading = settleChoices(found, correctionPositions(plain), 'free text', (value) => value.toLowerCase());
  if (reading.kind === 'read' && verdictsIn(plain.toLowerCase()).some((v) => v.value === 'hedge')) return unread('hedge');
  return reading;
}
