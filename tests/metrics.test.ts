/**
 * The interval functions, each against values computed by hand or by an independent
 * implementation (the paired score intervals were computed by maximising the multinomial
 * likelihood numerically, not with the closed form saydo uses).
 */
import { describe, expect, it } from 'vitest';
import { clusteredDifference, clusteredProportion, wilsonInterval, type ClusterCells } from '../src/metrics.js';

/** Clusters of one unit each: `up` units counting +1, `down` counting -1, the rest 0. */
const singleUnits = (up: number, down: number, units: number): ClusterCells[] =>
  Array.from({ length: units }, (_, i) => ({ up: i < up ? 1 : 0, down: i >= up && i < up + down ? 1 : 0, units: 1 }));

describe('wilsonInterval', () => {
  it('matches the textbook value for 8 of 10', () => {
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
  });

  it('stays informative at zero successes', () => {
    const { low, high } = wilsonInterval(0, 50);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.0714, 3);
  });

  it('ends exactly at 0 or 1 when every trial fails or succeeds', () => {
    // Computed, these ends would be 0.9999999999999999 and 5.6e-17.
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 3).low).toBe(0);
  });
});

describe('clusteredProportion', () => {
  it('equals Wilson when every probe has one unit', () => {
    const clusters = Array.from({ length: 10 }, (_, i) => ({ numerator: i < 8 ? 1 : 0, denominator: 1 }));
    const estimate = clusteredProportion(clusters);
    expect(estimate).toMatchObject({ value: 0.8, units: 10, clusters: 10 });
    expect(estimate.low).toBeCloseTo(wilsonInterval(8, 10).low, 12);
    expect(estimate.high).toBeCloseTo(wilsonInterval(8, 10).high, 12);
  });

  it('divides the units by the probes\u2019 dispersion: 2, 2, 0 and 0 of 2 is Wilson at 3 units', () => {
    // p = 1/2; each probe deviates by 1; chi-square = 4 x 1 / (2 x 1/4) = 8 on 3 df;
    // design effect 8/3; effective size 8 / (8/3) = 3; Wilson(1.5, 3) = [0.1253, 0.8747].
    const estimate = clusteredProportion([
      { numerator: 2, denominator: 2 },
      { numerator: 2, denominator: 2 },
      { numerator: 0, denominator: 2 },
      { numerator: 0, denominator: 2 },
    ]);
    expect(estimate).toMatchObject({ value: 0.5, units: 8, clusters: 4 });
    expect(estimate.low).toBeCloseTo(0.12533, 4);
    expect(estimate.high).toBeCloseTo(0.87467, 4);
  });

  it('lets probes more regular than chance narrow the interval (no floor at independent units)', () => {
    // p = 5/8, unit variance 15/64; deviations -1/4 (three probes) and 3/4; chi-square
    // (3/16 + 9/16) / (2 x 15/64) = 1.6 on 3 df; design effect 8/15; effective size 15.
    const estimate = clusteredProportion([
      { numerator: 1, denominator: 2 },
      { numerator: 1, denominator: 2 },
      { numerator: 1, denominator: 2 },
      { numerator: 2, denominator: 2 },
    ]);
    const atFifteen = wilsonInterval(0.625 * 15, 15);
    expect(estimate.low).toBeCloseTo(atFifteen.low, 10);
    expect(estimate.high).toBeCloseTo(atFifteen.high, 10);
  });

  it('counts each probe once when the probes show no variation between them', () => {
    const halfEach = clusteredProportion(Array.from({ length: 3 }, () => ({ numerator: 1, denominator: 2 })));
    expect(halfEach.low).toBeCloseTo(wilsonInterval(1.5, 3).low, 12);
    expect(halfEach.high).toBeCloseTo(wilsonInterval(1.5, 3).high, 12);
    const noneOfThree = clusteredProportion(Array.from({ length: 150 }, () => ({ numerator: 0, denominator: 3 })));
    expect(noneOfThree).toMatchObject({ value: 0, low: 0, units: 450, clusters: 150 });
    expect(noneOfThree.high).toBeCloseTo(wilsonInterval(0, 150).high, 12);
  });

  it('leaves out probes with no units in the denominator', () => {
    const estimate = clusteredProportion([
      { numerator: 1, denominator: 1 },
      { numerator: 0, denominator: 0 },
      { numerator: 0, denominator: 1 },
    ]);
    expect(estimate).toMatchObject({ value: 0.5, units: 2, clusters: 2 });
    expect(estimate.low).toBeCloseTo(wilsonInterval(1, 2).low, 12);
  });

  it('says why when the interval cannot be computed', () => {
    expect(clusteredProportion([])).toEqual({ value: null, low: null, high: null, units: 0, clusters: 0, note: 'no units' });
    expect(clusteredProportion([{ numerator: 1, denominator: 3 }])).toEqual({
      value: 1 / 3,
      low: null,
      high: null,
      units: 3,
      clusters: 1,
      note: 'only 1 probe',
    });
  });
});

