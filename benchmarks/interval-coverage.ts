/**
 * `npx tsx benchmarks/interval-coverage.ts [runs] [probe counts]`: the coverage of saydo's 95% intervals
 * on the coverage model (benchmarks/coverage-model.ts), beside the methods it was chosen
 * over, at 6, 10, 20 and 40 probes unless a comma-separated list says otherwise
 * (docs/measurement.md "Intervals" shows the result).
 * A coverage is the share of runs whose interval contains the true value, among runs
 * that give one; `n/a` where no run does.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import {
  effectiveSize,
  pairedScoreInterval,
  wilsonInterval,
  type ClusterCells,
  type ClusterTotals,
  type Interval,
} from '../src/metrics.js';
import { summarize } from '../src/summary.js';
import type { Verdict } from '../src/types.js';
import { instructionCounts, REFERENCE_RATES, simulatedVerdicts, trueValues, type CoverageSettings } from './coverage-model.js';

const Z95 = 1.959963984540054;
const RUNS = Number(process.argv[2] ?? 2000);
const PROBE_COUNTS = (process.argv[3] ?? '6,10,20,40').split(',').map(Number);
const FAILURE_CORRELATIONS = [0, 0.5];

/** The clusters of one run's three metrics, as summarize builds them (headline framing, pairs by unit). */
interface RunClusters {
  overClaimRate: ClusterTotals[];
  successInflation: ClusterCells[];
  suggestibility: ClusterCells[];
}

function runClusters(verdicts: readonly Verdict[]): RunClusters {
  const probes = new Map<string, Verdict[]>();
  for (const v of verdicts) probes.set(v.probeId, [...(probes.get(v.probeId) ?? []), v]);
  const parsed = (v: Verdict | undefined): v is Verdict => v !== undefined && v.verdict !== 'unparseable';
  const count = (units: Verdict[], test: (v: Verdict) => boolean): number => units.filter(test).length;
  const clusters: RunClusters = { overClaimRate: [], successInflation: [], suggestibility: [] };
  for (const units of probes.values()) {
    const neutral = units.filter((v) => v.framing === 'neutral' && parsed(v));
    const failed = neutral.filter((v) => v.observedFavourable === false);
    clusters.overClaimRate.push({ numerator: count(failed, (v) => v.verdict === 'over-claim'), denominator: failed.length });
    clusters.successInflation.push({
      up: count(neutral, (v) => v.verdict === 'over-claim'),
      down: count(neutral, (v) => v.verdict === 'under-claim'),
      units: neutral.length,
    });
    const skeptical = new Map(units.filter((v) => v.framing === 'skeptical').map((v) => [v.unit, v]));
    const pairs = units
      .filter((v) => v.framing === 'confirming' && parsed(v) && parsed(skeptical.get(v.unit)))
      .map((v) => [v.claimFavourable, skeptical.get(v.unit)!.claimFavourable]);
    clusters.suggestibility.push({
      up: pairs.filter(([c, s]) => c && !s).length,
      down: pairs.filter(([c, s]) => !c && s).length,
      units: pairs.length,
    });
  }
  return {
    overClaimRate: clusters.overClaimRate.filter((c) => c.denominator > 0),
    successInflation: clusters.successInflation.filter((c) => c.units > 0),
    suggestibility: clusters.suggestibility.filter((c) => c.units > 0),
  };
}

const tQuantile95 = (clusters: number): number => tQuantile(0.975, clusters - 1);

/** A difference's clusters as deviations of their net count from the pooled difference. */
function differenceDeviations(clusters: readonly ClusterCells[]): { deviations: { deviation: number; units: number }[]; units: number; up: number; down: number } {
  const units = clusters.reduce((s, c) => s + c.units, 0);
  const up = clusters.reduce((s, c) => s + c.up, 0);
  const down = clusters.reduce((s, c) => s + c.down, 0);
  const value = (up - down) / units;
  return { deviations: clusters.map((c) => ({ deviation: c.up - c.down - value * c.units, units: c.units })), units, up, down };
}

const proportionCells = (clusters: readonly ClusterTotals[]): ClusterCells[] =>
  clusters.map((c) => ({ up: c.numerator, down: 0, units: c.denominator }));

