/**
 * `saydo score`: rescore a saved run and print the same table as `saydo eval`.
 */
import { writeFile } from 'node:fs/promises';
import { renderSummaryTable } from '../report/table.js';
import { verdictLine, verdictsOfRun } from '../rescore.js';
import { readSavedRun } from '../results.js';
import { summarize, type RunSummary } from '../summary.js';
import type { Verdict } from '../types.js';

/** Verdicts and summary of a saved run, written where asked. */
export async function scoreSavedRun(options: {
  run: string;
  verdicts?: string;
  summary?: string;
}): Promise<{ verdicts: Verdict[]; summary: RunSummary }> {
  const verdicts = verdictsOfRun(await readSavedRun(options.run));
  const summary = summarize(verdicts);
  if (options.verdicts) await writeFile(options.verdicts, verdicts.map(verdictLine).join('\n') + '\n');
  if (options.summary) await writeFile(options.summary, JSON.stringify(summary, null, 2) + '\n');
  return { verdicts, summary };
}

/** The command: score, print the table, say where files went. */
export async function runScore(options: { run: string; verdicts?: string; summary?: string }): Promise<void> {
  const { summary } = await scoreSavedRun(options);
  console.log(renderSummaryTable(summary));
  if (options.verdicts) console.log(`verdicts: ${options.verdicts}`);
  if (options.summary) console.log(`summary: ${options.summary}`);
}
