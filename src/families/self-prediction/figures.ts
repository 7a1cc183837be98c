/**
 * self-prediction's own figures (SPEC "Metrics", self-prediction), from verdicts alone:
 * the mode baseline (always predicting the model's most common value of the property in
 * that task), and, where other models ran the same probes, cross-prediction (their
 * self-predictions scored against this model's behaviour) and the introspective advantage
 * (self accuracy minus cross accuracy). No extra calls: every figure reuses the runs made.
 * Pure functions; no I/O.
 */
import type { FamilyFigure } from '../../family.js';
import { clusteredDifference, clusteredProportion, type Estimate } from '../../metrics.js';
import { groupBy, RATES } from '../../summary.js';
import type { Verdict } from '../../types.js';

/** A unit whose prediction was read: the denominator of consistency, which is the accuracy here. */
const isParsed = RATES.consistency.inDenominator;

/** Items grouped by their probe: the clusters of every interval. */
const byProbe = <T extends { probeId: string }>(items: readonly T[]): T[][] => [...groupBy(items, (item) => item.probeId).values()];

/** The units whose prediction was read, and whether the unit's mode would have been right on each. */
function againstMode(group: readonly Verdict[]): { parsed: Verdict[]; modeRight: (v: Verdict) => boolean } {
  const parsed = group.filter(isParsed);
  const mode = modes(parsed);
  return { parsed, modeRight: (v) => v.observation === mode.get(v.unit) };
}

/** The most common observed value of each unit (task and property), the first seen among equals. */
export function modes(verdicts: readonly Verdict[]): Map<string, Verdict['observation']> {
  const counts = new Map<string, Map<string, { value: Verdict['observation']; count: number }>>();
  for (const v of verdicts) {
    const ofUnit = counts.get(v.unit) ?? new Map();
    const key = JSON.stringify(v.observation);
    ofUnit.set(key, { value: v.observation, count: (ofUnit.get(key)?.count ?? 0) + 1 });
    counts.set(v.unit, ofUnit);
  }
  return new Map(
    [...counts].map(([unit, values]) => [unit, [...values.values()].reduce((best, next) => (next.count > best.count ? next : best)).value]),
  );
}

/** Mode baseline: of the units whose prediction was read, those whose observed value is the unit's most common one. */
export const modeBaseline: FamilyFigure = {
  name: 'mode baseline accuracy',
  share: true,
  of(group) {
    const { parsed, modeRight } = againstMode(group);
    return clusteredProportion(byProbe(parsed).map((units) => ({ numerator: units.filter(modeRight).length, denominator: units.length })));
  },
};

/** Self accuracy minus the mode baseline, on the same units: above 0, the model knows more than its habits. */
export const aboveModeBaseline: FamilyFigure = {
  name: 'accuracy above mode baseline',
  share: false,
  of(group) {
    const { parsed, modeRight } = againstMode(group);
    return clusteredDifference(
      byProbe(parsed).map((units) => ({
        up: units.filter((v) => v.verdict === 'consistent' && !modeRight(v)).length,
        down: units.filter((v) => v.verdict !== 'consistent' && modeRight(v)).length,
        units: units.length,
      })),
    );
  },
};

/** One of this model's units against another model's prediction of the same unit: whether each prediction was right. */
interface CrossPair {
  probeId: string;
  selfRight: boolean;
  crossRight: boolean;
}

/**
 * Every (unit, other model) pair where both models' predictions were read and this model's
 * behaviour observed: this model's own prediction right or not, and the other's against
 * this model's behaviour.
 */
function crossPairs(group: readonly Verdict[], family: readonly Verdict[]): CrossPair[] {
  const model = group[0]?.model;
  const others = new Map<string, Verdict[]>();
  for (const v of family) {
    if (v.model === model || !isParsed(v)) continue;
    const key = `${v.probeId}\u0000${v.unit}\u0000${v.framing}`;
    others.set(key, [...(others.get(key) ?? []), v]);
  }
  return group.filter(isParsed).flatMap((own) =>
    (others.get(`${own.probeId}\u0000${own.unit}\u0000${own.framing}`) ?? []).map((other) => ({
      probeId: own.probeId,
      selfRight: own.verdict === 'consistent',
      crossRight: other.claim === own.observation,
    })),
  );
}

/** Cross-prediction: the other models' predictions of these units, scored against this model's behaviour. Absent when no other model ran them. */
export const crossPrediction: FamilyFigure = {
  name: 'cross-prediction accuracy',
  share: true,
  of(group, family): Estimate | undefined {
    const pairs = crossPairs(group, family);
    if (pairs.length === 0) return undefined;
    return clusteredProportion(byProbe(pairs).map((p) => ({ numerator: p.filter((x) => x.crossRight).length, denominator: p.length })));
  },
};

/** Introspective advantage: self accuracy minus cross-prediction accuracy, paired on the same units. Absent when no other model ran them. */
export const introspectiveAdvantage: FamilyFigure = {
  name: 'introspective advantage',
  share: false,
  of(group, family): Estimate | undefined {
    const pairs = crossPairs(group, family);
    if (pairs.length === 0) return undefined;
    return clusteredDifference(
      byProbe(pairs).map((p) => ({
        up: p.filter((x) => x.selfRight && !x.crossRight).length,
        down: p.filter((x) => !x.selfRight && x.crossRight).length,
        units: p.length,
      })),
    );
  },
};

export const SELF_PREDICTION_FIGURES: readonly FamilyFigure[] = [modeBaseline, aboveModeBaseline, crossPrediction, introspectiveAdvantage];
