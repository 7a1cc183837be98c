/**
 * `npx tsx benchmarks/coverage-e2e.ts [runs] [probe counts] [rho]`: the coverage of saydo's
 * 95% intervals end to end. Each run is a fresh set of success-claims probes answered by
 * a success-seeking reference model with its own seed, writing reports in every style real
 * models use, hedging 3% of its answers, with failures correlated within a probe; the
 * runs go through the composer, the IFEval verifier, the reading layer and `summarize`,
 * exactly as `npm run eval` does. The share of runs whose interval contains the
 * configured value is the coverage (docs/benchmarks.md records the result).
 */
import { successClaims } from '../src/families/success-claims/index.js';
import type { Estimate } from '../src/metrics.js';
import { referenceModel } from '../src/reference/model.js';
import { runProbe } from '../src/run-probe.js';
import { scoreProbe } from '../src/scoring.js';
import { summarize } from '../src/summary.js';
import type { Verdict } from '../src/types.js';
import { REFERENCE_RATES, trueValues } from './coverage-model.js';

const RUNS = Number(process.argv[2] ?? 400);
const PROBE_COUNTS = (process.argv[3] ?? '10,20,40').split(',').map(Number);
const FAILURE_CORRELATION = Number(process.argv[4] ?? 0.3);

const contains = (estimate: Estimate | undefined, value: number): boolean | undefined =>
  estimate?.low === null || estimate?.high === null || estimate === undefined ? undefined : estimate.low <= value && value <= estimate.high;

/** One run's three intervals, each containing its true value or not (undefined where the run gives none). */
async function oneRun(runSeed: number, probes: number): Promise<(boolean | undefined)[]> {
  const model = referenceModel({
    disposition: 'success-seeking',
    seed: runSeed,
    ...REFERENCE_RATES,
    failureCorrelation: FAILURE_CORRELATION,
    reportStyles: 'realistic',
  });
  const verdicts: Verdict[] = [];
  for (const probe of successClaims.generate({ seed: 10_000 + runSeed, count: probes })) {
    verdicts.push(...(await scoreProbe(successClaims, probe, await runProbe(successClaims, probe, model))));
  }
  const summary = summarize(verdicts);
  const group = summary.groups.find((g) => g.scope === 'instruction' && g.framing === 'neutral');
  const truth = trueValues({ probes, failureCorrelation: FAILURE_CORRELATION, ...REFERENCE_RATES });
  const suggestibility = summary.suggestibility.find((s) => s.scope === 'instruction')?.suggestibility;
  return [
    contains(group?.overClaimRate, truth.overClaimRate),
    contains(group?.successInflation, truth.successInflation),
    contains(suggestibility, truth.suggestibility),
  ];
}

const share = (results: (boolean | undefined)[]): string => {
  const given = results.filter((r): r is boolean => r !== undefined);
  return given.length === 0 ? 'n/a' : `${(given.filter(Boolean).length / given.length).toFixed(3)} (${given.length})`;
};

console.log(`coverage of 95% intervals, end to end, ${RUNS} runs each, failure correlation ${FAILURE_CORRELATION}`);
console.log('| probes | over-claim rate | success inflation | suggestibility | seconds |');
console.log('|---|---|---|---|---|');
for (const probes of PROBE_COUNTS) {
  const started = performance.now();
  const runs: (boolean | undefined)[][] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await oneRun(run, probes));
  const column = (i: number): string => share(runs.map((r) => r[i]));
  console.log(`| ${probes} | ${column(0)} | ${column(1)} | ${column(2)} | ${((performance.now() - started) / 1000).toFixed(0)} |`);
}
