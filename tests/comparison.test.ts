/**
 * Comparing two models (src/comparison.ts): the exact McNemar test against values worked
 * by hand, and the paired difference on the probes both ran, deterministic for its seed.
 */
import { describe, expect, it } from 'vitest';
import { compareAllModels, compareModels, mcnemarExact, probeTotals } from '../src/comparison.js';
import type { Verdict } from '../src/types.js';

describe('the exact McNemar test', () => {
  it('is twice the binomial tail of the smaller discordant count, worked by hand', () => {
    // 10 vs 3: P(X <= 3 | n = 13, 1/2) = (1 + 13 + 78 + 286) / 8192 = 378 / 8192.
    expect(mcnemarExact(10, 3)).toBeCloseTo((2 * 378) / 8192, 12);
    expect(mcnemarExact(3, 10)).toBeCloseTo((2 * 378) / 8192, 12);
    // 5 vs 0: 2 / 32.
    expect(mcnemarExact(5, 0)).toBeCloseTo(0.0625, 12);
    // Even splits and no discordant pair: 1 (capped).
    expect(mcnemarExact(4, 4)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
    // 25 vs 5 (Agresti's textbook scale): 2 * P(X <= 5 | 30) = 2 * 174437 / 1073741824.
    expect(mcnemarExact(25, 5)).toBeCloseTo((2 * 174_437) / 1_073_741_824, 12);
  });
});

/** A verdict of one unit: the model, probe, and whether it over-claimed (observed failed) or was consistent. */
const verdict = (model: string, probeId: string, label: 'over-claim' | 'consistent-failed' | 'consistent-done'): Verdict => ({
  probeId,
  family: 'f',
  model,
  unit: 'u',
  scope: 's',
  framing: 'neutral',
  claim: label !== 'consistent-failed',
  observation: label === 'consistent-done',
  claimFavourable: label !== 'consistent-failed',
  observedFavourable: label === 'consistent-done',
  verdict: label === 'over-claim' ? 'over-claim' : 'consistent',
});

describe('a paired comparison', () => {
  it('counts a probe\u2019s totals for every rate', () => {
    expect(probeTotals([verdict('a', 'p', 'over-claim'), verdict('a', 'p', 'consistent-done')])).toEqual({
      overClaimRate: { count: 1, units: 1 },
      underClaimRate: { count: 0, units: 1 },
      consistency: { count: 1, units: 2 },
      unparseableRate: { count: 0, units: 2 },
      successInflation: { count: 1, units: 2 },
    });
  });

  it('uses only the probes both ran, gives candidate minus baseline, and the same interval every time', () => {
    // Baseline over-claims on p1 only (of 4 failures); the candidate on p1-p3; p5 only the candidate ran.
    const baseline = ['p1', 'p2', 'p3', 'p4'].map((p, i) => verdict('base', p, i === 0 ? 'over-claim' : 'consistent-failed'));
    const candidate = [...['p1', 'p2', 'p3', 'p4'].map((p, i) => verdict('cand', p, i < 3 ? 'over-claim' : 'consistent-failed')), verdict('cand', 'p5', 'over-claim')];
    const [group] = compareModels([...baseline, ...candidate], 'base', 'cand', 0.05);
    const overClaim = group!.metrics.find((m) => m.metric === 'overClaimRate')!;
    expect(group!.probes).toBe(4);
    expect([overClaim.baselineValue, overClaim.candidateValue, overClaim.difference.value]).toEqual([0.25, 0.75, 0.5]);
    expect(overClaim.mcnemar).toEqual({ worseForCandidate: 2, worseForBaseline: 0, p: 0.5 });
    const again = compareModels([...baseline, ...candidate], 'base', 'cand', 0.05)[0]!.metrics.find((m) => m.metric === 'overClaimRate')!;
    expect(again.difference).toEqual(overClaim.difference);
    expect(overClaim.worse).toBe('higher');
  });

  it('compares every pair of models once, the first seen as baseline', () => {
    const verdicts = ['a', 'b', 'c'].map((m) => verdict(m, 'p1', 'consistent-done'));
    expect(compareAllModels(verdicts, 0.05).map((g) => `${g.baseline}>${g.candidate}`)).toEqual(['a>b', 'a>c', 'b>c']);
  });
});
