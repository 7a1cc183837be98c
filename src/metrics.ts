/**
 * Interval estimates for rates over clustered units (SPEC "Intervals"). Units of one
 * probe are correlated, so every interval treats the probe as the sampling unit.
 * Pure functions; no I/O.
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

/** One probe's contribution to a ratio: numerator and denominator summed over its units. */
export interface ClusterTotals {
  numerator: number;
  denominator: number;
}

const MIN_CLUSTERS = 2;

/** Wilson score interval for `successes` out of `n` independent trials (n may be an effective size). */
export function wilsonInterval(successes: number, n: number): { low: number; high: number } {
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/** Cluster-robust (linearised) variance of the ratio estimator sum(num)/sum(den). */
function clusteredRatioVariance(clusters: ClusterTotals[], ratio: number, denominatorTotal: number): number {
  const k = clusters.length;
  let sumSquares = 0;
  for (const { numerator, denominator } of clusters) {
    const residual = numerator - ratio * denominator;
    sumSquares += residual * residual;
  }
  return ((k / (k - 1)) * sumSquares) / (denominatorTotal * denominatorTotal);
}

/**
 * The ratio sum(numerator)/sum(denominator) over the clusters that have units, with the
 * interval `interval` computes, or the reason there is none.
 */
function ratioEstimate(
  clusters: ClusterTotals[],
  interval: (
    ratio: number,
    numerator: number,
    denominator: number,
    used: ClusterTotals[],
  ) => Pick<Estimate, 'low' | 'high' | 'note'>,
): Estimate {
  const used = clusters.filter((c) => c.denominator > 0);
  const numerator = used.reduce((s, c) => s + c.numerator, 0);
  const denominator = used.reduce((s, c) => s + c.denominator, 0);
  if (denominator === 0) return { value: null, low: null, high: null, units: 0, clusters: 0, note: 'no units' };
  const value = numerator / denominator;
  const base = { value, units: denominator, clusters: used.length };
  if (used.length < MIN_CLUSTERS) return { ...base, low: null, high: null, note: `only ${used.length} probe` };
  return { ...base, ...interval(value, numerator, denominator, used) };
}

/**
 * A proportion over clustered 0/1 units with a 95% interval: Wilson's interval at the
 * effective sample size (units divided by the design effect of the clustering). With one
 * unit per probe this is the plain Wilson interval; at a rate of 0 or 1 it stays
 * informative where a normal interval would collapse to a point.
 */
export function clusteredProportion(clusters: ClusterTotals[]): Estimate {
  return ratioEstimate(clusters, (value, numerator, denominator, used) => {
    const binomialVariance = (value * (1 - value)) / denominator;
    const oneUnitPerProbe = used.every((c) => c.denominator === 1);
    // At a rate of 0 or 1 the data cannot show the clustering, so assume the worst: a
    // probe's units all agree, and the probes are the sample (design effect = mean units a probe).
    const designEffect = oneUnitPerProbe
      ? 1
      : binomialVariance === 0
        ? denominator / used.length
        : Math.max(1, clusteredRatioVariance(used, value, denominator) / binomialVariance);
    return wilsonInterval(numerator / designEffect, denominator / designEffect);
  });
}

/**
 * A mean difference over clustered units (e.g. claimed minus observed favourable share)
 * with a cluster-robust normal 95% interval, clipped to [-1, 1].
 */
export function clusteredMeanDifference(clusters: ClusterTotals[]): Estimate {
  return ratioEstimate(clusters, (value, _numerator, denominator, used) => {
    const standardError = Math.sqrt(clusteredRatioVariance(used, value, denominator));
    // Every probe showing the same difference is no evidence of a zero-width interval.
    if (standardError === 0) return { low: null, high: null, note: 'every probe equal' };
    return { low: Math.max(-1, value - Z95 * standardError), high: Math.min(1, value + Z95 * standardError) };
  });
}

/** Groups items by a key and sums numerator and denominator per group: the clusters of a ratio. */
export function clusterTotals<T>(
  items: readonly T[],
  clusterOf: (item: T) => string,
  contribution: (item: T) => ClusterTotals | undefined,
): ClusterTotals[] {
  const byCluster = new Map<string, ClusterTotals>();
  for (const item of items) {
    const part = contribution(item);
    if (!part) continue;
    const key = clusterOf(item);
    const total = byCluster.get(key) ?? { numerator: 0, denominator: 0 };
    total.numerator += part.numerator;
    total.denominator += part.denominator;
    byCluster.set(key, total);
  }
  return [...byCluster.values()];
}
