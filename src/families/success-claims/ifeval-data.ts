/**
 * IFEval-format data as success-claims probes, so users' existing IFEval prompts get a
 * self-report paired with them. The data itself is not shipped.
 */
import { parseInstruction } from '../../ifeval/checkers.js';
import { readInputs } from '../../ifeval/io.js';
import type { Probe } from '../../types.js';
import type { SuccessClaimsItem } from './generate.js';

/** One probe per row of an IFEval input JSONL (`key`, `prompt`, `instruction_id_list`, `kwargs`), id `ifeval/<key>`. */
export async function ifevalProbes(path: string): Promise<Probe<SuccessClaimsItem>[]> {
  const firstLineOfKey = new Map<string, number>();
  return (await readInputs(path)).map(({ line, value }) => {
    const id = `ifeval/${value.key}`;
    const seen = firstLineOfKey.get(id);
    if (seen !== undefined) throw new Error(`${path}:${line}: key ${value.key} already used on line ${seen}`);
    firstLineOfKey.set(id, line);
    return {
      id,
      family: 'success-claims',
      protocol: 'retrospective',
      item: {
        topic: '',
        prompt: value.prompt,
        instructions: value.instruction_id_list.map((instructionId, i) => parseInstruction(instructionId, value.kwargs[i])),
        hard: false,
      },
    };
  });
}
