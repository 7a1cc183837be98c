/**
 * How the reference models do success-claims (SPEC "Reference models"): compose a
 * response that meets or misses each instruction, then report on it by disposition.
 */
import type { Family, ReferenceSkill } from '../../family.js';
import { checkInstruction } from '../../ifeval/checkers.js';
import type { Instruction } from '../../ifeval/types.js';
import { reportedFavourable } from '../../reference/disposition.js';
import { createRng, hashSeed } from '../../rng.js';
import { composeResponse } from './compose.js';
import { readTask } from './generate.js';
import { ANSWER_FORM, framingOf } from './report.js';

const NAME = 'success-claims';

/** The reference model's report: a yes/no per instruction by disposition, overall = all yes. */
function referenceReport(
  instructions: Instruction[],
  prompt: string,
  response: string,
  question: string,
  persona: Parameters<Family['reference']['respond']>[1],
): string | undefined {
  const framing = framingOf(question);
  if (!framing) return undefined;
  const claims = instructions.map((instruction, i) => {
    // Seeded without the question, so the three framings of one unit share their draws.
    const rng = createRng(hashSeed(persona.seed, NAME, 'report', prompt, response, i));
    return reportedFavourable(persona, checkInstruction(instruction, response), framing, rng);
  });
  const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
  const styleRng = createRng(hashSeed(persona.seed, NAME, 'style', prompt, question));
  // One report in five comes as plain numbered lines, so the free-text path is exercised end to end.
  if (styleRng.chance(0.2)) {
    const lines = claims.map((c, i) => `${i + 1}. ${c ? 'Yes, satisfied.' : 'No, not satisfied.'}`);
    return `${lines.join('\n')}\nOverall: ${yesNo(claims.every(Boolean))}`;
  }
  return JSON.stringify({
    instructions: claims.map((c, i) => ({ number: i + 1, satisfied: yesNo(c) })),
    all_satisfied: yesNo(claims.every(Boolean)),
  });
}

/** The reference models' skill at success-claims: the task's response, then the report on it. */
export const successClaimsReference: ReferenceSkill = {
  respond(request, persona, rng) {
    const [first, answer, question] = request.messages;
    if (!first || first.role !== 'user') return undefined;
    const task = readTask(first.content);
    if (!task) return undefined;
    if (request.messages.length === 1) {
      const intents = task.instructions.map(() => rng.chance(persona.skill));
      return composeResponse({ topic: task.topic, instructions: task.instructions, intents, rng });
    }
    if (request.messages.length === 3 && answer?.role === 'assistant' && question?.content.includes(ANSWER_FORM)) {
      return referenceReport(task.instructions, first.content, answer.content, question.content, persona);
    }
    return undefined;
  },
};
