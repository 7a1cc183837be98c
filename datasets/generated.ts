/**
 * promptfoo test generator: seeded probes of one family.
 *
 *   tests:
 *     - path: file://datasets/generated.ts
 *       config: { family: success-claims, seed: 1, count: 200 }
 *
 * Only a default export: promptfoo resolves `file://x.ts` to the default export.
 */
import { z } from 'zod';
import { familyByName } from '../src/families/index.js';
import { toTestCases, type ProbeTestCase } from '../src/test-cases.js';

const configSchema = z
  .object({
    family: z.string().default('success-claims'),
    seed: z.number().int().default(1),
    count: z.number().int().positive().default(100),
  })
  .strict();

export default function generated(config: unknown): ProbeTestCase[] {
  const parsed = configSchema.safeParse(config ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `config.${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`datasets/generated.ts: ${details}`);
  }
  const { family, seed, count } = parsed.data;
  return toTestCases(familyByName(family).generate({ seed, count }));
}
