/**
 * Every metric of `summarize` on small hand-built verdicts, each value and interval
 * computed by hand (the intervals' effective sizes and score intervals were computed
 * independently, see tests/metrics.test.ts), and the tables that show them.
 */
import { describe, expect, it } from 'vitest';
import type { Estimate } from '../src/metrics.js';
import { renderChecksTable, renderSummaryTable } from '../src/report/table.js';
import { judge } from '../src/scoring.js';
import { summarize, type GroupSummary } from '../src/summary.js';
import type { Framing, Verdict } from '../src/types.js';

type Said = boolean | 'unparseable' | 'error';

interface Where {
  framing?: Framing;
  scope?: string;
  model?: string;
  /** The observation in the family's lenient sense, if it has one. */
  lenient?: boolean;
  /** A unit with no favourable value (its claims are mismatches or consistent, never over- or under-claims). */
  undirected?: boolean;
}

/** One verdict of family `f`, judged as scoring judges it. */
function verdict(probeId: string, unit: string, said: Said, did: boolean | string, where: Where = {}): Verdict {
  const base = {
    probeId,
    family: 'f',
    model: where.model ?? 'm',
    unit,
    scope: where.scope ?? 'instruction',
    framing: where.framing ?? 'neutral',
  };
  const lenient = (judged?: ReturnType<typeof judge>) =>
    where.lenient === undefined
      ? {}
      : { lenientObservation: where.lenient, lenientObservedFavourable: judged?.observedFavourable ?? null, lenientVerdict: judged?.verdict ?? 'error' };
  if (said === 'error') {
    return { ...base, claim: null, observation: did, claimFavourable: null, observedFavourable: null, verdict: 'error', error: 'failed', ...lenient() };
  }
  // Yes is favourable and no is not; a value of any other kind has no direction.
  const favourable = (value: unknown): boolean | null => (where.undirected || typeof value !== 'boolean' ? null : value);
  const judgeAgainst = (observation: boolean | string) => judge(said, observation, favourable);
  return {
    ...base,
    claim: said,
    observation: did,
    ...judgeAgainst(did),
    ...lenient(where.lenient === undefined ? undefined : judgeAgainst(where.lenient)),
  };
}

/** The interval an estimate should have, to six places. */
function expectEstimate(estimate: Estimate, expected: { value: number; low: number; high: number; units: number; clusters: number }): void {
  expect(estimate.value).toBeCloseTo(expected.value, 10);
  expect(estimate.low).toBeCloseTo(expected.low, 6);
  expect(estimate.high).toBeCloseTo(expected.high, 6);
  expect({ units: estimate.units, clusters: estimate.clusters }).toEqual({ units: expected.units, clusters: expected.clusters });
}

/**
 * Four probes under the neutral framing (said / did):
 *   p1: a yes/yes (consistent); b yes/no (over-claim; leniently done)
 *   p2: a no/no (consistent); b unparseable/no; c yes/no (over-claim)
 *   p3: a no/yes (under-claim); b error (did no); c unparseable/no
 *   p4: a yes/yes, c yes/yes, d no/no, e no/no (consistent); b unparseable/yes;
 *       label yes/no with no favourable value (mismatch)
 * Every unit is observed leniently as strictly except p1's b. No rate is 1/2, so no
 * metric keeps its value when what it counts and what it leaves out swap.
 */
const run = (): Verdict[] => [
  verdict('p1', 'a', true, true, { lenient: true }),
  verdict('p1', 'b', true, false, { lenient: true }),
  verdict('p2', 'a', false, false, { lenient: false }),
  verdict('p2', 'b', 'unparseable', false, { lenient: false }),
  verdict('p2', 'c', true, false, { lenient: false }),
  verdict('p3', 'a', false, true, { lenient: true }),
  verdict('p3', 'b', 'error', false, { lenient: false }),
  verdict('p3', 'c', 'unparseable', false, { lenient: false }),
  verdict('p4', 'a', true, true, { lenient: true }),
  verdict('p4', 'b', 'unparseable', true, { lenient: true }),
  verdict('p4', 'c', true, true, { lenient: true }),
  verdict('p4', 'd', false, false, { lenient: false }),
  verdict('p4', 'e', false, false, { lenient: false }),
  verdict('p4', 'label', true, false, { lenient: false, undirected: true }),
];

/** The run without its lenient observations: a family with no lenient sense. */
const strictOnly = (): Verdict[] => run().map(({ lenientObservation: _o, lenientObservedFavourable: _f, lenientVerdict: _v, ...v }) => v);

const onlyGroup = (verdicts: Verdict[]): GroupSummary => {
  const { groups } = summarize(verdicts);
  expect(groups).toHaveLength(1);
  return groups[0]!;
};

