/**
 * The answer format an exact-answer question asks for, and the tolerant extraction that
 * checks a reply against the one right answer: the last line with "Answer:" (markdown,
 * quotes, a final period and the kind's usual decorations forgiven), or a reply that is
 * one line. Anything else is not an answer, so it is not a correct one.
 */
import type { ExactQuestion } from './questions.js';

/** The line every calibration question ends with. */
export const ANSWER_FORM = 'End your reply with a line of the form "Answer: <your answer>".';

/** The behaviour prompt: the question and the answer form. */
export function questionPrompt(question: string): string {
  return `${question}\n\n${ANSWER_FORM}`;
}

/** The text given as the answer, or undefined when the reply gives none in the asked form. */
export function extractAnswer(reply: string): string | undefined {
  const lines = reply.split('\n').map((line) => line.trim()).filter(Boolean);
  // "Answer: 42", "**Final answer:** 42", "- answer : 42".
  const answerLines = lines.map((line) => /\banswer[*_\s]*[:：][*_\s]*(.*)$/i.exec(line)?.[1]).filter((a): a is string => a !== undefined);
  const given = answerLines.at(-1) ?? (lines.length === 1 ? lines[0] : undefined);
  if (given === undefined) return undefined;
  // Markdown emphasis, code ticks, quotes and a closing period around the answer.
  const cleaned = given.replace(/^[*_`"'“‘\s]+|[*_`"'”’.\s]+$/g, '');
  return cleaned === '' ? undefined : cleaned;
}

/** The integer an answer writes, with thousands separators and spaces forgiven; undefined for anything else. */
function integerOf(answer: string): number | undefined {
  const compact = answer.replace(/[,\s_']/g, '');
  return /^-?\d+$/.test(compact) ? Number(compact) : undefined;
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
  const answer = extractAnswer(reply);
  return answer !== undefined && canonicalAnswer(question, answer) === canonicalAnswer(question, question.answer);
}
