/**
 * `saydo eval --target ...`: the same suite against other models, without editing it.
 * The suite is copied with its providers replaced and every relative `file://` path made
 * absolute, so the copy runs from anywhere.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const PAIRED_PROVIDER = resolve(dirname(fileURLToPath(import.meta.url)), '../providers/paired.ts');

/** Every relative `file://` reference in a parsed YAML value, made absolute against `baseDir`. */
function absolutiseFileReferences(value: unknown, baseDir: string): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith('file://')) return value;
    const path = value.slice('file://'.length);
    return isAbsolute(path) ? value : `file://${join(baseDir, path)}`;
  }
  if (Array.isArray(value)) return value.map((item) => absolutiseFileReferences(item, baseDir));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, absolutiseFileReferences(item, baseDir)]));
  }
  return value;
}

/** The suite's YAML with one saydo provider per target (labelled by the target) in place of its own. */
export function suiteWithTargets(yamlText: string, configPath: string, targets: readonly string[], baseUrl?: string): string {
  const suite = absolutiseFileReferences(parse(yamlText), dirname(resolve(configPath))) as Record<string, unknown>;
  suite.providers = targets.map((target) => ({
    id: `file://${PAIRED_PROVIDER}`,
    label: target,
    config: { target, ...(baseUrl ? { baseUrl } : {}) },
  }));
  return stringify(suite);
}
