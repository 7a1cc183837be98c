/**
 * Probes as promptfoo test cases: the probe travels in the `probe` var, and `prompt`
 * carries the text a person should see for it in promptfoo's viewer.
 */
import { z } from 'zod';
import { familyByName } from './families/index.js';
import type { Probe } from './types.js';

/** A promptfoo test case carrying one probe. */
export interface ProbeTestCase {
  description: string;
  vars: { probe: Probe; prompt: string };
  metadata: { family: string; probeId: string };
}

/** One test case per probe, in the probes' order (promptfoo's --resume relies on a stable order). */
export function toTestCases(probes: readonly Probe[]): ProbeTestCase[] {
  return probes.map((probe) => ({
    description: probe.id,
    vars: { probe, prompt: familyByName(probe.family).describe(probe) },
    metadata: { family: probe.family, probeId: probe.id },
  }));
}

/** Settings of `datasets/generated.ts`: which family, which seed, how many probes. */
export const generatedTestsConfigSchema = z
  .object({
    family: z.string().default('success-claims'),
    seed: z.number().int().default(1),
    count: z.number().int().positive().default(100),
  })
  .strict();

/** Settings of `datasets/ifeval.ts`: an IFEval input JSONL (relative to where promptfoo runs) and an optional limit. */
export const ifevalTestsConfigSchema = z
  .object({
    path: z.string().min(1),
    limit: z.number().int().positive().optional(),
  })
  .strict();
