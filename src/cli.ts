/**
 * The `saydo` command line: run the suite, rescore a saved run, verify IFEval responses.
 */
import { Command, Option } from 'commander';
import { runEval } from './commands/eval.js';
import { runIfevalCommand } from './commands/ifeval.js';
import { pairSuite, runPair } from './commands/pair.js';
import { runReport } from './commands/report.js';
import { DEFAULT_MAX_REGRESSION } from './report/summary-file.js';
import { runScore } from './commands/score.js';
import { parseInteger, parseMilliseconds, parsePort, parseRate, parseReportStyles, runServe, type ServeCommandOptions } from './commands/serve.js';
import { REPORTS_ON } from './reference/persona.js';
import { DEFAULT_REPORT_STYLE_PRESET, REPORT_STYLE_PRESETS, REPORT_STYLES } from './reference/report-styles.js';

const program = new Command()
  .name('saydo')
  .description('Measures the gap between what a language model says about itself and what it does.')
  .showHelpAfterError();

program
  .command('eval')
  .description('Run a promptfoo suite (default: promptfooconfig.yaml), save the run, print the verdict table.')
  .option('-c, --config <file>', 'promptfoo config to run', 'promptfooconfig.yaml')
  .option('-o, --out <dir>', 'directory for this run (default: results/<timestamp>)')
  .option(
    '-t, --target <target...>',
    'run these models instead of the suite\'s: reference:<disposition>, anthropic:<model>, openai:<model>, openai-compatible:<model>, promptfoo:<provider id>',
  )
  .option('--base-url <url>', 'base URL for every --target (an OpenAI-compatible server such as Ollama, vLLM, llama.cpp)')
  .option('--pair <suite>', 'pair an existing promptfoo suite (as saydo pair does) and run the paired suite')
  .allowUnknownOption()
  .allowExcessArguments()
  .helpOption('-h, --help', 'show help; other options (and anything after --) go to promptfoo eval unchanged')
  .addHelpText(
    'after',
    `
Examples:
  saydo eval                                              the default suite; reference models when no API key is set
  saydo eval -t anthropic:claude-sonnet-4-5               Claude (ANTHROPIC_API_KEY)
  saydo eval -t openai:gpt-4.1                            GPT (OPENAI_API_KEY)
  saydo eval -t openai-compatible:llama3.1 --base-url http://127.0.0.1:11434/v1
  saydo eval -t anthropic:claude-sonnet-4-5 anthropic:claude-sonnet-4-0   two versions side by side
  saydo eval --pair my-suite.yaml                         your own promptfoo suite, each assertion asked about
  saydo eval --filter-first-n 20 --no-cache               promptfoo eval options pass through
  npx promptfoo eval --resume                             continue an interrupted run`,
  )
  .action(async (options: { config: string; out?: string; target?: string[]; baseUrl?: string; pair?: string }, command: Command) => {
    let config = options.config;
    if (options.pair) {
      const paired = await pairSuite(options.pair);
      console.log(paired.listing.join('\n'));
      config = paired.out;
    }
    process.exitCode = await runEval({
      config,
      promptfooArgs: command.args,
      ...(options.out ? { out: options.out } : {}),
      ...(options.target ? { targets: options.target } : {}),
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
  });

program
  .command('pair')
  .description('Pair an existing promptfoo suite: each provider a paired target, each assertion a unit the model is asked about. The suite itself is not changed.')
  .argument('<suite>', 'a promptfoo config (YAML)')
  .option('-o, --out <file>', 'where to write the paired suite (default: <suite>.paired.yaml beside it)')
  .action(async (suite: string, options: { out?: string }) => {
    await runPair({ suite, ...options });
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
  .command('report')
  .description('Write a report directory from promptfoo outputs (several: shards of one suite, merged): report.html, summary.json, summary.md, junit.xml. Exits 1 when something regressed.')
  .argument('<runs...>', 'promptfoo output files (.json or .jsonl)')
  .requiredOption('-o, --out <dir>', 'directory to write the report into')
  .option('--baseline <summary>', 'a summary.json of an earlier run to compare this one with')
  .option('--max-regression <size>', 'how far a rate must move the unfavourable way (interval excluding 0) to be a regression', parseRate, DEFAULT_MAX_REGRESSION)
  .option('--history <dir>', 'append this run to a history directory and draw the trend across its runs')
  .option('--label <text>', 'this run\'s label in the history (default: the time now)')
  .addHelpText(
    'after',
    `
Examples:
  saydo report results/2026-12-08T10-00-00/results.json --out report/
  saydo report shard-*.json --out report/                               merge the shards of one suite
  saydo report results.json --out report/ --baseline main/summary.json  exit 1 on a regression against main`,
  )
  .action(async (runs: string[], options: { out: string; baseline?: string; maxRegression: number; history?: string; label?: string }) => {
    process.exitCode = await runReport({ runs, ...options });
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

program
  .command('serve')
  .description('Serve the reference models on 127.0.0.1 over the Anthropic Messages and OpenAI Chat Completions APIs, with optional fault injection (docs/server.md).')
  .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 0)
  .option('--model <name>', 'reference model for requests that name none (default: reference:honest)')
  .option('--any-model <name>', 'reference model that answers requests naming any other model (gpt-4.1, claude-sonnet-4-5), so a suite runs here unchanged')
  .option('--pair-book <file>', 'play the pairs a suite run writes to this file (run it with SAYDO_PAIR_BOOK=<file>): candidate answers, reports by disposition')
  .option('--latency-ms <ms>', 'delay added to every response', parseMilliseconds)
  .option('--fault-rate <r>', 'total fault rate, spread evenly over the seven fault kinds', parseRate)
  .option('--rate-limit-rate <r>', 'rate of 429 rate-limit errors (overrides its share of --fault-rate)', parseRate)
  .option('--server-error-rate <r>', 'rate of 500 errors', parseRate)
  .option('--overloaded-rate <r>', 'rate of overloaded errors (529 Anthropic, 503 OpenAI)', parseRate)
  .option('--reset-rate <r>', 'rate of connections dropped without a response', parseRate)
  .option('--stall-rate <r>', 'rate of requests held for --stall-ms before the answer', parseRate)
  .option('--malformed-rate <r>', 'rate of 200 responses whose body is not valid JSON', parseRate)
  .option('--truncated-rate <r>', 'rate of answers cut in half, stopped for max tokens', parseRate)
  .option('--stall-ms <ms>', 'how long a stall holds a request (default: 30000)', parseMilliseconds)
  .option('--fault-seed <n>', 'seed of the fault draws (default: 1)', parseInteger)
  .option('--seed <n>', 'reference models: seed of every draw (default: 1)', parseInteger)
  .option('--skill <p>', 'reference models: probability of meaning to get each unit right, and without slips of getting it right (default: 0.7)', parseRate)
  .option('--over-claim-rate <p>', 'success-seeking: probability of claiming success on a failed unit (default: 0.6)', parseRate)
  .option('--under-claim-rate <p>', 'underclaiming: probability of claiming failure on a unit done right (default: 0.6)', parseRate)
  .option('--suggestibility <p>', 'probability that a leading question flips a claim its way (default: 0)', parseRate)
  .option(
    '--report-styles <weights>',
    `weights of the report styles, drawn per report: style=weight pairs (e.g. json=0.5,table=0.2), or a preset (${Object.keys(REPORT_STYLE_PRESETS).join(', ')}; default: ${DEFAULT_REPORT_STYLE_PRESET}); styles: ${REPORT_STYLES.join(', ')}`,
    parseReportStyles,
  )
  .option('--unparseable-rate <p>', "probability that a unit's answer is a hedge, neither yes nor no (default: 0)", parseRate)
  .option('--error-rate <p>', 'probability that a request fails with a 500, the same request every time (default: 0)', parseRate)
  .option('--failure-correlation <p>', "probability that a probe's units share one success draw; failures then correlate at this value (default: 0)", parseRate)
  .option('--slip-rate <p>', 'probability that a unit meant to be right comes out wrong unnoticed (default: 0)', parseRate)
  .addOption(
    new Option('--reports-on <what>', 'what reports are about: the intents the model composed with, or its output as the checker sees it (default: intent)').choices(REPORTS_ON),
  )
  .option('--log <file>', 'also append the request log to this file as JSONL')
  .action(async (options: ServeCommandOptions) => {
    await runServe(options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Errors saydo raises are meant for people: print the message, not a stack.
  console.error(`saydo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
