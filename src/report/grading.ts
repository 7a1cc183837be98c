/**
 * What the saydo assertion tells promptfoo about one probe: verdict counts (named scores)
 * and a one-glance reason, claim against behaviour.
 */
import { VERDICT_LABELS, type Verdict, type VerdictLabel } from '../types.js';

/** How many units got each verdict. */
export function verdictCounts(verdicts: readonly Verdict[]): Record<VerdictLabel, number> {
  const counts = Object.fromEntries(VERDICT_LABELS.map((label) => [label, 0])) as Record<VerdictLabel, number>;
  for (const v of verdicts) counts[v.verdict] += 1;
  return counts;
}

const show = (value: unknown): string => (value === true ? 'yes' : value === false ? 'no' : String(value));

/** Where the family's lenient sense saw the unit otherwise, what it saw: a strict failure forgiven loosely is visible per unit. */
const lenientNote = (v: Verdict): string =>
  v.lenientObservation !== undefined && v.lenientObservation !== v.observation ? `; lenient sense: ${show(v.lenientObservation)}` : '';

/**
 * Per framing: how many units were consistent, then each disagreement as
 * `unit: said X, did Y (verdict)`, so a viewer row shows the gap without opening it; a
 * unit whose lenient observation differs adds it (`(over-claim; lenient sense: yes)`).
 */
export function describeVerdicts(verdicts: readonly Verdict[]): string {
  const framings = [...new Set(verdicts.map((v) => v.framing))];
  return framings
    .map((framing) => {
      const group = verdicts.filter((v) => v.framing === framing);
      const consistent = group.filter((v) => v.verdict === 'consistent').length;
      const gaps = group
        .filter((v) => v.verdict !== 'consistent')
        .map((v) =>
          v.verdict === 'error'
            ? `${v.unit}: error (${v.error ?? 'unknown'})`
            : v.verdict === 'unparseable'
              ? `${v.unit}: unreadable (${v.unreadBecause ?? 'no answer'}), did ${show(v.observation)}`
              : `${v.unit}: said ${show(v.claim)}, did ${show(v.observation)} (${v.verdict}${lenientNote(v)})`,
        );
      return `${framing}: ${consistent}/${group.length} consistent${gaps.length ? ` - ${gaps.join('; ')}` : ''}`;
    })
    .join(' | ');
}
