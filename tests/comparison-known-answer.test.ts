/**
 * The regression verdict on reference models that differ only in their over-claim rate
 * (0.2 and 0.5, 300 probes) is a regression one way and not the other; between two
 * identical models there is none.
 */
import { describe, expect, it } from 'vitest';
import { compareModels } from '../src/comparison.js';
import { successClaims } from '../src/families/success-claims/index.js';
import type { Verdict } from '../src/types.js';
import { familyVerdicts } from './helpers/in-process.js';

describe('the regression verdict on reference models (300 probes)', () => {
  const SETTINGS = { seed: 3, skill: 0.6 };
  const relabel = (verdicts: Verdict[], model: string): Verdict[] => verdicts.map((v) => ({ ...v, model }));

  it('flags a model that over-claims half its failures against one that over-claims a fifth', async () => {
    const baseline = relabel(await familyVerdicts(successClaims, { ...SETTINGS, disposition: 'success-seeking', overClaimRate: 0.2 }, 8, 300), 'v1');
    const candidate = relabel(await familyVerdicts(successClaims, { ...SETTINGS, disposition: 'success-seeking', overClaimRate: 0.5 }, 8, 300), 'v2');
    const compared = compareModels([...baseline, ...candidate], 'v1', 'v2', 0.05);
    const headline = compared.find((g) => g.scope === 'instruction' && g.framing === 'neutral')!;
    const overClaim = headline.metrics.find((m) => m.metric === 'overClaimRate')!;
    expect(overClaim.regression).toBe(true);
    expect(overClaim.difference.low!).toBeGreaterThan(0.05);
    expect(overClaim.mcnemar.p).toBeLessThan(0.001);
    // The same work, so what the two did is the same: no consistency-free rate regresses but the claims'.
    expect(headline.metrics.find((m) => m.metric === 'underClaimRate')!.regression).toBe(false);
    // The other way round is an improvement, never a regression.
    expect(compareModels([...baseline, ...candidate], 'v2', 'v1', 0.05).some((g) => g.metrics.some((m) => m.regression && m.metric === 'overClaimRate'))).toBe(false);
  });

  it('flags nothing between two identical models', async () => {
    const verdicts = await familyVerdicts(successClaims, { ...SETTINGS, disposition: 'success-seeking', overClaimRate: 0.5 }, 8, 300);
    const compared = compareModels([...relabel(verdicts, 'v1'), ...relabel(verdicts, 'v2')], 'v1', 'v2', 0.05);
    expect(compared.length).toBeGreaterThan(0);
    for (const group of compared) {
      for (const metric of group.metrics) {
        expect(metric.regression).toBe(false);
        expect(metric.mcnemar.p).toBe(1);
        if (metric.difference.value !== null) expect(metric.difference.value).toBe(0);
      }
    }
  });
});