describe('clusteredDifference', () => {
  it('matches the paired score interval for 8 up and 2 down of 30 independent units', () => {
    const estimate = clusteredDifference(singleUnits(8, 2, 30));
    expect(estimate).toMatchObject({ units: 30, clusters: 30 });
    expect(estimate.value).toBeCloseTo(0.2, 12);
    expect(estimate.low).toBeCloseTo(-0.0075346, 5);
    expect(estimate.high).toBeCloseTo(0.3992538, 5);
  });

  it('matches it for a negative difference, 3 up and 4 down of 25', () => {
    const estimate = clusteredDifference(singleUnits(3, 4, 25));
    expect(estimate.value).toBeCloseTo(-0.04, 12);
    expect(estimate.low).toBeCloseTo(-0.2623286, 5);
    expect(estimate.high).toBeCloseTo(0.1840916, 5);
  });

  it('is the mirror image when up and down swap', () => {
    const forward = clusteredDifference(singleUnits(5, 0, 20));
    const mirrored = clusteredDifference(singleUnits(0, 5, 20).map((c) => ({ ...c })));
    expect(forward.low).toBeCloseTo(0.0485936, 5);
    expect(forward.high).toBeCloseTo(0.4687009, 5);
    expect(mirrored.low).toBeCloseTo(-forward.high!, 10);
    expect(mirrored.high).toBeCloseTo(-forward.low!, 10);
  });

  it('gives a real interval when no probe shows a difference: +/- z\u00b2/(k + z\u00b2) with the probes as the sample', () => {
    const estimate = clusteredDifference(Array.from({ length: 30 }, () => ({ up: 0, down: 0, units: 3 })));
    expect(estimate).toMatchObject({ value: 0, units: 90, clusters: 30 });
    expect(estimate.low).toBeCloseTo(-0.1135134, 6);
    expect(estimate.high).toBeCloseTo(0.1135134, 6);
  });

  it('reaches 1 when every unit counts up, its lower end from the probes as the sample', () => {
    // 10 probes: 1 - 2 z^2 / (10 + z^2) = 0.44493.
    const estimate = clusteredDifference(Array.from({ length: 10 }, () => ({ up: 2, down: 0, units: 2 })));
    expect(estimate.value).toBe(1);
    expect(estimate.low).toBeCloseTo(0.44493, 4);
    expect(estimate.high).toBeCloseTo(1, 12);
  });

  it('divides the units by the probes\u2019 dispersion', () => {
    // d = 3/10; unit variance 7/10 - 9/100 = 0.61; chi-square 5.9016 on 4 df; design
    // effect 1.4754; effective size 6.7778 units with 3.3889 up and 1.3556 down.
    const estimate = clusteredDifference([
      { up: 2, down: 0, units: 2 },
      { up: 0, down: 0, units: 2 },
      { up: 1, down: 1, units: 2 },
      { up: 0, down: 1, units: 2 },
      { up: 2, down: 0, units: 2 },
    ]);
    expect(estimate.value).toBeCloseTo(0.3, 12);
    expect(estimate.low).toBeCloseTo(-0.3153454, 5);
    expect(estimate.high).toBeCloseTo(0.7260432, 5);
  });

  it('says why when the interval cannot be computed', () => {
    expect(clusteredDifference([{ up: 0, down: 0, units: 0 }])).toMatchObject({ value: null, low: null, note: 'no units' });
    expect(clusteredDifference([{ up: 1, down: 0, units: 2 }])).toMatchObject({ value: 0.5, low: null, note: 'only 1 probe' });
  });
});
