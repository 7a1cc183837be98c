/**
 * How the reference models do calibration (SPEC "Reference models"): the answer as every
 * family that asks the question gets it (src/tasks/exact-answer/reference.ts), and the
 * stated probability: the rung's chance of a correct answer as the disposition reports it (honest: the chance itself, so it is calibrated; success-seeking: raised by
 * `confidenceInflation`; underclaiming: lowered by it; random: any), leading framings
 * pulling it their way at `suggestibility`, hedging at `unparseableRate`.
 */
import type { ReferenceSkill } from '../../family.js';
import type { Persona } from '../../reference/persona.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import { ANSWER_FORM } from '../../tasks/exact-answer/answer.js';
import { readQuestion, type ExactQuestion } from '../../tasks/exact-answer/questions.js';
import { answerTo, chanceCorrect, questionStream } from '../../tasks/exact-answer/reference.js';
import type { Framing } from '../../types.js';
import { questionShown } from '../../protocols.js';
import { framingOfQuestion, PROBABILITY_FORM } from './report.js';

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
function reportOn(persona: Persona, question: ExactQuestion, framing: Framing, asked: string, prospective: boolean): string {
  // Seeded without the framing: the framings of one question share the disposition's draws.
  const draws = questionStream(persona, question, prospective ? 'report:before' : 'report:after');
  const confidence = statedConfidence(persona, chanceCorrect(persona, question.rung), framing, draws);
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
      const shown = questionShown(first.content);
      if (shown !== undefined && first.content.endsWith(PROBABILITY_FORM)) {
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