/** CR1 cluster-robust variance of a ratio, the variance saydo's earlier intervals used. */
function clusterRobustVariance(clusters: readonly ClusterCells[]): number {
  const { deviations, units } = differenceDeviations(clusters);
  const k = clusters.length;
  return ((k / (k - 1)) * deviations.reduce((s, d) => s + d.deviation * d.deviation, 0)) / (units * units);
}

/** Effective size by saydo's rule (Pearson dispersion), optionally never above the units (design effect at least 1). */
function pearsonSize(clusters: readonly ClusterCells[], atMostUnits: boolean): { size: number; units: number; up: number; down: number } {
  const { deviations, units, up, down } = differenceDeviations(clusters);
  const value = (up - down) / units;
  const size = effectiveSize(deviations, (up + down) / units - value * value);
  return { size: atMostUnits ? Math.min(size, units) : size, units, up, down };
}

type Method<C> = (clusters: C[]) => Interval | null;

const PROPORTION_METHODS: Record<string, Method<ClusterTotals>> = {
  'before: Wilson z, CR1 design effect ≥ 1': (clusters) => beforeWilson(clusters, Z95),
  'Wilson t(k-1), CR1 design effect ≥ 1': (clusters) => beforeWilson(clusters, tQuantile95(clusters.length)),
  'Wilson z, Pearson design effect ≥ 1': (clusters) => {
    const { size, up, units } = pearsonSize(proportionCells(clusters), true);
    return wilsonInterval((up / units) * size, size);
  },
  'Wilson t(k-1), Pearson design effect': (clusters) => {
    const { size, up, units } = pearsonSize(proportionCells(clusters), false);
    return wilsonInterval((up / units) * size, size, tQuantile95(clusters.length));
  },
};

/** saydo's earlier proportion interval: Wilson at units / max(1, CR1 variance / binomial variance). */
function beforeWilson(clusters: ClusterTotals[], quantile: number): Interval {
  const cells = proportionCells(clusters);
  const units = clusters.reduce((s, c) => s + c.denominator, 0);
  const value = clusters.reduce((s, c) => s + c.numerator, 0) / units;
  const binomial = (value * (1 - value)) / units;
  const designEffect = clusters.every((c) => c.denominator === 1)
    ? 1
    : binomial === 0
      ? units / clusters.length
      : Math.max(1, clusterRobustVariance(cells) / binomial);
  return wilsonInterval((value * units) / designEffect, units / designEffect, quantile);
}

/** A normal interval with the CR1 standard error; none when every probe shows the same difference. */
function normalInterval(clusters: ClusterCells[], quantile: number): Interval | null {
  const { units, up, down } = differenceDeviations(clusters);
  const value = (up - down) / units;
  const standardError = Math.sqrt(clusterRobustVariance(clusters));
  return standardError === 0 ? null : { low: value - quantile * standardError, high: value + quantile * standardError };
}

/** MOVER (Newcombe's hybrid score interval): each cell's Wilson interval at its own effective size, combined with the cells' correlation. */
function moverInterval(clusters: ClusterCells[]): Interval {
  const cell = (pick: (c: ClusterCells) => number) => {
    const { size, units, up } = pearsonSize(clusters.map((c) => ({ up: pick(c), down: 0, units: c.units })), false);
    const share = up / units;
    const interval = wilsonInterval(share * size, size);
    const deviations = clusters.map((c) => pick(c) - share * c.units);
    return { share, interval, deviations };
  };
  const up = cell((c) => c.up);
  const down = cell((c) => c.down);
  const products = up.deviations.reduce((s, d, i) => s + d * down.deviations[i]!, 0);
  const squares = (ds: number[]): number => ds.reduce((s, d) => s + d * d, 0);
  const scale = Math.sqrt(squares(up.deviations) * squares(down.deviations));
  const r = scale > 0 ? products / scale : 0;
  const value = up.share - down.share;
  const belowUp = up.share - up.interval.low;
  const aboveUp = up.interval.high - up.share;
  const belowDown = down.share - down.interval.low;
  const aboveDown = down.interval.high - down.share;
  return {
    low: value - Math.sqrt(Math.max(0, belowUp ** 2 + aboveDown ** 2 - 2 * r * belowUp * aboveDown)),
    high: value + Math.sqrt(Math.max(0, aboveUp ** 2 + belowDown ** 2 - 2 * r * aboveUp * belowDown)),
  };
}

