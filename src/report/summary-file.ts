/**
 * summary.json: every figure of a run in one versioned document for dashboards (its schema
 * is docs/summary-schema.md), and the comparisons it makes: every pair of models in the
 * run, and, with a baseline summary, this run against it. Pure: built from verdicts.
 */
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { PairsByCheck } from './pairs-view.js';
import { COMPARED, compareAllModels, compareTotals, totalsByProbe, type GroupComparison, type ProbeTotals, type TotalsByProbe } from '../comparison.js';
import { groupBy, headlineGroups, summarize, type FiguresOf, type GroupSummary, type RunSummary } from '../summary.js';
import type { Verdict } from '../types.js';
import type { UsageSummary } from '../usage.js';
import { describeIssues } from '../validate.js';

/** The schema and version of summary.json; a change that breaks readers raises the version. */
export const SUMMARY_SCHEMA = 'saydo.summary/v1';

/** The default size a rate must move, the unfavourable way, to be a regression. */
export const DEFAULT_MAX_REGRESSION = 0.05;

/** Writes summary.json, pretty-printed, each [count, units] pair on one line. */
export async function writeSummaryFile(path: string, summary: SummaryFile): Promise<void> {
  await writeFile(path, JSON.stringify(summary, null, 2).replace(/\[\s+(-?\d+),\s+(\d+)\s+\]/g, '[$1, $2]') + '\n');
}

/** One group's per-probe totals: what a later run needs to be compared with this one, probe by probe. */
export interface GroupTotals {
  model: string;
  family: string;
  scope: string;
  framing: string;
  /** Per probe id, `[count, units]` of each rate in `COMPARED` order. */
  totals: Record<string, [number, number][]>;
}

/** Totals in summary.json's compact form. */
function compactTotals(totals: TotalsByProbe): GroupTotals['totals'] {
  return Object.fromEntries(Object.entries(totals).map(([probeId, t]) => [probeId, COMPARED.map((metric): [number, number] => [t[metric].count, t[metric].units])]));
}

/** Totals back from summary.json's compact form. */
function expandTotals(totals: GroupTotals['totals']): TotalsByProbe {
  return Object.fromEntries(
    Object.entries(totals).map(([probeId, pairs]) => [probeId, Object.fromEntries(COMPARED.map((metric, i) => [metric, { count: pairs[i]![0], units: pairs[i]![1] }])) as ProbeTotals]),
  );
}

/** A regression: a comparison's rate that moved the unfavourable way beyond the threshold, its interval excluding 0. */
export interface Regression {
  family: string;
  scope: string;
  framing: string;
  baseline: string;
  candidate: string;
  metric: string;
  difference: number;
  low: number;
  high: number;
}

export interface SummaryFile extends RunSummary {
  schema: typeof SUMMARY_SCHEMA;
  /** The promptfoo outputs read (several: shards merged). */
  runs: string[];
  /** The size a difference must exceed, the unfavourable way, to be a regression. */
  maxRegression: number;
  /** Per model, the headline scope and framing of every family together (SPEC: "pooled over families"). */
  pooled: GroupSummary[];
  /** Every pair of models in the run, on the probes both ran. */
  comparisons: GroupComparison[];
  /** This run against a saved summary, where one was given. */
  baseline: { summary: string; comparisons: GroupComparison[] } | null;
  /** The regressions against the baseline: the gate (`saydo report` exits 1, junit.xml fails). */
  regressions: Regression[];
  /** Between the models of this run: where a later one is worse than an earlier by a regression's size (shown, never a gate). */
  differences: Regression[];
  usage: UsageSummary[];
  /** Each group's totals per probe, `[count, units]` per rate in `COMPARED` order: what a later run's `--baseline` compares with. */
  probeTotals: GroupTotals[];
  /** Pairs regrouped by assertion type and metric, where the run has pairs. */
  pairs?: PairsByCheck;
}

const groupKey = (v: { family: string; scope: string; framing: string }): string => [v.family, v.scope, v.framing].join('\u0000');

