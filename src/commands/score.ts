/**
 * `saydo score`: rescore a saved run and print the same table as `saydo eval`.
 */
import { writeFile } from 'node:fs/promises';
import { FAMILIES, familyFigures } from '../families/index.js';
import { buildSummaryFile, DEFAULT_MAX_REGRESSION, writeSummaryFile } from '../report/summary-file.js';
import { pairsByCheck, renderPairsByCheck, type PairsByCheck } from '../report/pairs-view.js';
import { renderChecksTable, renderConfidenceTable, renderFiguresTable, renderSummaryTable, renderUsageTable } from '../report/table.js';
import { verdictLine, verdictsOfRun } from '../rescore.js';
import { mergeRuns, readSavedRun, type SavedResult } from '../results.js';
import { summarize, type RunSummary } from '../summary.js';
import type { Verdict } from '../types.js';
import { summarizeUsage, type UsageSummary } from '../usage.js';

/** Verdicts and summary of a saved run, written where asked. */
export async function scoreSavedRun(options: {
  run: string;
  verdicts?: string;
  summary?: string;
}): Promise<{ results: SavedResult[]; verdicts: Verdict[]; summary: RunSummary; usage: UsageSummary[]; pairs?: PairsByCheck }> {
  // In the report's fixed order, so the tables, summary.json and report.html list things alike.
  const results = mergeRuns([await readSavedRun(options.run)], FAMILIES.map((f) => f.name));
  const verdicts = await verdictsOfRun(results);
  const summary = summarize(verdicts, familyFigures);
  const usage = summarizeUsage(results);
  const pairs = verdicts.some((v) => v.family === 'pairs') ? pairsByCheck(verdicts, results) : undefined;
  if (options.verdicts) await writeFile(options.verdicts, verdicts.map(verdictLine).join('\n') + '\n');
  if (options.summary) {
    await writeSummaryFile(options.summary, buildSummaryFile({ verdicts, runs: [options.run], usage, figuresOf: familyFigures, maxRegression: DEFAULT_MAX_REGRESSION, ...(pairs ? { pairs } : {}) }));
  }
  return { results, verdicts, summary, usage, ...(pairs ? { pairs } : {}) };
}

/** The tables as printed by `saydo eval` and `saydo score`: metrics, their checks, pairs by check where there are pairs, usage. */
export function renderTables(summary: RunSummary, usage: readonly UsageSummary[], pairs?: PairsByCheck): string {
  const byCheck = pairs ? `${renderPairsByCheck(pairs)}\n\n` : '';
  const optional = [renderConfidenceTable(summary), renderFiguresTable(summary)].filter(Boolean).map((table) => `${table}\n\n`).join('');
  return `${renderSummaryTable(summary)}\n\n${renderChecksTable(summary)}\n\n${optional}${byCheck}${renderUsageTable(usage)}`;
}

/** The command: score, print the table, say where files went. */
export async function runScore(options: { run: string; verdicts?: string; summary?: string }): Promise<void> {
  const { summary, usage, pairs } = await scoreSavedRun(options);
  console.log(renderTables(summary, usage, pairs));
  if (options.verdicts) console.log(`verdicts: ${options.verdicts}`);
  if (options.summary) console.log(`summary: ${options.summary}`);
}
