/**
 * IFEval's evaluation of one response (`test_instruction_following_strict` and
 * `_loose` in the reference's evaluation_lib.py) and its two accuracies.
 */
import { followsInstruction, parseInstruction } from './checkers.js';
import type { Accuracy, IfevalInput, IfevalResult, Strictness } from './types.js';

/** Checks every instruction of an input row against a response; throws on an invalid instruction. */
export function evaluateResponse(input: IfevalInput, response: string, strictness: Strictness): IfevalResult {
  const followed = input.instruction_id_list.map((id, index) =>
    followsInstruction(parseInstruction(id, input.kwargs[index]), response, strictness),
  );
  return {
    follow_all_instructions: followed.every(Boolean),
    follow_instruction_list: followed,
    instruction_id_list: input.instruction_id_list,
    prompt: input.prompt,
    response,
  };
}

/** IFEval's prompt-level and instruction-level accuracies, as fractions; throws when there is nothing to score. */
export function accuracies(results: IfevalResult[]): Accuracy {
  const verdicts = results.flatMap((result) => result.follow_instruction_list);
  if (results.length === 0 || verdicts.length === 0) throw new Error('no instructions to score');
  return {
    promptLevel: results.filter((result) => result.follow_all_instructions).length / results.length,
    instructionLevel: verdicts.filter(Boolean).length / verdicts.length,
  };
}
