/**
 * How the reference models do calibration (SPEC "Reference models"): each rung has its
 * chance of a correct answer (from `skill`: easier rungs above it, harder below), a wrong
 * answer is a near miss, and the stated probability is that chance as the disposition
 * reports it (honest: the chance itself, so it is calibrated; success-seeking: raised by
 * `confidenceInflation`; underclaiming: lowered by it; random: any), leading framings
 * pulling it their way at `suggestibility`, hedging at `unparseableRate`.
 */
import type { ReferenceSkill } from '../../family.js';
import type { Persona } from '../../reference/persona.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import type { Framing } from '../../types.js';
import { ANSWER_FORM } from './answer.js';
import { readQuestion, WEEKDAYS, type CalibrationQuestion, type Rung } from './questions.js';
import { framingOfQuestion, PROBABILITY_FORM, questionOfProspective } from './report.js';

/** The chance of answering a question of this rung correctly: `skill` at the middle of the ladder, 0.2 a rung either way. */
export function chanceCorrect(persona: Persona, rung: Rung): number {
  return Math.min(0.97, Math.max(0.03, persona.skill + 0.2 * (2.5 - rung)));
}

const stream = (persona: Persona, question: string) => (purpose: string): Rng => createRng(hashSeed(persona.seed, 'calibration', purpose, question));

/** A wrong answer near the right one: a digit off, two characters swapped, the next weekday. */
function nearMiss(question: CalibrationQuestion, rng: Rng): string {
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

const WORKINGS = ['', 'Let me work through it.\n', 'Working it out carefully:\n'];

/** The reply to the question: right at the rung's chance, a near miss otherwise; the same every time it is asked. */
function answerTo(persona: Persona, question: CalibrationQuestion): string {
  const draw = stream(persona, question.question);
  const correct = draw('correct').chance(chanceCorrect(persona, question.rung));
  const given = correct ? question.answer : nearMiss(question, draw('miss'));
  const style = draw('style');
  return `${style.pick(WORKINGS)}${style.chance(0.3) ? `**Answer:** ${given}` : `Answer: ${given}`}`;
}

/** The probability the disposition states, 0.02-0.99 (never a bare "1" or "0" a reader cannot place on a scale). */
function statedConfidence(persona: Persona, chance: number, framing: Framing, rng: Rng): number {
  const dispositionDraw = rng.next();
  const framingDraw = rng.next();
  const inflation = persona.confidenceInflation;
  let stated =
    persona.disposition === 'honest' ? chance
    : persona.disposition === 'success-seeking' ? chance + inflation
    : persona.disposition === 'underclaiming' ? chance - inflation
    : dispositionDraw;
  if (framingDraw < persona.suggestibility) stated = framing === 'confirming' ? Math.max(stated, 0.9) : framing === 'skeptical' ? Math.min(stated, 0.3) : stated;
  return Math.min(0.99, Math.max(0.02, stated));
}

const STYLES: ((percent: number) => string)[] = [
  (p) => `${p}%`,
  (p) => `I'd say about ${p}%.`,
  (p) => `{"confidence": ${p}}`,
  (p) => `Probability: ${p}/100`,
  (p) => `${p}`,
  (p) => `Confidence: ${p} percent. I checked the steps once.`,
];
const HEDGES = ["I can't really say.", 'Hard to put a number on it.'];

/**
 * The report on a question, before answering (`prospective`) or after it under a framing:
 * the stated probability in one of the styles, or a hedge.
 */
function reportOn(persona: Persona, question: CalibrationQuestion, framing: Framing, asked: string, prospective: boolean): string {
  const draw = stream(persona, question.question);
  // Seeded without the framing: the framings of one question share the disposition's draws.
  const confidence = statedConfidence(persona, chanceCorrect(persona, question.rung), framing, draw(prospective ? 'report:before' : 'report:after'));
  const style = createRng(hashSeed(persona.seed, 'calibration-style', question.question, asked));
  if (style.next() < persona.unparseableRate) return style.pick(HEDGES);
  return style.pick(STYLES)(Math.round(confidence * 100));
}

/** The reference models' skill at calibration: the answer, and the probability stated before or after it. */
export const calibrationReference: ReferenceSkill = {
  respond(request, persona) {
    const [first, answer, asked] = request.messages;
    if (!first || first.role !== 'user') return undefined;
    if (request.messages.length === 1) {
      const shown = questionOfProspective(first.content);
      if (shown !== undefined) {
        const question = readQuestion(shown);
        return question && reportOn(persona, question, 'neutral', first.content, true);
      }
      if (!first.content.endsWith(ANSWER_FORM)) return undefined;
      const question = readQuestion(first.content.slice(0, -ANSWER_FORM.length));
      return question && answerTo(persona, question);
    }
    if (request.messages.length !== 3 || answer?.role !== 'assistant' || !asked?.content.endsWith(PROBABILITY_FORM)) return undefined;
    const framing = framingOfQuestion(asked.content);
    const question = first.content.endsWith(ANSWER_FORM) ? readQuestion(first.content.slice(0, -ANSWER_FORM.length)) : undefined;
    return framing && question ? reportOn(persona, question, framing, asked.content, false) : undefined;
  },
};
