/**
 * `saydo report`: one or more promptfoo outputs (shards of one suite are merged) into a
 * report directory: report.html, summary.json, summary.md and junit.xml; with
 * `--baseline`, this run against a saved summary; with `--history`, the trend across
 * runs. Resolves to the exit code: 1 when something regressed.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FAMILIES, familyFigures } from '../families/index.js';
import { renderJunit, renderMarkdown } from '../report/ci.js';
import { renderReportPage, type HistoryEntry } from '../report/html.js';
import { pairsByCheck } from '../report/pairs-view.js';
import { buildSummaryFile, readBaselineTotals, writeSummaryFile, type GroupTotals, type SummaryFile } from '../report/summary-file.js';
import { verdictsOfRun } from '../rescore.js';
import { mergeRuns, readSavedRun, type SavedResult } from '../results.js';
import type { Verdict } from '../types.js';
import { headlineGroups } from '../summary.js';
import { summarizeUsage } from '../usage.js';

export interface ReportOptions {
  runs: string[];
  out: string;
  baseline?: string;
  maxRegression: number;
  history?: string;
  /** The history entry's label (default: the time now). */
  label?: string;
}

/** The headline figures of a summary, as one history entry. */
function historyEntry(summary: SummaryFile, label: string): HistoryEntry {
  const headline = headlineGroups(summary);
  return {
    label,
    groups: headline.map((g) => ({ model: g.model, family: g.family, overClaimRate: g.overClaimRate.value, successInflation: g.successInflation.value, consistency: g.consistency.value })),
  };
}

/** Appends this run to the history directory and reads every entry back, oldest first. */
async function updateHistory(dir: string, entry: HistoryEntry): Promise<HistoryEntry[]> {
  await mkdir(dir, { recursive: true });
  const existing = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const file = `${String(existing.length + 1).padStart(5, '0')}.json`;
  await writeFile(join(dir, file), JSON.stringify(entry, null, 2) + '\n');
  const entries: HistoryEntry[] = [];
  for (const name of [...existing, file]) {
    try {
      entries.push(JSON.parse(await readFile(join(dir, name), 'utf8')) as HistoryEntry);
    } catch (error) {
      throw new Error(`${join(dir, name)}: not a saydo history entry: ${(error as Error).message}`);
    }
  }
  return entries;
}

/** The summary document of results already read and scored: every figure, usage, pairs, and the baseline's comparisons. */
export function summaryOfRun(
  results: readonly SavedResult[],
  verdicts: readonly Verdict[],
  options: { runs: string[]; maxRegression: number; baseline?: { path: string; totals: readonly GroupTotals[] } },
): SummaryFile {
  const pairs = verdicts.some((v) => v.family === 'pairs') ? pairsByCheck(verdicts, results) : undefined;
  return buildSummaryFile({ verdicts, usage: summarizeUsage(results), figuresOf: familyFigures, ...options, ...(pairs ? { pairs } : {}) });
}

/** Writes report.html, summary.json, summary.md and junit.xml of a summary into `out`. */
export async function writeReportFiles(out: string, summary: SummaryFile, verdicts: readonly Verdict[], results: readonly SavedResult[], history?: readonly HistoryEntry[]): Promise<void> {
  await mkdir(out, { recursive: true });
  await writeSummaryFile(join(out, 'summary.json'), summary);
  await writeFile(join(out, 'summary.md'), renderMarkdown(summary));
  await writeFile(join(out, 'junit.xml'), renderJunit(summary));
  await writeFile(join(out, 'report.html'), renderReportPage({ summary, verdicts, results, ...(history ? { history } : {}) }));
}

/** The per-probe totals of a saved summary.json, or an error naming the file. */
async function readBaseline(path: string): Promise<{ path: string; totals: GroupTotals[] }> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the baseline summary: ${(error as Error).message}`);
  }
  return { path, totals: readBaselineTotals(document, path) };
}

/** Builds the report from promptfoo outputs; returns the summary and the exit code (1 when something regressed). */
export async function writeReport(options: ReportOptions): Promise<{ summary: SummaryFile; code: number }> {
  const results = mergeRuns(await Promise.all(options.runs.map(readSavedRun)), FAMILIES.map((f) => f.name));
  const verdicts = await verdictsOfRun(results);
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  const summary = summaryOfRun(results, verdicts, { runs: options.runs, maxRegression: options.maxRegression, ...(baseline ? { baseline } : {}) });
  const history = options.history ? await updateHistory(options.history, historyEntry(summary, options.label ?? new Date().toISOString().slice(0, 16))) : undefined;
  await writeReportFiles(options.out, summary, verdicts, results, history);
  return { summary, code: summary.regressions.length > 0 ? 1 : 0 };
}

/** The command: write the report, say where it is and what regressed. */
export async function runReport(options: ReportOptions): Promise<number> {
  const { summary, code } = await writeReport(options);
  console.log(`Report (open in a browser): ${join(options.out, 'report.html')}`);
  console.log(`For dashboards: ${join(options.out, 'summary.json')} (${summary.schema})   For CI: ${join(options.out, 'junit.xml')}, ${join(options.out, 'summary.md')}`);
  if (summary.regressions.length > 0) {
    console.error(`saydo: ${summary.regressions.length} regression(s):`);
    for (const r of summary.regressions) console.error(`  ${r.family} (${r.scope}, ${r.framing}) ${r.metric}: ${r.baseline} → ${r.candidate} ${r.difference >= 0 ? '+' : ''}${r.difference.toFixed(3)} [${r.low.toFixed(3)}, ${r.high.toFixed(3)}]`);
  }
  return code;
}
