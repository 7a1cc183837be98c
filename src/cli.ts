/**
 * The `saydo` command line: run the suite, rescore a saved run, verify IFEval responses.
 */
import { Command } from 'commander';
import { runEval } from './commands/eval.js';
import { runIfevalCommand } from './commands/ifeval.js';
import { runScore } from './commands/score.js';

const program = new Command()
  .name('saydo')
  .description('Measures the gap between what a language model says about itself and what it does.')
  .showHelpAfterError();

program
  .command('eval')
  .description('Run a promptfoo suite (default: promptfooconfig.yaml), save the run, print the verdict table.')
  .option('-c, --config <file>', 'promptfoo config to run', 'promptfooconfig.yaml')
  .option('-o, --out <dir>', 'directory for this run (default: results/<timestamp>)')
  .allowUnknownOption()
  .allowExcessArguments()
  .helpOption('-h, --help', 'show help; arguments after -- go to promptfoo eval unchanged')
  .action(async (options: { config: string; out?: string }, command: Command) => {
    process.exitCode = await runEval({ config: options.config, out: options.out, promptfooArgs: command.args });
  });

program
  .command('score')
  .description('Rescore a saved promptfoo run (its -o JSON or JSONL) from the transcripts alone; no model is called.')
  .argument('<run>', 'a promptfoo output file (.json or .jsonl)')
  .option('--verdicts <file>', 'also write one JSON line per unit: probe, model, unit, claim, observation, verdict')
  .option('--summary <file>', 'also write every metric, per framing, as JSON')
  .action(async (run: string, options: { verdicts?: string; summary?: string }) => {
    await runScore({ run, ...options });
  });

program
  .command('ifeval')
  .description("Verify saved responses to IFEval prompts with saydo's checkers; write IFEval's own result files.")
  .requiredOption('--input <file>', 'IFEval input JSONL (key, prompt, instruction_id_list, kwargs)')
  .requiredOption('--responses <file>', 'responses JSONL (prompt, response)')
  .requiredOption('--out <dir>', 'where to write eval_results_strict.jsonl and eval_results_loose.jsonl')
  .action(async (options: { input: string; responses: string; out: string }) => {
    await runIfevalCommand(options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Errors saydo raises are meant for people: print the message, not a stack.
  console.error(`saydo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