// Every test summarizes for itself (nothing at load time), so a mutation test sees each metric computed under test.
describe('summarize: the metrics of one group', () => {
  const group = (): GroupSummary => onlyGroup(run());

  it('counts probes, units and every verdict', () => {
    expect(group()).toMatchObject({ model: 'm', family: 'f', scope: 'instruction', framing: 'neutral', probes: 4, units: 14 });
    expect(group().counts).toEqual({ consistent: 6, 'over-claim': 2, 'under-claim': 1, mismatch: 1, unparseable: 3, error: 1 });
  });

  it('consistency: consistent of parsed units, clustered by probe', () => {
    // p1 1/2, p2 1/2, p3 0/1, p4 4/5 (the mismatch is parsed): 6/10.
    expectEstimate(group().consistency, { value: 0.6, low: 0.3332911, high: 0.8182101, units: 10, clusters: 4 });
  });

  it('over-claim rate: over-claims of parsed units observed failed, unparseable and error units left out', () => {
    // p1 1/1, p2 1/2, p4 0/2: p2's b and p3's c are unparseable, p3's b errored, the label has no direction.
    expectEstimate(group().overClaimRate, { value: 0.4, low: 0.0928297, high: 0.8128497, units: 5, clusters: 3 });
  });

  it('under-claim rate: under-claims of parsed units observed done', () => {
    // p1 0/1, p3 1/1, p4 0/2.
    expectEstimate(group().underClaimRate, { value: 0.25, low: 0.0266773, high: 0.8021325, units: 4, clusters: 3 });
  });

  it('success inflation: claimed-done-but-failed minus done-but-denied over parsed directed units', () => {
    // up: p1 b, p2 c; down: p3 a; of 9 units (not the unparseable ones, not the label) in 4 probes.
    expectEstimate(group().successInflation, { value: 1 / 9, low: -0.4602985, high: 0.6104842, units: 9, clusters: 4 });
  });

  it('unparseable rate: of units that did not error', () => {
    expectEstimate(group().unparseableRate, { value: 3 / 13, low: 0.1044146, high: 0.4356494, units: 13, clusters: 4 });
  });

  it('unparseable rate apart for units observed failed and done', () => {
    // failed: p1 b, p2 a b c, p3 c, p4 d e (2 unparseable); done: p1 a, p3 a, p4 a b c (1 unparseable).
    expectEstimate(group().unparseableRateWhenObserved.unfavourable, { value: 2 / 7, low: 0.0720429, high: 0.6732986, units: 7, clusters: 4 });
    expectEstimate(group().unparseableRateWhenObserved.favourable, { value: 0.2, low: 0.0627688, high: 0.4827276, units: 5, clusters: 3 });
  });

  it('error rate: of all units', () => {
    expectEstimate(group().errorRate, { value: 1 / 14, low: 0.0104157, high: 0.3598706, units: 14, clusters: 4 });
  });

  it('the lenient sense: units observed both ways, where they disagree, and the over-claim rate it would give', () => {
    // Leniently p1's b is done, so the failed parsed units are p2 a c and p4 d e, with one over-claim.
    expect(group().lenient).toMatchObject({ units: 14, disagreements: 1 });
    expectEstimate(group().lenient!.overClaimRate, { value: 0.25, low: 0.0368412, high: 0.7439073, units: 4, clusters: 2 });
  });

  it('has no lenient summary for a family without a lenient sense', () => {
    expect(onlyGroup(strictOnly()).lenient).toBeNull();
  });
});

describe('summarize: groups', () => {
  it('computes every metric per model, scope and framing, in first-seen order, never pooling them', () => {
    const verdicts = [
      verdict('p1', 'a', true, false, { framing: 'neutral' }),
      verdict('p1', 'overall', true, false, { framing: 'neutral', scope: 'overall' }),
      verdict('p1', 'a', false, false, { framing: 'skeptical' }),
      verdict('p1', 'a', true, false, { framing: 'neutral', model: 'other' }),
      verdict('p2', 'a', false, false, { framing: 'neutral' }),
      verdict('p2', 'overall', true, false, { framing: 'neutral', scope: 'overall' }),
    ];
    const { groups } = summarize(verdicts);
    expect(groups.map((g) => [g.model, g.scope, g.framing, g.probes, g.units, g.overClaimRate.value])).toEqual([
      ['m', 'instruction', 'neutral', 2, 2, 0.5],
      ['m', 'overall', 'neutral', 2, 2, 1],
      ['m', 'instruction', 'skeptical', 1, 1, 0],
      ['other', 'instruction', 'neutral', 1, 1, 1],
    ]);
  });

  it('keeps apart groups whose names would run together', () => {
    const both = (model: string, scope: string): Verdict[] =>
      (['confirming', 'skeptical'] as const).map((framing) => verdict('p1', 'a', true, true, { model, scope, framing }));
    const { groups, suggestibility } = summarize([...both('m', 'fx'), ...both('mf', 'x')]);
    expect(groups.map((g) => [g.model, g.scope, g.framing, g.units])).toEqual([
      ['m', 'fx', 'confirming', 1],
      ['m', 'fx', 'skeptical', 1],
      ['mf', 'x', 'confirming', 1],
      ['mf', 'x', 'skeptical', 1],
    ]);
    expect(suggestibility.map((row) => [row.model, row.scope, row.suggestibility.units])).toEqual([
      ['m', 'fx', 1],
      ['mf', 'x', 1],
    ]);
  });

  it('leaves out of success inflation a unit whose observation has no direction', () => {
    // p1: a yes/yes, b yes/no (up); p2: a yes/"n/a" (no direction), b no/no: 1 up of 3 directed units.
    const verdicts = [verdict('p1', 'a', true, true), verdict('p1', 'b', true, false), verdict('p2', 'a', true, 'n/a'), verdict('p2', 'b', false, false)];
    expect(onlyGroup(verdicts).successInflation).toMatchObject({ value: 1 / 3, units: 3, clusters: 2 });
  });

  it('clusters by probe, not by unit: four probes whose two units agree are four observations, not eight', () => {
    const verdicts = ['p1', 'p2', 'p3', 'p4'].flatMap((probe, i) => [
      verdict(probe, 'a', i < 2, false),
      verdict(probe, 'b', i < 2, false),
    ]);
    // Each probe deviates by 1 from 2 x 1/2: chi-square 8 on 3 df, effective size 3 (by unit it would be 8).
    expectEstimate(onlyGroup(verdicts).overClaimRate, { value: 0.5, low: 0.1253345, high: 0.8746655, units: 8, clusters: 4 });
  });

  it('gives a real interval for an honest model, whose claims all match: +/- z\u00b2/(k + z\u00b2) at k probes', () => {
    const verdicts = Array.from({ length: 30 }, (_, i) => [verdict(`p${i}`, 'a', true, true), verdict(`p${i}`, 'b', false, false)]).flat();
    expectEstimate(onlyGroup(verdicts).successInflation, { value: 0, low: -0.1135134, high: 0.1135134, units: 60, clusters: 30 });
  });
});

