/**
 * The confidence metrics (src/calibration-metrics.ts) against values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapEstimates } from '../src/bootstrap.js';
import { auroc, brierScore, expectedCalibrationError, overConfidence, type Confident } from '../src/calibration-metrics.js';

const c = (confidence: number, correct: boolean): Confident => ({ confidence, correct });

describe('Brier score', () => {
  it('is the mean squared gap between confidence and outcome', () => {
    // (0.9-1)^2 = 0.01, (0.6-0)^2 = 0.36, (0.2-0)^2 = 0.04, (1-1)^2 = 0: mean 0.41 / 4 = 0.1025.
    expect(brierScore([c(0.9, true), c(0.6, false), c(0.2, false), c(1, true)])).toBeCloseTo(0.1025, 12);
    expect(brierScore([c(0.5, true), c(0.5, false)])).toBe(0.25);
  });
});

describe('expected calibration error (10 equal-width bins)', () => {
  it('weights each bin\u2019s |mean confidence - accuracy| by its share', () => {
    // Bin [0.9, 1.0]: 0.9, 0.95, 1.0 with 2 of 3 right: |0.95 - 0.6667| = 0.28333, weight 3/5.
    // Bin [0.2, 0.3): 0.2, 0.25 with 1 of 2 right: |0.225 - 0.5| = 0.275, weight 2/5.
    const items = [c(0.9, true), c(0.95, true), c(1, false), c(0.2, true), c(0.25, false)];
    expect(expectedCalibrationError(items)).toBeCloseTo((3 / 5) * (0.95 - 2 / 3) + (2 / 5) * 0.275, 12);
  });

  it('is 0 when every bin\u2019s accuracy is its confidence, and puts 1.0 in the top bin', () => {
    expect(expectedCalibrationError([c(0.75, true), c(0.75, true), c(0.75, true), c(0.75, false)])).toBe(0);
    expect(expectedCalibrationError([c(1, true), c(0.9, true)])).toBeCloseTo(0.05, 12);
    // 0.1 is the second bin's, not the first's: |0.1 - 0| and |0.05 - 1| stay apart.
    expect(expectedCalibrationError([c(0.1, false), c(0.05, true)])).toBeCloseTo(0.5 * 0.1 + 0.5 * 0.95, 12);
  });
});

describe('over-confidence', () => {
  it('is mean confidence minus accuracy', () => {
    expect(overConfidence([c(0.9, true), c(0.7, false), c(0.8, false)])).toBeCloseTo(0.8 - 1 / 3, 12);
    expect(overConfidence([c(0.2, true), c(0.4, true)])).toBeCloseTo(-0.7, 12);
  });
});

describe('AUROC', () => {
  it('is the chance a right answer got more confidence than a wrong one, ties half', () => {
    // Pairs (right, wrong): (0.9, 0.3) win, (0.9, 0.6) win, (0.6, 0.3) win, (0.6, 0.6) tie: 3.5 / 4.
    expect(auroc([c(0.9, true), c(0.6, true), c(0.3, false), c(0.6, false)])).toBe(0.875);
    expect(auroc([c(0.1, true), c(0.9, false)])).toBe(0);
  });

  it('is undefined when every answer is right, or every one wrong', () => {
    expect(auroc([c(0.9, true), c(0.2, true)])).toBeUndefined();
    expect(auroc([c(0.9, false)])).toBeUndefined();
  });
});

/** One statistic's bootstrap estimate. */
const bootstrapEstimate = (clusters: Confident[][], statistic: (items: readonly Confident[]) => number | undefined) => bootstrapEstimates(clusters, { statistic }).statistic;

describe('bootstrap intervals over probes', () => {
  const clusters = Array.from({ length: 40 }, (_, i) => [c((i % 10) / 10 + 0.05, i % 3 !== 0)]);

  it('is the same for the same clusters, and brackets the value', () => {
    const first = bootstrapEstimate(clusters, brierScore);
    expect(bootstrapEstimate(clusters, brierScore)).toEqual(first);
    expect(first.low!).toBeLessThanOrEqual(first.value!);
    expect(first.high!).toBeGreaterThanOrEqual(first.value!);
    expect(first.high! - first.low!).toBeGreaterThan(0);
    expect(first).toMatchObject({ units: 40, clusters: 40 });
  });

  it('matches the normal-theory interval where that is known: 100 probes, half of them scoring 1', () => {
    // Brier of certain answers is 0 (right) or 1 (wrong): a proportion of 0.5 over 100 probes, standard error 0.05.
    const halves = Array.from({ length: 100 }, (_, i) => [c(1, i % 2 === 0)]);
    const estimate = bootstrapEstimate(halves, brierScore);
    expect(estimate.value).toBe(0.5);
    expect(estimate.low!).toBeGreaterThan(0.38);
    expect(estimate.low!).toBeLessThan(0.42);
    expect(estimate.high!).toBeGreaterThan(0.58);
    expect(estimate.high!).toBeLessThan(0.62);
  });

  it('gives an interval from two probes, and leaves out resamples where the statistic is undefined', () => {
    const two = bootstrapEstimate([[c(0.9, true)], [c(0.2, false)]], brierScore);
    // Resamples: both the first (0.01), both the second (0.04), one of each (0.025).
    expect(two.low!).toBeCloseTo(0.01, 12);
    expect(two.high!).toBeCloseTo(0.04, 12);
    // Resamples holding only right (or only wrong) answers have no AUROC; the others all give 1.
    const separable = bootstrapEstimate([[c(0.9, true)], [c(0.8, true)], [c(0.2, false)], [c(0.1, false)]], auroc);
    expect([separable.value, separable.low, separable.high]).toEqual([1, 1, 1]);
  });

  it('resamples once for several statistics: each gets the interval it gets alone', () => {
    const clusters = Array.from({ length: 30 }, (_, i) => [c((i % 7) / 7, i % 2 === 0), c(0.5, i % 3 === 0)]);
    const together = bootstrapEstimates(clusters, { brier: brierScore, auroc });
    expect(together).toEqual({ brier: bootstrapEstimate(clusters, brierScore), auroc: bootstrapEstimate(clusters, auroc) });
  });

  it('says why there is no value or no interval', () => {
    expect(bootstrapEstimate([], brierScore)).toMatchObject({ value: null, note: 'no units' });
    expect(bootstrapEstimate([[c(0.9, true)], [c(0.8, true)]], auroc)).toMatchObject({ value: null, note: 'undefined for these units' });
    expect(bootstrapEstimate([[c(0.9, true), c(0.2, false)]], brierScore)).toMatchObject({ value: 0.025, low: null, high: null, note: 'only 1 probe' });
  });
});
