/**
 * `saydo score`: rescore a saved run and print the same table as `saydo eval`.
 */
import { writeFile } from 'node:fs/promises';
import { FAMILIES } from '../families/index.js';
import { DEFAULT_MAX_REGRESSION, writeSummaryFile, type SummaryFile } from '../report/summary-file.js';
import { renderPairsByCheck, type PairsByCheck } from '../report/pairs-view.js';
import { renderChecksTable, renderConfidenceTable, renderFiguresTable, renderSummaryTable, renderUsageTable } from '../report/table.js';
import { verdictLine, verdictsOfRun } from '../rescore.js';
import { mergeRuns, readSavedRun, type SavedResult } from '../results.js';
import type { RunSummary } from '../summary.js';
import type { Verdict } from '../types.js';
import type { UsageSummary } from '../usage.js';
import { summaryOfRun } from './report.js';

/** Verdicts and summary of a saved run, written where asked. */
export async function scoreSavedRun(options: {
  run: string;
  verdicts?: string;
  summary?: string;
}): Promise<{ results: SavedResult[]; verdicts: Verdict[]; summary: SummaryFile }> {
  // In the report's fixed order, so the tables, summary.json and report.html list things alike.
  const results = mergeRuns([await readSavedRun(options.run)], FAMILIES.map((f) => f.name));
  const verdicts = await verdictsOfRun(results);
  const summary = summaryOfRun(results, verdicts, { runs: [options.run], maxRegression: DEFAULT_MAX_REGRESSION });
  if (options.verdicts) await writeFile(options.verdicts, verdicts.map(verdictLine).join('\n') + '\n');
  if (options.summary) await writeSummaryFile(options.summary, summary);
  return { results, verdicts, summary };
}

/** The tables as printed by `saydo eval` and `saydo score`: metrics, their checks, pairs by check where there are pairs, usage. */
export function renderTables(summary: RunSummary, usage: readonly UsageSummary[], pairs?: PairsByCheck): string {
  const byCheck = pairs ? `${renderPairsByCheck(pairs)}\n\n` : '';
  const optional = [renderConfidenceTable(summary), renderFiguresTable(summary)].filter(Boolean).map((table) => `${table}\n\n`).join('');
  return `${renderSummaryTable(summary)}\n\n${renderChecksTable(summary)}\n\n${optional}${byCheck}${renderUsageTable(usage)}`;
}

/** The command: score, print the table, say where files went. */
export async function runScore(options: { run: string; verdicts?: string; summary?: string }): Promise<void> {
  const { summary } = await scoreSavedRun(options);
  console.log(renderTables(summary, summary.usage, summary.pairs));
  if (options.verdicts) console.log(`verdicts: ${options.verdicts}`);
  if (options.summary) console.log(`summary: ${options.summary}`);
}