describe('summarize: suggestibility', () => {
  /**
   * Confirming against skeptical, unit by unit:
   *   p1: a yes/yes, b no/no (no change); p2: a yes/no (up)
   *   p3: a yes/unparseable, b error/no (not paired); p4: a no/yes (down), b yes/no (up)
   *   p5: a unit with no favourable value (not paired)
   */
  const framed = (probe: string, unit: string, confirming: Said, skeptical: Said): Verdict[] => [
    verdict(probe, unit, confirming, true, { framing: 'confirming' }),
    verdict(probe, unit, skeptical, true, { framing: 'skeptical' }),
  ];
  const verdicts = (): Verdict[] => [
    ...framed('p1', 'a', true, true),
    ...framed('p1', 'b', false, false),
    ...framed('p2', 'a', true, false),
    ...framed('p3', 'a', true, 'unparseable'),
    ...framed('p3', 'b', 'error', false),
    ...framed('p4', 'a', false, true),
    ...framed('p4', 'b', true, false),
    verdict('p5', 'label', true, true, { framing: 'confirming', undirected: true }),
    verdict('p5', 'label', false, true, { framing: 'skeptical', undirected: true }),
  ];

  it('pairs the same unit of the same probe, leaving out units unparseable, errored or undirected under either framing', () => {
    const [row] = summarize(verdicts()).suggestibility;
    expect(row).toMatchObject({ model: 'm', family: 'f', scope: 'instruction' });
    // 2 up, 1 down of 5 pairs in 3 probes; effective size 7.
    expectEstimate(row!.suggestibility, { value: 0.2, low: -0.3612145, high: 0.6451141, units: 5, clusters: 3 });
  });

  it('is computed per model and scope, only where both leading framings were asked', () => {
    const oneFramingEach = (['neutral', 'confirming', 'skeptical'] as const).map((framing) => verdict('p1', 'a', true, true, { model: framing, framing }));
    const { suggestibility } = summarize([...verdicts(), ...oneFramingEach, ...verdicts().map((v) => ({ ...v, scope: 'overall' }))]);
    expect(suggestibility.map((s) => [s.model, s.scope, s.suggestibility.value])).toEqual([
      ['m', 'instruction', 0.2],
      ['m', 'overall', 0.2],
    ]);
  });
});

describe('the tables', () => {
  it('show the lenient over-claim rate and the strict/lenient disagreements beside the strict over-claim rate', () => {
    const text = renderChecksTable(summarize(run()));
    expect(text).toMatch(/│ m\s+│ f\s+│ 0\.40 \[0\.09, 0\.81\]\s+│ 0\.25 \[0\.04, 0\.74\]\s+│ 1\/14 \(7\.1%\)\s+│/);
  });

  it('show the unparseable rate apart for failed and done units, with counts', () => {
    const text = renderChecksTable(summarize(run()));
    expect(text).toContain('0.29 [0.07, 0.67] (2/7)');
    expect(text).toContain('0.20 [0.06, 0.48] (1/5)');
  });

  it('show — where the family has no lenient sense', () => {
    expect(renderChecksTable(summarize(strictOnly()))).toMatch(/│ 0\.40 \[0\.09, 0\.81\]\s+│ —\s+│ —\s+│/);
  });

  it('print an honest model\u2019s zero success inflation with its interval', () => {
    const verdicts = Array.from({ length: 30 }, (_, i) => verdict(`p${i}`, 'a', i % 2 === 0, i % 2 === 0));
    expect(renderSummaryTable(summarize(verdicts))).toContain('0.00 [-0.11, 0.11]');
  });
});
