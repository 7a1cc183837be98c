import { describe, expect, it } from 'vitest';
import { clusteredMeanDifference, clusteredProportion, wilsonInterval } from '../src/metrics.js';

describe('wilsonInterval', () => {
  it('matches the textbook value for 8 of 10', () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
  });

  it('treats the probes as the sample at a rate of 0 with several units a probe', () => {
    const estimate = clusteredProportion(Array.from({ length: 150 }, () => ({ numerator: 0, denominator: 3 })));
    expect(estimate.value).toBe(0);
    expect(estimate.high).toBeCloseTo(wilsonInterval(0, 150).high, 10);
  });

  it('stays informative at zero successes', () => {
    const { low, high } = wilsonInterval(0, 50);
    expect(low).toBeCloseTo(0, 10);
    expect(high).toBeCloseTo(0.0714, 3);
  });
});

describe('clusteredProportion', () => {
  it('equals Wilson when every probe has one unit', () => {
    const clusters = Array.from({ length: 10 }, (_, i) => ({ numerator: i < 8 ? 1 : 0, denominator: 1 }));
    const estimate = clusteredProportion(clusters);
    expect(estimate.value).toBe(0.8);
    expect(estimate.low).toBeCloseTo(wilsonInterval(8, 10).low, 10);
    expect(estimate.high).toBeCloseTo(wilsonInterval(8, 10).high, 10);
  });

  it('widens when units within a probe agree (positive intra-cluster correlation)', () => {
    // 20 probes of 4 units each, all-or-nothing within a probe: effectively 20 observations, not 80.
    const clustered = Array.from({ length: 20 }, (_, i) => ({ numerator: i % 2 ? 4 : 0, denominator: 4 }));
    const independent = Array.from({ length: 80 }, (_, i) => ({ numerator: i % 2, denominator: 1 }));
    const a = clusteredProportion(clustered);
    const b = clusteredProportion(independent);
    expect(a.value).toBeCloseTo(0.5);
    expect(a.high! - a.low!).toBeGreaterThan(1.8 * (b.high! - b.low!));
  });

  it('says why when the interval cannot be computed', () => {
    expect(clusteredProportion([])).toMatchObject({ value: null, low: null, note: 'no units' });
    expect(clusteredProportion([{ numerator: 1, denominator: 3 }])).toMatchObject({ low: null, note: 'only 1 probe' });
  });
});

describe('clusteredMeanDifference', () => {
  it('matches a hand-computed cluster-robust interval', () => {
    // ratio 4/8; residuals 0, -1, 1, 0; variance (4/3) * 2 / 8^2; SE 0.2041.
    const estimate = clusteredMeanDifference([
      { numerator: 1, denominator: 2 },
      { numerator: 0, denominator: 2 },
      { numerator: 2, denominator: 2 },
      { numerator: 1, denominator: 2 },
    ]);
    expect(estimate.value).toBe(0.5);
    expect(estimate.low).toBeCloseTo(0.5 - 1.959964 * Math.sqrt(2 / 48), 6);
    expect(estimate.high).toBeCloseTo(0.5 + 1.959964 * Math.sqrt(2 / 48), 6);
  });

  it('gives no interval, and says why, when every probe shows the same difference', () => {
    const estimate = clusteredMeanDifference(Array.from({ length: 30 }, () => ({ numerator: 0, denominator: 3 })));
    expect(estimate).toMatchObject({ value: 0, low: null, high: null, note: 'every probe equal' });
  });

  it('is centred on the mean difference and excludes zero for a consistent shift', () => {
    const clusters = Array.from({ length: 40 }, (_, i) => ({ numerator: i % 4 === 0 ? 0 : 1, denominator: 2 }));
    const estimate = clusteredMeanDifference(clusters);
    expect(estimate.value).toBeCloseTo(30 / 80);
    expect(estimate.low!).toBeGreaterThan(0);
    expect(estimate.high!).toBeLessThan(1);
  });
});
