/**
 * IFEval's evaluation run (the reference's evaluation_main.py) on saydo's checkers:
 * inputs and responses in, eval_results_{strict,loose}.jsonl and four accuracies out.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accuracies, evaluateResponse } from './evaluate.js';
import { joinResponses, readInputs, readResponses, writeResults } from './io.js';
import type { Accuracy, Strictness } from './types.js';

/** Where `runIfeval` reads and writes. */
export interface IfevalRunOptions {
  /** IFEval input JSONL: `key`, `prompt`, `instruction_id_list`, `kwargs`. */
  input: string;
  /** Response JSONL: `prompt`, `response`, joined to the input by exact prompt text. */
  responses: string;
  /** Directory for eval_results_strict.jsonl and eval_results_loose.jsonl; created if missing. */
  out: string;
}

/** Evaluates every response strictly and loosely, writes both result files and returns the accuracies. */
export async function runIfeval(options: IfevalRunOptions): Promise<{ strict: Accuracy; loose: Accuracy; rows: number }> {
  const inputs = await readInputs(options.input);
  const responses = joinResponses(inputs, await readResponses(options.responses), options);
  await mkdir(options.out, { recursive: true });
  const evaluate = async (strictness: Strictness): Promise<Accuracy> => {
    const results = inputs.map((row, index) => evaluateResponse(row.value, responses[index]!, strictness));
    await writeResults(join(options.out, `eval_results_${strictness}.jsonl`), results);
    return accuracies(results);
  };
  return { strict: await evaluate('strict'), loose: await evaluate('loose'), rows: inputs.length };
}
