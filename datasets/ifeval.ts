/**
 * promptfoo test generator: success-claims probes from IFEval-format JSONL.
 *
 *   tests:
 *     - path: file://datasets/ifeval.ts
 *       config: { path: data/input_data.jsonl, limit: 100 }
 *
 * `path` is relative to the directory promptfoo runs in. Only a default export:
 * promptfoo resolves `file://x.ts` to the default export.
 */
import { resolve } from 'node:path';
import { parseConfig } from '../src/validate.js';
import { ifevalProbes } from '../src/families/success-claims/ifeval-data.js';
import { ifevalTestsConfigSchema, toTestCases, type ProbeTestCase } from '../src/test-cases.js';

export default async function ifeval(config: unknown): Promise<ProbeTestCase[]> {
  const settings = parseConfig(ifevalTestsConfigSchema, config, 'datasets/ifeval.ts');
  const probes = await ifevalProbes(resolve(settings.path));
  return toTestCases(probes.slice(0, settings.limit ?? probes.length));
}
