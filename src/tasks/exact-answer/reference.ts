/**
 * How the reference models answer an exact-answer question (SPEC "Reference models"),
 * the same in every family that asks one: right at the rung's chance (from `skill`:
 * easier rungs above it, harder below), otherwise a near miss, and the same answer every
 * time the question is asked.
 */
import type { Persona } from '../../reference/persona.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import { WEEKDAYS, type ExactQuestion, type Rung } from './questions.js';

/** The chance of answering a question of this rung correctly: `skill` at the middle of the ladder, 0.2 a rung either way. */
export function chanceCorrect(persona: Persona, rung: Rung): number {
  return Math.min(0.97, Math.max(0.03, persona.skill + 0.2 * (2.5 - rung)));
}

/** The seeded stream of one purpose's draws about one question, for one persona. */
export function questionStream(persona: Persona, question: ExactQuestion, purpose: string): Rng {
  return createRng(hashSeed(persona.seed, 'calibration', purpose, question.question));
}

/** A wrong answer near the right one: a digit off, two characters swapped, the next weekday. */
export function nearMiss(question: ExactQuestion, rng: Rng): string {
  const { answer } = question;
  if (question.kind === 'weekday') return WEEKDAYS[(WEEKDAYS.indexOf(answer) + rng.int(1, 6)) % 7]!;
  if (question.kind === 'arithmetic' || question.kind === 'letter-count') return String(Number(answer) + rng.pick([-10, -2, -1, 1, 2, 10]));
  if (answer.length === 1) return answer === 'z' ? 'y' : String.fromCharCode(answer.charCodeAt(0) + 1);
  const chars = [...answer];
  const i = rng.int(0, chars.length - 2);
  const j = chars.findIndex((ch, k) => k > i && ch !== chars[i]);
  if (j < 0) return `${answer}${answer.at(-1) === '0' ? '1' : '0'}`;
  [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  return chars.join('');
}

/** The answer the persona gives: right at the rung's chance, a near miss otherwise. */
export function givenAnswer(persona: Persona, question: ExactQuestion): string {
  const correct = questionStream(persona, question, 'correct').chance(chanceCorrect(persona, question.rung));
  return correct ? question.answer : nearMiss(question, questionStream(persona, question, 'miss'));
}

const WORKINGS = ['', 'Let me work through it.\n', 'Working it out carefully:\n'];

/** The reply to the question: the given answer, with or without working, in the asked form. */
export function answerTo(persona: Persona, question: ExactQuestion): string {
  const given = givenAnswer(persona, question);
  const style = questionStream(persona, question, 'style');
  return `${style.pick(WORKINGS)}${style.chance(0.3) ? `**Answer:** ${given}` : `Answer: ${given}`}`;
}
