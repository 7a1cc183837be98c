/**
 * The summary table printed at the end of a run: one row per model x family (x scope),
 * headline framing, every rate with its 95% interval.
 */
import Table from 'cli-table3';
import type { Estimate } from '../metrics.js';
import type { GroupSummary, RunSummary } from '../summary.js';
import type { UsageSummary } from '../usage.js';

/** `0.60 [0.54, 0.66]`; where no interval can be computed, the reason instead. */
export function formatEstimate(estimate: Estimate, digits = 2): string {
  if (estimate.value === null) return `n/a (${estimate.note ?? 'no units'})`;
  const value = estimate.value.toFixed(digits);
  if (estimate.low === null || estimate.high === null) return `${value} (no CI: ${estimate.note ?? 'n too small'})`;
  return `${value} [${estimate.low.toFixed(digits)}, ${estimate.high.toFixed(digits)}]`;
}

/** `count/units (share)` for a verdict count that is shown as such, never folded into a rate. */
export function formatCount(count: number, of: number): string {
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

/** A rate with the count it comes from: `0.04 [0.01, 0.12] (3/70)`. */
function formatCountedEstimate(estimate: Estimate): string {
  if (estimate.value === null) return formatEstimate(estimate);
  return `${formatEstimate(estimate)} (${Math.round(estimate.value * estimate.units)}/${estimate.units})`;
}

/** The row's label for a group: its family, and its scope after the family's first. */
function familyLabel(group: GroupSummary, summary: RunSummary): string {
  return isFirstScope(group, summary) ? group.family : `${group.family} (${group.scope})`;
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
      familyLabel(group, summary),
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

/**
 * The checks beside the headline (same rows): the over-claim rate had the family's
 * lenient sense decided, how many units the two senses disagree on, and whether the
 * unparseable reports fall on failed units.
 */
export function renderChecksTable(summary: RunSummary): string {
  const table = new Table({
    head: ['model', 'family', 'over-claim rate', 'over-claim (lenient)', 'strict≠lenient', 'unparseable when failed', 'unparseable when succeeded'],
    style: { head: [], border: [] },
  });
  for (const group of summary.groups.filter((g) => isHeadline(g, summary))) {
    table.push([
      group.model,
      familyLabel(group, summary),
      formatEstimate(group.overClaimRate),
      group.lenient ? formatEstimate(group.lenient.overClaimRate) : '—',
      group.lenient ? formatCount(group.lenient.disagreements, group.lenient.units) : '—',
      formatCountedEstimate(group.unparseableRateWhenObserved.unfavourable),
      formatCountedEstimate(group.unparseableRateWhenObserved.favourable),
    ]);
  }
  return (
    `${table.toString()}\nStrict observations decide every verdict; lenient: the family's lenient sense ` +
    `(success-claims: IFEval's loose), — where it has none. Failed / succeeded: the unit's observation.`
  );
}

/**
 * The confidence table, where claims state a probability (calibration): per model, family
 * and scope, under the first framing, how the stated probabilities match the outcomes.
 * Empty where no claim states one.
 */
export function renderConfidenceTable(summary: RunSummary): string {
  const groups = summary.groups.filter((g) => g.confidence !== null && isHeadline(g, summary));
  if (groups.length === 0) return '';
  const table = new Table({
    head: ['model', 'family', 'units', 'Brier score', 'ECE (10 bins)', 'over-confidence', 'AUROC'],
    style: { head: [], border: [] },
  });
  for (const group of groups) {
    const { brier, expectedCalibrationError, overConfidence, auroc } = group.confidence!;
    table.push([group.model, familyLabel(group, summary), String(brier.units), formatEstimate(brier), formatEstimate(expectedCalibrationError), formatEstimate(overConfidence), formatEstimate(auroc)]);
  }
  return (
    `${table.toString()}\nStated probability of being correct against correctness (bootstrap 95% intervals over probes); ` +
    `over-confidence = mean stated probability - accuracy. Framing: ${HEADLINE_NOTE}.`
  );
}

/**
 * The families' own figures (pushback's flip rates, self-prediction's baselines): per
 * model, family and scope, under the first framing, a row per figure. Empty where no
 * family in the run has one.
 */
export function renderFiguresTable(summary: RunSummary): string {
  const groups = summary.groups.filter((g) => g.figures.length > 0 && isHeadline(g, summary));
  if (groups.length === 0) return '';
  const table = new Table({ head: ['model', 'family', 'figure', 'value'], style: { head: [], border: [] } });
  for (const group of groups) {
    for (const { name, share, estimate } of group.figures) {
      table.push([group.model, familyLabel(group, summary), name, share ? formatCountedEstimate(estimate) : formatEstimate(estimate)]);
    }
  }
  return `${table.toString()}\nEach family's own figures (README, "Families"), value [95% interval], (count/units) for a share; units clustered by probe.`;
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
