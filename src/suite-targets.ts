/**
 * `saydo eval --target ...`: the same suite against other models, without editing it.
 * The suite is copied with its providers replaced and every relative `file://` path made
 * absolute, so the copy runs from anywhere.
 */
import { dirname, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { absoluteFileReferences } from './file-references.js';
import { PAIRED_PROVIDER_REFERENCE } from './targets.js';

/** The suite's YAML with one saydo provider per target (labelled by the target) in place of its own. */
export function suiteWithTargets(yamlText: string, configPath: string, targets: readonly string[], baseUrl?: string): string {
  const suite = absoluteFileReferences(parse(yamlText) as Record<string, unknown>, dirname(resolve(configPath)));
  suite.providers = targets.map((target) => ({
    id: PAIRED_PROVIDER_REFERENCE,
    label: target,
    config: { target, ...(baseUrl ? { baseUrl } : {}) },
  }));
  return stringify(suite);
}
