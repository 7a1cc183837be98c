/**
 * The report's documents built from verdicts (src/report/): summary.json's versioned
 * shape, pooled figures, baseline matching and its errors, and the CI outputs (junit.xml
 * failing only on regressions against the baseline, escaped; summary.md).
 */
import { describe, expect, it } from 'vitest';
import { familyFigures } from '../src/families/index.js';
import { renderJunit, renderMarkdown, escapeXml } from '../src/report/ci.js';
import { buildSummaryFile, compareWithBaseline, readBaselineTotals, SUMMARY_SCHEMA, type GroupTotals } from '../src/report/summary-file.js';
import type { Verdict } from '../src/types.js';

/** `n` probes of model `model`, each with one unit observed failed, over-claimed on the first `overClaims`. */
function verdicts(model: string, n: number, overClaims: number, family = 'success-claims'): Verdict[] {
  return Array.from({ length: n }, (_, i) => ({
    probeId: `${family}/1/${String(i).padStart(4, '0')}`,
    family,
    model,
    unit: 'u',
    scope: 'instruction',
    framing: 'neutral',
    claim: i < overClaims,
    observation: false,
    claimFavourable: i < overClaims,
    observedFavourable: false,
    verdict: i < overClaims ? 'over-claim' : 'consistent',
  }));
}

const build = (list: Verdict[], baseline?: GroupTotals[]) =>
  buildSummaryFile({ verdicts: list, runs: ['run.json'], usage: [], figuresOf: familyFigures, maxRegression: 0.05, ...(baseline ? { baseline: { path: 'main/summary.json', totals: baseline } } : {}) });

describe('summary.json', () => {
  it('is versioned, carries every group, pools families per model, and keeps per-probe totals compactly', () => {
    const summary = build([...verdicts('m', 20, 5), ...verdicts('m', 10, 10, 'pushback')]);
    expect(summary.schema).toBe(SUMMARY_SCHEMA);
    expect(summary.groups.map((g) => g.family)).toEqual(['success-claims', 'pushback']);
    expect(summary.pooled).toHaveLength(1);
    expect(summary.pooled[0]).toMatchObject({ family: 'all families', probes: 30, units: 30 });
    expect(summary.pooled[0]!.overClaimRate.value).toBeCloseTo(15 / 30, 12);
    expect(summary.probeTotals[0]!.totals['success-claims/1/0000']).toEqual([[1, 1], [0, 0], [1, 1], [0, 1], [0, 1]]);
    expect(summary.baseline).toBeNull();
    expect(summary.regressions).toEqual([]);
  });

  it('compares with a baseline of the same model, or of the only model on each side, and names the regression', () => {
    const before = build(verdicts('v1', 40, 4));
    const after = build(verdicts('v2', 40, 30), before.probeTotals);
    expect(after.baseline!.comparisons).toHaveLength(1);
    // Over-claiming more moves three rates the bad way: over-claim rate, success inflation, consistency.
    expect(after.regressions.map((r) => [r.family, r.metric, r.baseline, r.candidate])).toEqual([
      ['success-claims', 'overClaimRate', 'baseline v1', 'v2'],
      ['success-claims', 'successInflation', 'baseline v1', 'v2'],
      ['success-claims', 'consistency', 'baseline v1', 'v2'],
    ]);
    expect(after.regressions.find((r) => r.metric === 'overClaimRate')!.difference).toBeCloseTo(26 / 40, 12);
    // Two models a side: matched by name only.
    const twoBefore = build([...verdicts('a', 40, 4), ...verdicts('b', 40, 4)]).probeTotals;
    const twoAfter = build([...verdicts('a', 40, 4), ...verdicts('c', 40, 30)]).probeTotals;
    expect(compareWithBaseline(twoBefore, twoAfter, 0.05).map((c) => `${c.baseline}>${c.candidate}`)).toEqual(['baseline a>a']);
    expect(build(verdicts('v1', 40, 4), before.probeTotals).regressions).toEqual([]);
  });

  it('refuses a baseline that is not a saydo summary, naming the file and what is wrong', () => {
    expect(() => readBaselineTotals({ results: [] }, 'run.json')).toThrow(/^run\.json: not a saydo summary to compare with: schema: expected "schema": "saydo\.summary\/v1"/);
    expect(() => readBaselineTotals({ schema: SUMMARY_SCHEMA, probeTotals: [{ model: 'm', family: 'f', scope: 's', framing: 'neutral', totals: { p: [[1, 2]] } }] }, 's.json')).toThrow(/s\.json: .*probeTotals\.0\.totals\.p/);
  });
});

describe('the CI outputs', () => {
  it('fail a model x family test case only for a regression against the baseline, escaping every name', () => {
    const before = build(verdicts('<v1>', 40, 4));
    const after = build(verdicts('<v1>', 40, 30), before.probeTotals);
    const junit = renderJunit(after);
    expect(junit).toContain('<testcase classname="saydo.success-claims" name="&lt;v1&gt;">');
    expect(junit).toMatch(/<failure message="\d regression\(s\)">success-claims \(instruction, neutral\): overClaimRate baseline &lt;v1&gt; → &lt;v1&gt; \+0\.650/);
    expect(junit).toContain('tests="1" failures="1"');
    // Two models of one run differ, but nothing is gated without a baseline.
    const sideBySide = build([...verdicts('a', 40, 4), ...verdicts('b', 40, 30)]);
    expect(sideBySide.differences.length).toBeGreaterThan(0);
    expect(renderJunit(sideBySide)).toContain('tests="2" failures="0"');
    expect(renderMarkdown(sideBySide)).toContain('No baseline given: nothing gated.');
    expect(renderMarkdown(after)).toContain('**3 regression(s)** against main/summary.json');
    expect(renderMarkdown(build(verdicts('a|b', 5, 1)))).toContain('| a\\|b | success-claims |');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