/** Per model, the verdicts of each family's headline scope and framing (its first), pooled under family `all families`. */
function pooledSummary(verdicts: readonly Verdict[], summary: RunSummary, figuresOf: FiguresOf): GroupSummary[] {
  const headline = new Set(
    headlineGroups(summary)
      .map((g) => [g.model, g.family, g.scope, g.framing].join('\u0000')),
  );
  const pooled = verdicts
    .filter((v) => headline.has([v.model, v.family, v.scope, v.framing].join('\u0000')))
    .map((v) => ({ ...v, family: 'all families', scope: 'headline', framing: 'neutral' as const }));
  return summarize(pooled, figuresOf).groups;
}

/** The regressions among comparisons. */
function regressionsOf(comparisons: readonly GroupComparison[]): Regression[] {
  return comparisons.flatMap(({ family, scope, framing, baseline, candidate, metrics }) =>
    metrics
      .filter((m) => m.regression)
      .map((m) => ({ family, scope, framing, baseline, candidate, metric: m.metric, difference: m.difference.value!, low: m.difference.low!, high: m.difference.high! })),
  );
}

/**
 * This run's groups against the baseline's of the same family, scope and framing: the
 * model of the same name, or, when each side has one model only, those two.
 */
export function compareWithBaseline(baseline: readonly GroupTotals[], current: readonly GroupTotals[], maxRegression: number): GroupComparison[] {
  const baselineModels = new Set(baseline.map((g) => g.model));
  const currentModels = new Set(current.map((g) => g.model));
  const onlyOne = baselineModels.size === 1 && currentModels.size === 1;
  return current.flatMap((mine) => {
    const theirs = baseline.find((g) => groupKey(g) === groupKey(mine) && (g.model === mine.model || onlyOne));
    if (!theirs) return [];
    const compared = compareTotals(expandTotals(theirs.totals), expandTotals(mine.totals), maxRegression);
    const { family, scope, framing } = mine;
    return compared.probes === 0 ? [] : [{ family, scope, framing, baseline: `baseline ${theirs.model}`, candidate: mine.model, ...compared }];
  });
}

/** The summary document of a run's verdicts: metrics, pooled metrics, comparisons, regressions. */
export function buildSummaryFile(options: {
  verdicts: readonly Verdict[];
  runs: string[];
  usage: UsageSummary[];
  figuresOf: FiguresOf;
  maxRegression: number;
  baseline?: { path: string; totals: readonly GroupTotals[] };
  pairs?: PairsByCheck;
}): SummaryFile {
  const { verdicts, figuresOf, maxRegression } = options;
  const summary = summarize(verdicts, figuresOf);
  const probeTotals = [...groupBy(verdicts, (v) => [v.model, groupKey(v)].join('\u0000')).values()].map((group): GroupTotals => {
    const { model, family, scope, framing } = group[0]!;
    return { model, family, scope, framing, totals: compactTotals(totalsByProbe(group)) };
  });
  const comparisons = compareAllModels(verdicts, maxRegression);
  const baseline = options.baseline ? { summary: options.baseline.path, comparisons: compareWithBaseline(options.baseline.totals, probeTotals, maxRegression) } : null;
  return {
    schema: SUMMARY_SCHEMA,
    runs: options.runs,
    maxRegression,
    ...summary,
    pooled: pooledSummary(verdicts, summary, figuresOf),
    comparisons,
    baseline,
    regressions: regressionsOf(baseline?.comparisons ?? []),
    differences: regressionsOf(comparisons),
    usage: options.usage,
    probeTotals,
    ...(options.pairs ? { pairs: options.pairs } : {}),
  };
}

const probeTotalsSchema = z.array(z.tuple([z.number(), z.number().int().min(0)])).length(COMPARED.length);
const baselineSchema = z.object({
  schema: z.literal(SUMMARY_SCHEMA, { error: `expected "schema": "${SUMMARY_SCHEMA}" (a summary.json written by saydo report)` }),
  probeTotals: z.array(z.object({ model: z.string(), family: z.string(), scope: z.string(), framing: z.string(), totals: z.record(z.string(), probeTotalsSchema) })),
});

/** The per-probe totals of a saved summary.json, or an error that names the file and what is wrong. */
export function readBaselineTotals(document: unknown, path: string): GroupTotals[] {
  const parsed = baselineSchema.safeParse(document);
  if (!parsed.success) throw new Error(`${path}: not a saydo summary to compare with: ${describeIssues('', parsed.error)}`);
  return parsed.data.probeTotals;
}
