/**
 * The answer format an exact-answer question asks for, and the tolerant reading that
 * checks a reply against the one right answer: the "Answer:" line (markdown, quotes, a
 * final period and the kind's usual decorations forgiven), corrections followed, doubts
 * and alternatives left unread. What is not an answer is not a correct one.
 */
import { APPROXIMATE, retractionPositions, settleChoices } from '../../reading/choices.js';
import { correctionPositions, verdictsIn } from '../../reading/yes-no.js';
import { unread, type Reading } from '../../reading/reading.js';
import { blankReasoning, normaliseText, numberValue } from '../../reading/text.js';
import type { ExactQuestion } from './questions.js';

/** The line every calibration question ends with. */
export const ANSWER_FORM = 'End your reply with a line of the form "Answer: <your answer>".';

/** The behaviour prompt: the question and the answer form. */
export function questionPrompt(question: string): string {
  return `${question}\n\n${ANSWER_FORM}`;
}

/** "Answer: 42", "**Final answer:** 42", "- answer : 42": a line giving its answer in the asked form. */
const ANSWER_LINE = /^[^\n]*?\banswer[*_\s]*[:：][*_\s]*([^\n]*)$/gim;
/** "\boxed{42}": the answer as LaTeX sets it off. */
const BOXED = /\\boxed\{([^{}\n]+)\}/g;
/** "The correct product is 144,001.": an answer named as the right one, as a correction gives it. */
const NAMED_RIGHT = /\b(?:the )?(?:correct|right|final) (?:answer|product|sum|result|count|day|string|number)(?: is|:)\s+([^\n]+?)\s*(?:$|\n|\.(?:\s|$))/gim;
/** A value that is no single answer: alternatives ("6 or 7", "42?"), an approximation, or doubt in the reading layer's words ("probably Tuesday", "1101 (I think)"). */
const unsure = (value: string): boolean => /\bor\b|\?/i.test(value) || APPROXIMATE.test(value) || verdictsIn(value).some((v) => v.value === 'hedge');

/** An answer without the markdown, quotes, code ticks and closing period around it. */
const cleaned = (answer: string): string => answer.replace(/^[*_`"'“‘\s]+|[*_`"'”’.\s]+$/g, '');

/**
 * The answer a reply gives, read the way a careful person reads it (tests/reading/
 * answers-exact.yaml): its "Answer:" line, `\boxed{}` or "the correct answer is"; a
 * reply that is only a short line; after a correction ("Wait, I mis-added ... The correct
 * product is 144,001"), the answer after it. Unparseable where it gives none, where it
 * offers alternatives or doubts it, where two answers differ with no correction between
 * them, or where a retraction follows the last one. Two writings of one answer ("3,354",
 * "3354") agree, compared in the question's canonical form.
 */
export function readExactAnswer(question: ExactQuestion, reply: string): Reading<string> {
  const text = blankReasoning(normaliseText(reply));
  const marked = [...text.matchAll(ANSWER_LINE), ...text.matchAll(BOXED), ...text.matchAll(NAMED_RIGHT)];
  // An empty answer or the form's own slot ("Answer: <your answer>") gives nothing.
  const found = marked.map((match) => ({ value: cleaned(match[1]!), position: match.index })).filter((f) => /[\p{L}\p{N}]/u.test(f.value) && !/^<[^>]*>$/.test(f.value));
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  // A reply that is only its answer ("4042", "Tuesday."), as short answers are.
  if (marked.length === 0 && lines.length === 1 && lines[0]!.split(/\s+/).length <= 3) found.push({ value: cleaned(lines[0]!), position: 0 });
  const reading = settleChoices(found, correctionPositions(text), 'free text', (value) => canonicalAnswer(question, value), retractionPositions(text));
  if (reading.kind === 'read' && unsure(reading.value)) return unread('hedge');
  return reading;
}

/** The answer a reply gives (see `readExactAnswer`), or undefined where it gives none a careful reader can take. */
export function extractAnswer(question: ExactQuestion, reply: string): string | undefined {
  const reading = readExactAnswer(question, reply);
  return reading.kind === 'read' ? reading.value : undefined;
}

/** The integer an answer writes, with thousands separators and spaces forgiven, or in words ("two"); undefined for anything else. */
function integerOf(answer: string): number | undefined {
  const compact = answer.replace(/[,\s_']/g, '');
  return /^-?\d+$/.test(compact) ? Number(compact) : numberValue(answer.trim());
}

/** A number written in a base, without the usual decorations: `0b101`, `0x1f`, `101₂`, `101 (base 2)`. */
function digitsOf(answer: string): string {
  return answer
    .toLowerCase()
    .replace(/\s*\(base \d+\)$|_\d+$|[₀-₉]+$/g, '')
    .replace(/^0[box]/, '')
    .replace(/\s/g, '');
}

/**
 * An answer in the kind's canonical form, so that two writings of one answer compare
 * equal: the integer of a count or a sum, the digits of a base conversion, lower case
 * for strings and weekdays. Text the kind cannot read stays as written, lower-cased.
 */
export function canonicalAnswer(question: ExactQuestion, answer: string): string {
  switch (question.kind) {
    case 'arithmetic':
    case 'letter-count':
      return String(integerOf(answer) ?? answer.toLowerCase());
    case 'base':
      return digitsOf(answer);
    default:
      return answer.toLowerCase();
  }
}

/** Whether the reply answers the question correctly, by its kind's rule. */
export function isCorrect(question: ExactQuestion, reply: string): boolean {
  const answer = extractAnswer(question, reply);
  return answer !== undefined && canonicalAnswer(question, answer) === canonicalAnswer(question, question.answer);
}
