/**
 * Metrics of stated confidence against correctness (SPEC "Metrics", with confidences):
 * Brier score, expected calibration error over 10 equal-width bins, over-confidence
 * (mean confidence minus accuracy) and AUROC (how well confidence tells correct answers
 * from wrong ones). Intervals are a cluster bootstrap over probes with a fixed seed, so
 * the same verdicts always give the same interval. Pure functions; no I/O.
 */
import type { Estimate } from './metrics.js';
import { createRng } from './rng.js';

/** One stated confidence (0-1) and whether the answer it was about was correct. */
export interface Confident {
  confidence: number;
  correct: boolean;
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Mean squared distance between confidence and outcome (0 is perfect; always saying 0.5 scores 0.25). */
export function brierScore(items: readonly Confident[]): number {
  return mean(items.map(({ confidence, correct }) => (confidence - (correct ? 1 : 0)) ** 2));
}

/**
 * Expected calibration error: the confidences binned into `bins` equal-width bins
 * ([0, 0.1), ..., [0.9, 1.0], 1 in the last), and the bins' |mean confidence - accuracy|
 * weighted by their share of the items.
 */
export function expectedCalibrationError(items: readonly Confident[], bins = 10): number {
  const grouped = new Map<number, Confident[]>();
  for (const item of items) {
    const bin = Math.min(bins - 1, Math.floor(item.confidence * bins));
    grouped.set(bin, [...(grouped.get(bin) ?? []), item]);
  }
  let error = 0;
  for (const members of grouped.values()) {
    const gap = Math.abs(mean(members.map((m) => m.confidence)) - mean(members.map((m) => (m.correct ? 1 : 0))));
    error += (members.length / items.length) * gap;
  }
  return error;
}

/** Mean confidence minus accuracy: above 0, the model is surer than it is right. */
export function overConfidence(items: readonly Confident[]): number {
  return mean(items.map((i) => i.confidence)) - mean(items.map((i) => (i.correct ? 1 : 0)));
}

/**
 * Area under the ROC curve of confidence for telling correct from wrong answers: the
 * chance that a correct answer got more confidence than a wrong one (ties count half).
 * Undefined when the answers are all correct or all wrong.
 */
export function auroc(items: readonly Confident[]): number | undefined {
  const right = items.filter((i) => i.correct).map((i) => i.confidence);
  const wrong = items.filter((i) => !i.correct).map((i) => i.confidence);
  if (right.length === 0 || wrong.length === 0) return undefined;
  let wins = 0;
  for (const r of right) for (const w of wrong) wins += r > w ? 1 : r === w ? 0.5 : 0;
  return wins / (right.length * wrong.length);
}

const BOOTSTRAP_SEED = 20_261_208;
const BOOTSTRAP_REPLICATES = 1000;

/**
 * A statistic of the pooled items with a 95% percentile interval from a cluster
 * bootstrap: probes resampled with replacement, `replicates` times, from a fixed seed.
 * The value is undefined (with a note) where the statistic is; no interval below 2 probes.
 */
export function bootstrapEstimate(
  clusters: readonly (readonly Confident[])[],
  statistic: (items: readonly Confident[]) => number | undefined,
  replicates = BOOTSTRAP_REPLICATES,
): Estimate {
  const pooled = clusters.flat();
  const base = { units: pooled.length, clusters: clusters.length };
  const value = pooled.length === 0 ? undefined : statistic(pooled);
  if (value === undefined) return { value: null, low: null, high: null, ...base, note: pooled.length === 0 ? 'no units' : 'undefined for these units' };
  if (clusters.length < 2) return { value, low: null, high: null, ...base, note: 'only 1 probe' };
  const rng = createRng(BOOTSTRAP_SEED);
  const draws: number[] = [];
  for (let r = 0; r < replicates; r++) {
    const sample = Array.from({ length: clusters.length }, () => clusters[Math.floor(rng.next() * clusters.length)]!).flat();
    const drawn = sample.length === 0 ? undefined : statistic(sample);
    if (drawn !== undefined) draws.push(drawn);
  }
  draws.sort((a, b) => a - b);
  const at = (q: number): number => draws[Math.min(draws.length - 1, Math.max(0, Math.round(q * (draws.length - 1))))]!;
  return { value, low: at(0.025), high: at(0.975), ...base };
}
