/**
 * `saydo ifeval`: IFEval's own evaluation, with saydo's checkers.
 */
import { runIfeval } from '../ifeval/command.js';

const percent = (fraction: number): string => (100 * fraction).toFixed(2);

/** Runs the verification and prints IFEval's four accuracies. */
export async function runIfevalCommand(options: { input: string; responses: string; out: string }): Promise<void> {
  const { strict, loose, rows } = await runIfeval(options);
  console.log(`${rows} prompts verified; results in ${options.out}`);
  console.log(`strict  prompt-level ${percent(strict.promptLevel)}  instruction-level ${percent(strict.instructionLevel)}`);
  console.log(`loose   prompt-level ${percent(loose.promptLevel)}  instruction-level ${percent(loose.instructionLevel)}`);
}
