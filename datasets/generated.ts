/**
 * promptfoo test generator: seeded probes of one family.
 *
 *   tests:
 *     - path: file://datasets/generated.ts
 *       config: { family: success-claims, seed: 1, count: 200 }
 *
 * Only a default export: promptfoo resolves `file://x.ts` to the default export.
 */
import { parseConfig } from '../src/validate.js';
import { familyByName } from '../src/families/index.js';
import { generatedTestsConfigSchema, toTestCases, type ProbeTestCase } from '../src/test-cases.js';

export default function generated(config: unknown): ProbeTestCase[] {
  const settings = parseConfig(generatedTestsConfigSchema, config, 'datasets/generated.ts');
  const { family, seed, count } = settings;
  const source = familyByName(family);
  if (!source.generate) throw new Error(`datasets/generated.ts: family "${family}" has no generator: its probes are the suite's own tests (write them as promptfoo tests)`);
  return toTestCases(source.generate({ seed, count }));
}
