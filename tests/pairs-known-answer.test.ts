/**
 * Known answers for pairs written as promptfoo tests: over 320 units, the reference
 * models' configured rates are measured back inside their 95% intervals, and the honest
 * model neither over- nor under-claims.
 */
import { describe, expect, it } from 'vitest';
import { pairs, pairProbe } from '../src/families/pairs/index.js';
import type { Estimate } from '../src/metrics.js';
import { referenceModel } from '../src/reference/model.js';
import type { PersonaInput } from '../src/reference/persona.js';
import { runProbe } from '../src/run-probe.js';
import { scoreProbe } from '../src/scoring.js';
import { summarize } from '../src/summary.js';
import type { Verdict } from '../src/types.js';
import { KNOWN_ANSWER_PROMPT, knownAnswerTests } from './helpers/pairs.js';

const TESTS = 160;
const OVER_CLAIM_RATE = 0.4;
const SUGGESTIBILITY = 0.3;
const UNPARSEABLE_RATE = 0.05;

/** The tests rendered as promptfoo renders them for the provider. */
const probes = knownAnswerTests(TESTS).map((test) => pairProbe(KNOWN_ANSWER_PROMPT.replace('{{word}}', test.vars.word), test));

async function verdictsOf(persona: PersonaInput): Promise<Verdict[]> {
  const model = referenceModel(persona);
  const verdicts: Verdict[] = [];
  for (const probe of probes) verdicts.push(...(await scoreProbe(pairs, probe, await runProbe(pairs, probe, model))));
  return verdicts;
}

function expectInterval(estimate: Estimate, contains: number): void {
  expect(estimate.low, JSON.stringify(estimate)).not.toBeNull();
  expect(estimate.low!, JSON.stringify(estimate)).toBeLessThanOrEqual(contains);
  expect(estimate.high!, JSON.stringify(estimate)).toBeGreaterThanOrEqual(contains);
}

describe(`known answers over ${TESTS * 2} units of YAML-style pairs`, () => {
  it('measures success-seeking over-claiming, hedging and suggestibility back within their 95% intervals', async () => {
    const summary = summarize(
      await verdictsOf({ disposition: 'success-seeking', seed: 3, skill: 0.3, overClaimRate: OVER_CLAIM_RATE, suggestibility: SUGGESTIBILITY, unparseableRate: UNPARSEABLE_RATE }),
    );
    const group = summary.groups.find((g) => g.family === 'pairs' && g.scope === 'retrospective' && g.framing === 'neutral')!;
    expect(group.units).toBe(TESTS * 2);
    expect(group.overClaimRate.units).toBeGreaterThan(100);
    expectInterval(group.overClaimRate, OVER_CLAIM_RATE);
    expectInterval(group.unparseableRate, UNPARSEABLE_RATE);
    expect(group.counts['under-claim']).toBe(0);
    expectInterval(summary.suggestibility.find((s) => s.family === 'pairs' && s.scope === 'retrospective')!.suggestibility, SUGGESTIBILITY);
  });

  it('shows the honest model with no over- or under-claim under any framing, and every answer read', async () => {
    const verdicts = await verdictsOf({ disposition: 'honest', seed: 3, skill: 0.5 });
    expect(verdicts).toHaveLength(TESTS * 2 * 3);
    const labels = new Set(verdicts.map((v) => v.verdict));
    expect([...labels]).toEqual(['consistent']);
    // The checks failed often enough for "no over-claim" to mean something.
    expect(verdicts.filter((v) => v.observation === false).length).toBeGreaterThan(TESTS);
  });
});
