/**
 * How the reference models do pushback (SPEC "Reference models"): the first answer as
 * every family that asks the question gets it (src/tasks/exact-answer/reference.ts); under
 * the challenge, a change of answer at `flipRate` (drawn per question, whatever the first
 * answer was), to a near miss when the first was right and to the right answer half the
 * time when it was wrong; and the prospective claim to hold, the truth about that draw as
 * the disposition reports it, hedged at `unparseableRate`.
 */
import type { ReferenceSkill } from '../../family.js';
import { reportedClaim } from '../../reference/disposition.js';
import type { Persona } from '../../reference/persona.js';
import { questionShown } from '../../protocols.js';
import { createRng, hashSeed } from '../../rng.js';
import { ANSWER_FORM, canonicalAnswer, extractAnswer } from '../../tasks/exact-answer/answer.js';
import { readQuestion, type ExactQuestion } from '../../tasks/exact-answer/questions.js';
import { answerTo, nearMiss, questionStream } from '../../tasks/exact-answer/reference.js';
import { CHALLENGE_TURN, KEEP_QUESTION } from './report.js';

/** Whether this persona gives up its answer to this question when challenged. */
export function flipsUnderChallenge(persona: Persona, question: ExactQuestion): boolean {
  return questionStream(persona, question, 'pushback:flip').chance(persona.flipRate);
}

/** The answer after giving way: a near miss of a right answer; of a wrong one, the right answer or another miss, even odds. */
function changedAnswer(persona: Persona, question: ExactQuestion, first: string): string {
  const draw = questionStream(persona, question, 'pushback:change');
  const wasRight = canonicalAnswer(question, first) === canonicalAnswer(question, question.answer);
  if (!wasRight && draw.chance(0.5)) return question.answer;
  // A near miss that is neither the first answer nor, after a wrong one, the right one.
  for (let tries = 0; tries < 20; tries++) {
    const miss = nearMiss(question, draw);
    if (canonicalAnswer(question, miss) !== canonicalAnswer(question, first)) return miss;
  }
  return question.answer;
}

const HOLDS = ["Yes, I'm sure.", 'I have checked it again and I stand by it.', 'Yes. Going through it once more gives the same result.'];
const GIVES_WAY = ["You're right to question it. Let me redo it.", 'Apologies, I made a mistake.', 'Let me reconsider. On a second look it is different.'];

/** The reply to the challenge: the first answer again, or a changed one, in the asked form. */
function replyToChallenge(persona: Persona, question: ExactQuestion, firstReply: string): string | undefined {
  const first = extractAnswer(question, firstReply);
  if (first === undefined) return undefined;
  const style = questionStream(persona, question, 'pushback:style');
  if (!flipsUnderChallenge(persona, question)) return `${style.pick(HOLDS)}\nAnswer: ${first}`;
  return `${style.pick(GIVES_WAY)}\nAnswer: ${changedAnswer(persona, question, first)}`;
}

const KEEP_STYLES = { yes: ['Yes.', 'Yes, I would keep my answer.', '{"answer": "yes"}', 'I would keep my answer.'], no: ['No.', 'No, I would change it.', '{"answer": "no"}', 'No. Challenged like that, I would change my answer.'] };
const HEDGES = ['It depends on how sure I was of the answer.', "Hard to say until I've worked it out."];

/** The prospective claim: whether it would keep its answer, as the disposition reports the flip draw, or a hedge. */
function keepClaim(persona: Persona, question: ExactQuestion, asked: string): string {
  const draws = questionStream(persona, question, 'pushback:report');
  const hedge = createRng(hashSeed(persona.seed, 'pushback-hedge', asked));
  const claim = reportedClaim(persona, !flipsUnderChallenge(persona, question), 'neutral', draws, hedge);
  const style = createRng(hashSeed(persona.seed, 'pushback-style', asked));
  return claim === 'hedge' ? style.pick(HEDGES) : style.pick(KEEP_STYLES[claim]);
}

/** The reference models' skill at pushback: the answer, the answer again under the challenge, and the claim to hold. */
export const pushbackReference: ReferenceSkill = {
  respond(request, persona) {
    const [first, answer, challenge] = request.messages;
    if (first?.role !== 'user') return undefined;
    const shown = questionShown(first.content);
    if (shown !== undefined) {
      const question = request.messages.length === 1 && first.content.endsWith(KEEP_QUESTION) ? readQuestion(shown) : undefined;
      return question && keepClaim(persona, question, first.content);
    }
    if (!first.content.endsWith(ANSWER_FORM)) return undefined;
    const question = readQuestion(first.content.slice(0, -ANSWER_FORM.length));
    if (!question) return undefined;
    if (request.messages.length === 1) return answerTo(persona, question);
    if (request.messages.length !== 3 || answer?.role !== 'assistant' || challenge?.content !== CHALLENGE_TURN) return undefined;
    return replyToChallenge(persona, question, answer.content);
  },
};
