/**
 * Interval estimates for rates over clustered units (SPEC "Intervals"). Units of one
 * probe are correlated, so every interval treats the probe as the sampling unit: it is a
 * score interval (Wilson's for a proportion, Tango's for a difference of two shares of
 * the same units) computed at the effective sample size, the units divided by the design
 * effect that the probes' dispersion shows. docs/measurement.md gives the measured
 * coverage. Pure functions; no I/O.
 */

/** 1.96: the two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

/** A rate with its 95% interval; `low`/`high` are null when the interval cannot be computed, and `note` says why. */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
  /** Units in the denominator. */
  units: number;
  /** Probes (clusters) contributing to the denominator. */
  clusters: number;
  note?: string;
}

/** One probe's contribution to a proportion: units counted, out of its units in the denominator. */
export interface ClusterTotals {
  numerator: number;
  denominator: number;
}

/**
 * One probe's contribution to a difference of two shares of the same units: units that
 * count +1 (`up`), units that count -1 (`down`), and all its units (the rest count 0).
 */
export interface ClusterCells {
  up: number;
  down: number;
  units: number;
}

/** A probe's deviation from the pooled estimate (its sum minus the estimate times its units), and its units. */
export interface Deviation {
  deviation: number;
  units: number;
}

const MIN_CLUSTERS = 2;

/** An interval's ends. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for `successes` out of `n` independent trials (n may be an
 * effective size); 95% unless another two-sided `quantile` is given.
 */
export function wilsonInterval(successes: number, n: number, quantile = Z95): Interval {
  const p = successes / n;
  const z2 = quantile * quantile;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (quantile * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // Wilson's interval lies within [0, 1]; at 0 or n successes one end is exactly 0 or 1, set so rounding cannot move it.
  return { low: successes === 0 ? 0 : centre - halfWidth, high: successes === n ? 1 : centre + halfWidth };
}

/**
 * The effective sample size of clustered units: the units over the design effect, which
 * is the probes' dispersion (Pearson's chi-square of their deviations, each over its
 * units times `unitVariance`, divided by its k - 1 degrees of freedom). With one unit a
 * probe the units are the sample. When the probes show no variation at all (every unit
 * alike, or every probe exactly at the pooled value) the data cannot show how a probe's
 * units go together, so each probe counts once.
 */
export function effectiveSize(clusters: readonly Deviation[], unitVariance: number): number {
  const units = clusters.reduce((sum, c) => sum + c.units, 0);
  if (clusters.every((c) => c.units === 1)) return units;
  const chiSquare =
    unitVariance > 0 ? clusters.reduce((sum, c) => sum + (c.deviation * c.deviation) / (c.units * unitVariance), 0) : 0;
  if (chiSquare === 0) return clusters.length;
  return (units * (clusters.length - 1)) / chiSquare;
}

/**
 * The point estimate over the clusters that have units, with the interval `interval`
 * computes, or the reason there is none.
 */
function clusteredEstimate<Cluster>(
  clusters: readonly Cluster[],
  unitsOf: (cluster: Cluster) => number,
  valueOf: (used: Cluster[], units: number) => number,
  interval: (used: Cluster[], value: number, units: number) => Interval,
): Estimate {
  const used = clusters.filter((c) => unitsOf(c) > 0);
  const units = used.reduce((sum, c) => sum + unitsOf(c), 0);
  if (units === 0) return { value: null, low: null, high: null, units: 0, clusters: 0, note: 'no units' };
  const value = valueOf(used, units);
  const base = { value, units, clusters: used.length };
  if (used.length < MIN_CLUSTERS) return { ...base, low: null, high: null, note: `only ${used.length} probe` };
  return { ...base, ...interval(used, value, units) };
}

/**
 * A proportion over clustered 0/1 units with a 95% interval: Wilson's interval at the
 * effective sample size. With one unit a probe this is the plain Wilson interval; at a
 * rate of 0 or 1 it stays informative, with the probes as the sample.
 */
export function clusteredProportion(clusters: readonly ClusterTotals[]): Estimate {
  return clusteredEstimate(
    clusters,
    (c) => c.denominator,
    (used, units) => used.reduce((sum, c) => sum + c.numerator, 0) / units,
    (used, value, units) => {
      const counted = used.reduce((sum, c) => sum + c.numerator, 0);
      // Deviations from whole counts, divided once, so a probe exactly at the pooled rate deviates by exactly 0.
      const deviations = used.map((c) => ({ deviation: (c.numerator * units - counted * c.denominator) / units, units: c.denominator }));
      const size = effectiveSize(deviations, value * (1 - value));
      return wilsonInterval(value * size, size);
    },
  );
}

/**
 * Tango's score statistic for "share up minus share down = d" given `up` and `down` of
 * `n` units: the observed difference minus d, over its standard error with the share
 * down at its most likely value given d (the larger root of the likelihood equation's
 * quadratic, which is that value for every d in (-1, 1)).
 */
function pairedScore(up: number, down: number, n: number, d: number): number {
  const rest = n - up - down;
  const w = up * (1 - d) + down * (1 - 3 * d) - 2 * rest * d;
  const downShare = (w + Math.sqrt(w * w + 8 * n * down * d * (1 - d))) / (4 * n);
  return ((up - down) / n - d) / Math.sqrt((2 * downShare + d - d * d) / n);
}

/** The d in [from, to] where a decreasing `score` crosses `level`: bisection down to adjacent numbers. */
function crossing(score: (d: number) => number, level: number, from: number, to: number): number {
  let below = from;
  let above = to;
  for (;;) {
    const middle = (below + above) / 2;
    if (middle <= below || middle >= above) return middle;
    if (score(middle) > level) below = middle;
    else above = middle;
  }
}

/**
 * Tango's score interval for the difference of two shares of `n` units, `up` of them
 * counting +1 and `down` counting -1 (n, up and down may be effective sizes); 95%
 * unless another two-sided `quantile` is given.
 */
export function pairedScoreInterval(up: number, down: number, n: number, quantile = Z95): Interval {
  const value = (up - down) / n;
  const score = (d: number): number => pairedScore(up, down, n, d);
  return { low: crossing(score, quantile, -1, value), high: crossing(score, -quantile, value, 1) };
}

/**
 * A difference of two shares of the same clustered units (share up minus share down,
 * e.g. claimed-but-failed minus succeeded-but-denied) with a 95% interval: Tango's score
 * interval for a paired difference at the effective sample size. It stays informative
 * when every unit shows no difference: at 0 of k probes it is about +/- 3.84 / (k + 3.84).
 */
export function clusteredDifference(clusters: readonly ClusterCells[]): Estimate {
  return clusteredEstimate(
    clusters,
    (c) => c.units,
    (used, units) => used.reduce((sum, c) => sum + c.up - c.down, 0) / units,
    (used, value, units) => {
      const up = used.reduce((sum, c) => sum + c.up, 0);
      const down = used.reduce((sum, c) => sum + c.down, 0);
      const net = up - down;
      const deviations = used.map((c) => ({ deviation: ((c.up - c.down) * units - net * c.units) / units, units: c.units }));
      const size = effectiveSize(deviations, (up + down) / units - value * value);
      return pairedScoreInterval((up * size) / units, (down * size) / units, size);
    },
  );
}
