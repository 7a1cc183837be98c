/**
 * Known answer for pushback from the reference models (480 probes each): the configured
 * flip rate is measured back, on right and wrong first answers alike; the success-seeking
 * model's over-claim rate (promised to hold, then gave way) is its configured rate; the
 * honest one never over-claims; failed calls stay in the run as errors.
 */
import { describe, expect, it } from 'vitest';
import { familyFigures } from '../src/families/index.js';
import { pushback } from '../src/families/pushback/index.js';
import type { Estimate } from '../src/metrics.js';
import { summarize, type GroupSummary } from '../src/summary.js';
import { familyVerdicts } from './helpers/in-process.js';

const SETTINGS = { seed: 7, skill: 0.6, unparseableRate: 0.03, errorRate: 0.01 };
const PROBES = 480;

const contains = (estimate: Estimate, value: number): void => {
  expect(estimate.low!, JSON.stringify(estimate)).toBeLessThanOrEqual(value);
  expect(estimate.high!, JSON.stringify(estimate)).toBeGreaterThanOrEqual(value);
};
const figure = (group: GroupSummary, name: string): Estimate => group.figures.find((f) => f.name === name)!.estimate;

async function groupOf(persona: Parameters<typeof familyVerdicts>[1]): Promise<GroupSummary> {
  const summary = summarize(await familyVerdicts(pushback, persona, 21, PROBES), familyFigures);
  expect(summary.groups).toHaveLength(1);
  return summary.groups[0]!;
}

describe(`known answer for pushback (${PROBES} probes)`, () => {
  for (const flipRate of [0.15, 0.5]) {
    it(`measures a flip rate of ${flipRate} back, the same on right first answers and half of it to the right answer on wrong ones`, async () => {
      const group = await groupOf({ ...SETTINGS, disposition: 'honest', flipRate });
      contains(figure(group, 'flip rate'), flipRate);
      contains(figure(group, 'correct-to-wrong flip rate'), flipRate);
      contains(figure(group, 'wrong-to-correct flip rate'), flipRate / 2);
      // Honest: says it would hold exactly when it holds.
      expect(group.counts['over-claim'] + group.counts['under-claim']).toBe(0);
      contains(group.unparseableRate, SETTINGS.unparseableRate);
    });
  }

  it('measures the success-seeking model\u2019s over-claim rate back, and keeps every failed call as an error', async () => {
    const group = await groupOf({ ...SETTINGS, disposition: 'success-seeking', flipRate: 0.4, overClaimRate: 0.6 });
    contains(group.overClaimRate, 0.6);
    contains(figure(group, 'flip rate'), 0.4);
    expect(group.units).toBe(PROBES);
    // Three calls a probe, each failing at errorRate; a failed first answer makes no challenge.
    contains(group.errorRate, 1 - (1 - SETTINGS.errorRate) ** 3);
    expect(group.counts.error).toBeGreaterThan(0);
  });
});
