/**
 * The summary table printed at the end of a run: one row per model x family (x scope),
 * headline framing, every rate with its 95% interval.
 */
import Table from 'cli-table3';
import type { Estimate } from '../metrics.js';
import type { GroupSummary, RunSummary } from '../summary.js';
import type { UsageSummary } from '../usage.js';

/** `0.60 [0.54, 0.66]`; where no interval can be computed, the reason instead. */
function formatEstimate(estimate: Estimate, digits = 2): string {
  if (estimate.value === null) return `n/a (${estimate.note ?? 'no units'})`;
  const value = estimate.value.toFixed(digits);
  if (estimate.low === null || estimate.high === null) return `${value} (no CI: ${estimate.note ?? 'n too small'})`;
  return `${value} [${estimate.low.toFixed(digits)}, ${estimate.high.toFixed(digits)}]`;
}

/** `count/units (share)` for a verdict count that is shown as such, never folded into a rate. */
function formatCount(count: number, of: number): string {
  return of === 0 ? '0' : `${count}/${of} (${((100 * count) / of).toFixed(1)}%)`;
}

function isHeadline(group: GroupSummary, summary: RunSummary): boolean {
  const first = summary.groups.find((g) => g.model === group.model && g.family === group.family && g.scope === group.scope);
  return first?.framing === group.framing;
}

const HEADLINE_NOTE = 'the first of each family (neutral); every framing is in summary.json';

/** A family's first scope is its headline one and is labelled by the family alone. */
function isFirstScope(group: GroupSummary, summary: RunSummary): boolean {
  return summary.groups.find((g) => g.model === group.model && g.family === group.family)?.scope === group.scope;
}

/** The headline table (first framing of each family) as text, ready to print. */
export function renderSummaryTable(summary: RunSummary): string {
  const table = new Table({
    head: ['model', 'family', 'probes', 'units', 'consistency', 'over-claim rate', 'under-claim rate', 'success inflation', 'suggestibility', 'unparseable', 'errors'],
    style: { head: [], border: [] },
  });
  for (const group of summary.groups.filter((g) => isHeadline(g, summary))) {
    const suggestibility = summary.suggestibility.find(
      (s) => s.model === group.model && s.family === group.family && s.scope === group.scope,
    );
    table.push([
      group.model,
      isFirstScope(group, summary) ? group.family : `${group.family} (${group.scope})`,
      String(group.probes),
      String(group.units),
      formatEstimate(group.consistency),
      formatEstimate(group.overClaimRate),
      formatEstimate(group.underClaimRate),
      formatEstimate(group.successInflation),
      suggestibility ? formatEstimate(suggestibility.suggestibility) : '—',
      formatCount(group.counts.unparseable, group.units - group.counts.error),
      formatCount(group.counts.error, group.units),
    ]);
  }
  return `${table.toString()}\nRates: value [95% interval], units clustered by probe. Framing: ${HEADLINE_NOTE}.`;
}

/** The usage table: calls, tokens and cost per model and family. */
export function renderUsageTable(rows: readonly UsageSummary[]): string {
  const table = new Table({
    head: ['model', 'family', 'probes', 'calls', 'failed calls', 'cached calls', 'input tokens', 'output tokens', 'cost (USD)'],
    style: { head: [], border: [] },
  });
  for (const row of rows) {
    table.push([
      row.model,
      row.family,
      String(row.probes),
      String(row.calls),
      String(row.failedCalls),
      String(row.cachedCalls),
      row.inputTokens.toLocaleString('en-US'),
      row.outputTokens.toLocaleString('en-US'),
      row.cost === null ? 'unknown price' : row.cost.toFixed(4),
    ]);
  }
  return table.toString();
}
