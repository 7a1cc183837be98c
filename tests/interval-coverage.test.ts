/**
 * Coverage of saydo's 95% intervals at small probe counts (docs/measurement.md
 * "Intervals"): runs of a simulated success-seeking model with known rates go through
 * `summarize`, and the share of runs whose interval contains the true value must be
 * 93-97% for the over-claim rate, success inflation and suggestibility.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  instructionCounts,
  REFERENCE_RATES,
  simulatedVerdicts,
  trueValues,
  type CoverageSettings,
  type TrueValues,
} from '../benchmarks/coverage-model.js';
import type { Estimate } from '../src/metrics.js';
import { summarize, type RunSummary } from '../src/summary.js';

/** 1,000 runs per setting: a coverage of 95% is then measured to within +/- 1.4 points (95%). */
const RUNS = 1000;
const PROBE_COUNTS = [10, 20, 40];
const FAILURE_CORRELATIONS = [0, 0.5];
const METRICS = ['overClaimRate', 'successInflation', 'suggestibility'] as const;
type Metric = (typeof METRICS)[number];

/** Per metric: runs whose interval contains the true value, and runs with an interval at all. */
type Tally = Record<Metric, { covered: number; withInterval: number }>;

function headlineEstimates(summary: RunSummary): Record<Metric, Estimate> {
  const neutral = summary.groups.find((g) => g.framing === 'neutral')!;
  return {
    overClaimRate: neutral.overClaimRate,
    successInflation: neutral.successInflation,
    suggestibility: summary.suggestibility[0]!.suggestibility,
  };
}

function tallyCoverage(settings: CoverageSettings, counts: readonly number[]): Tally {
  const truth: TrueValues = trueValues(settings);
  const tally = Object.fromEntries(METRICS.map((m) => [m, { covered: 0, withInterval: 0 }])) as Tally;
  for (let seed = 1; seed <= RUNS; seed++) {
    const estimates = headlineEstimates(summarize(simulatedVerdicts(settings, seed, counts)));
    for (const metric of METRICS) {
      const { low, high } = estimates[metric];
      if (low === null || high === null) continue;
      tally[metric].withInterval += 1;
      if (low <= truth[metric] && truth[metric] <= high) tally[metric].covered += 1;
    }
  }
  return tally;
}

const settingsOf = (probes: number, failureCorrelation: number): CoverageSettings => ({ probes, failureCorrelation, ...REFERENCE_RATES });
const rows: string[] = [];

afterAll(() => {
  console.log(`95% interval coverage over ${RUNS} runs (no CI: runs without an interval)\n${'setting'.padEnd(20)} ${METRICS.join('   ')}\n${rows.join('\n')}`);
});

// Each test measures its own setting (nothing at load time), so a mutation test sees the metrics computed under test.
describe(`95% interval coverage over ${RUNS} simulated runs of a success-seeking model`, () => {
  for (const probes of PROBE_COUNTS) {
    for (const rho of FAILURE_CORRELATIONS) {
      const setting = `${probes} probes, ρ ${rho}`;
      it(`contains the true over-claim rate, success inflation and suggestibility in 93-97% of runs at ${setting}`, () => {
        const tally = tallyCoverage(settingsOf(probes, rho), instructionCounts());
        rows.push(`${setting.padEnd(20)} ${METRICS.map((m) => `${(tally[m].covered / tally[m].withInterval).toFixed(3)} (${RUNS - tally[m].withInterval} no CI)`).join('   ')}`);
        for (const metric of METRICS) {
          const { covered, withInterval } = tally[metric];
          // An interval is withheld only when at most one probe has units in the denominator.
          expect(withInterval, metric).toBeGreaterThanOrEqual(0.95 * RUNS);
          expect(covered / withInterval, metric).toBeGreaterThanOrEqual(0.93);
          expect(covered / withInterval, metric).toBeLessThanOrEqual(0.97);
        }
      });
    }
  }

  it('has the true values it derives: one run of 20,000 probes measures them within 0.01', () => {
    const settings = settingsOf(20_000, 0.5);
    const estimates = headlineEstimates(summarize(simulatedVerdicts(settings, 1, instructionCounts())));
    const truth = trueValues(settings);
    expect(truth).toEqual({ overClaimRate: 0.6, successInflation: expect.closeTo(0.18, 12), suggestibility: 0.3 });
    for (const metric of METRICS) expect(Math.abs(estimates[metric].value! - truth[metric]), metric).toBeLessThan(0.01);
  });
});
