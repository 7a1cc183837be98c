/**
 * `saydo eval`: run a promptfoo suite, keep the run in its own directory, print the table.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runPromptfoo } from '../promptfoo-cli.js';
import { checkSuite } from '../suite-check.js';
import { suiteWithTargets } from '../suite-targets.js';
import { chooseTargets, suiteTargets } from '../target-selection.js';
import { writeReportFiles } from './report.js';
import { renderTables, scoreSavedRun } from './score.js';

export interface EvalOptions {
  config: string;
  out?: string;
  /** Run these targets instead of the suite's own providers. */
  targets?: string[];
  /** Base URL for every `--target` (an OpenAI-compatible server, a proxy). */
  baseUrl?: string;
  promptfooArgs: string[];
}

/** `results/2026-11-27T09-30-00`: sortable, and safe in every file system. */
function timestampedDir(now = new Date()): string {
  return join('results', now.toISOString().slice(0, 19).replace(/:/g, '-'));
}

/** Runs the suite and scores it; resolves to the process exit code. */
export async function runEval(options: EvalOptions): Promise<number> {
  if (!existsSync(options.config)) throw new Error(`no such config: ${options.config}`);
  const out = options.out ?? timestampedDir();
  await mkdir(out, { recursive: true });
  let config = options.config;
  if (options.targets?.length) {
    config = join(out, 'suite.yaml');
    await writeFile(config, suiteWithTargets(await readFile(options.config, 'utf8'), options.config, options.targets, options.baseUrl));
  }
  const problems = await checkSuite(config);
  if (problems.length > 0) throw new Error(`the suite has problems:\n  ${problems.join('\n  ')}`);
  const userFilters = options.promptfooArgs.some((arg) => /^--filter-(providers|targets)\b/.test(arg));
  const selection = chooseTargets(suiteTargets(await readFile(config, 'utf8')), process.env);
  const targetArgs = selection.filter && !userFilters ? ['--filter-targets', selection.filter] : [];
  const run = join(out, 'results.json');
  const html = join(out, 'promptfoo.html');
  // A reused --out must not let a failed run print the previous run's results.
  await rm(run, { force: true });
  console.log(`saydo: ${options.config}: ${userFilters ? 'targets chosen by your --filter option' : selection.message}`);
  console.log(`saydo: this run is kept in ${out}/`);
  const code = await runPromptfoo(['eval', '-c', config, '-o', run, html, '--no-table', ...targetArgs, ...options.promptfooArgs]);
  if (!existsSync(run)) {
    console.error(`saydo: promptfoo exited with code ${code} and wrote no results (to continue an interrupted run: npx promptfoo eval --resume)`);
    return code === 0 ? 1 : code;
  }
  const verdictsPath = join(out, 'verdicts.jsonl');
  const { results, verdicts, summary } = await scoreSavedRun({ run, verdicts: verdictsPath });
  await writeReportFiles(out, summary, verdicts, results);
  const table = renderTables(summary, summary.usage, summary.pairs);
  await writeFile(join(out, 'summary.txt'), table + '\n');
  console.log(`\n${table}\n`);
  console.log(`Report (open in a browser): ${join(out, 'report.html')}`);
  console.log(`promptfoo's own page: ${html}   Verdicts, one line per unit: ${verdictsPath}`);
  console.log(`For dashboards and CI: ${join(out, 'summary.json')}, ${join(out, 'junit.xml')}, ${join(out, 'summary.md')}`);
  console.log('Browse every transcript: npx promptfoo view');
  return code;
}
