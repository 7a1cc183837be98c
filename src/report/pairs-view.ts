/**
 * Pairs read by what each unit checks: the same verdicts regrouped by the assertion's
 * type and by the metric name the suite gave it, and summarized by the same code as the
 * headline table (one summary, several views).
 */
import Table from 'cli-table3';
import type { PairItem } from '../families/pairs/index.js';
import type { SavedResult } from '../results.js';
import { summarize, type RunSummary } from '../summary.js';
import type { Verdict } from '../types.js';
import { formatCount, formatEstimate } from './table.js';

export interface PairsByCheck {
  byType: RunSummary;
  byMetric: RunSummary;
  /** Every assertion left out of the units, once per test (not per model): the test, the assertion and why. */
  unpaired: { test: string; assertion: string; reason: string }[];
}

/** The pairs' verdicts regrouped: scope `retrospective: contains` (by type) and `retrospective: keywords` (by metric; units without one left out). */
export function pairsByCheck(verdicts: readonly Verdict[], results: readonly SavedResult[]): PairsByCheck {
  const items = new Map(results.filter((r) => r.probe.family === 'pairs').map((r) => [r.probe.id, r.probe.item as PairItem]));
  const regrouped = (label: (check: PairItem['checks'][number]) => string | undefined): Verdict[] =>
    verdicts.flatMap((verdict) => {
      const check = items.get(verdict.probeId)?.checks.find((c) => verdict.unit === c.unit || verdict.unit.startsWith(`${c.unit} (`));
      const name = check && label(check);
      return name === undefined ? [] : [{ ...verdict, scope: `${verdict.scope}: ${name}` }];
    });
  const unpaired = [...items.values()].flatMap((item) => item.unpaired.map((u) => ({ test: item.title, assertion: `${u.index}:${u.type}`, reason: u.reason })));
  return { byType: summarize(regrouped((c) => c.type)), byMetric: summarize(regrouped((c) => c.metric)), unpaired };
}

/** The view as text: one row per model, protocol and type (then metric), the first framing. */
export function renderPairsByCheck(view: PairsByCheck): string {
  const table = new Table({
    head: ['model', 'checks', 'probes', 'units', 'over-claim rate', 'under-claim rate', 'unparseable', 'errors'],
    style: { head: [], border: [] },
  });
  const rows = (summary: RunSummary, kind: string) => {
    const neutral = summary.groups.filter((g) => g.framing === 'neutral');
    // By check first, then model: the models' rows of one check stand together.
    neutral.sort((a, b) => a.scope.localeCompare(b.scope) || a.model.localeCompare(b.model));
    for (const group of neutral) {
      table.push([
        group.model,
        `${kind} ${group.scope}`,
        String(group.probes),
        String(group.units),
        formatEstimate(group.overClaimRate),
        formatEstimate(group.underClaimRate),
        formatCount(group.counts.unparseable, group.units - group.counts.error),
        formatCount(group.counts.error, group.units),
      ]);
    }
  };
  rows(view.byType, 'type');
  rows(view.byMetric, 'metric');
  const leftOut = view.unpaired.map((u) => `\n  ${u.test}: ${u.assertion} left out: it ${u.reason}`).join('');
  return (
    `${table.toString()}\npairs by what they check: each assertion type, then each metric name the suite gave (neutral framing).` +
    (leftOut ? `\nAssertions not paired (promptfoo still grades them):${leftOut}` : '')
  );
}