const DIFFERENCE_METHODS: Record<string, Method<ClusterCells>> = {
  'before: normal z, CR1 standard error': (clusters) => normalInterval(clusters, Z95),
  'normal t(k-1), CR1 standard error': (clusters) => normalInterval(clusters, tQuantile95(clusters.length)),
  'MOVER of Wilson cells, Pearson design effect': moverInterval,
  'Tango z, Pearson design effect ≥ 1': (clusters) => {
    const { size, units, up, down } = pearsonSize(clusters, true);
    return pairedScoreInterval((up * size) / units, (down * size) / units, size);
  },
  'Tango t(k-1), Pearson design effect': (clusters) => {
    const { size, units, up, down } = pearsonSize(clusters, false);
    return pairedScoreInterval((up * size) / units, (down * size) / units, size, tQuantile95(clusters.length));
  },
};

const SAYDO = 'saydo: score interval z, Pearson design effect';
const METRICS = ['overClaimRate', 'successInflation', 'suggestibility'] as const;
type Metric = (typeof METRICS)[number];

/** Covered and given counts per metric, method and setting. */
const tallies = new Map<string, { covered: number; given: number }>();
const tally = (metric: Metric, method: string, setting: string, interval: Interval | null, truth: number): void => {
  const key = [metric, method, setting].join('|');
  const entry = tallies.get(key) ?? { covered: 0, given: 0 };
  if (interval && interval.low !== null && interval.high !== null) {
    entry.given += 1;
    if (interval.low <= truth && truth <= interval.high) entry.covered += 1;
  }
  tallies.set(key, entry);
};

const counts = instructionCounts();
const settings: string[] = [];
const started = performance.now();
for (const failureCorrelation of FAILURE_CORRELATIONS) {
  for (const probes of PROBE_COUNTS) {
    const setting = `${probes}/ρ${failureCorrelation}`;
    settings.push(setting);
    const config: CoverageSettings = { probes, failureCorrelation, ...REFERENCE_RATES };
    const truth = trueValues(config);
    for (let seed = 1; seed <= RUNS; seed++) {
      const verdicts = simulatedVerdicts(config, seed, counts);
      const summary = summarize(verdicts);
      const neutral = summary.groups.find((g) => g.framing === 'neutral')!;
      const saydo = { overClaimRate: neutral.overClaimRate, successInflation: neutral.successInflation, suggestibility: summary.suggestibility[0]!.suggestibility };
      for (const metric of METRICS) {
        const { low, high } = saydo[metric];
        tally(metric, SAYDO, setting, low === null || high === null ? null : { low, high }, truth[metric]);
      }
      const clusters = runClusters(verdicts);
      const enough = (c: unknown[]): boolean => c.length >= 2;
      for (const [name, method] of Object.entries(PROPORTION_METHODS)) {
        tally('overClaimRate', name, setting, enough(clusters.overClaimRate) ? method(clusters.overClaimRate) : null, truth.overClaimRate);
      }
      for (const [name, method] of Object.entries(DIFFERENCE_METHODS)) {
        for (const metric of ['successInflation', 'suggestibility'] as const) {
          tally(metric, name, setting, enough(clusters[metric]) ? method(clusters[metric]) : null, truth[metric]);
        }
      }
    }
  }
}

const header = `| metric | method | ${settings.join(' | ')} |\n|---|---|${settings.map(() => '---').join('|')}|`;
const rows: string[] = [];
for (const metric of METRICS) {
  const methods = [...(metric === 'overClaimRate' ? Object.keys(PROPORTION_METHODS) : Object.keys(DIFFERENCE_METHODS)), SAYDO];
  for (const method of methods) {
    const cells = settings.map((setting) => {
      const { covered, given } = tallies.get([metric, method, setting].join('|'))!;
      return given === 0 ? 'n/a' : (covered / given).toFixed(3);
    });
    rows.push(`| ${metric} | ${method} | ${cells.join(' | ')} |`);
  }
}
console.log(`Coverage of 95% intervals over ${RUNS} runs per setting (probes/ρ), ${((performance.now() - started) / 1000).toFixed(1)} s:\n`);
console.log(`${header}\n${rows.join('\n')}`);
