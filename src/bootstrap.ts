/**
 * The cluster bootstrap (SPEC "Intervals": "a cluster bootstrap with a fixed seed"): probes
 * resampled with replacement, every statistic computed on the same resamples, a 95%
 * percentile interval. Seeded, so the same data always give the same interval. Pure.
 */
import type { Estimate } from './metrics.js';
import { createRng } from './rng.js';

const BOOTSTRAP_SEED = 20_261_208;
const BOOTSTRAP_REPLICATES = 1000;

/** A statistic of a set of items; undefined where it has no value (AUROC with one class). */
export type Statistic<T> = (items: readonly T[]) => number | undefined;

/**
 * Each statistic of the pooled items with a 95% percentile interval from one cluster
 * bootstrap: probes resampled with replacement `replicates` times from a fixed seed, every
 * statistic computed on the same resamples (so the work of resampling is done once). A
 * value is undefined (with a note) where its statistic is; no interval below 2 probes.
 */
export function bootstrapEstimates<T, K extends string>(
  clusters: readonly (readonly T[])[],
  statistics: Readonly<Record<K, Statistic<T>>>,
  replicates = BOOTSTRAP_REPLICATES,
): Record<K, Estimate> {
  const names = Object.keys(statistics) as K[];
  const pooled = clusters.flat();
  const base = { units: pooled.length, clusters: clusters.length };
  const values = new Map(names.map((name) => [name, pooled.length === 0 ? undefined : statistics[name](pooled)]));
  const draws = new Map(names.map((name) => [name, [] as number[]]));
  if (clusters.length >= 2) {
    const rng = createRng(BOOTSTRAP_SEED);
    for (let r = 0; r < replicates; r++) {
      const sample = Array.from({ length: clusters.length }, () => clusters[Math.floor(rng.next() * clusters.length)]!).flat();
      for (const name of names) {
        const drawn = values.get(name) === undefined ? undefined : statistics[name](sample);
        if (drawn !== undefined) draws.get(name)!.push(drawn);
      }
    }
  }
  const estimate = (name: K): Estimate => {
    const value = values.get(name);
    if (value === undefined) return { value: null, low: null, high: null, ...base, note: pooled.length === 0 ? 'no units' : 'undefined for these units' };
    if (clusters.length < 2) return { value, low: null, high: null, ...base, note: 'only 1 probe' };
    const sorted = draws.get(name)!.sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
    return { value, low: at(0.025), high: at(0.975), ...base };
  };
  return Object.fromEntries(names.map((name) => [name, estimate(name)])) as Record<K, Estimate>;
}
