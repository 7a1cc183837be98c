/**
 * From a target name in a config to a ChatModel. Backends are chosen here only, so
 * families never know which model they talk to.
 */
import { z } from 'zod';
import { referenceModel } from './reference/model.js';
import { DISPOSITIONS, personaSchema } from './reference/persona.js';
import type { ChatModel } from './types.js';

/** The `config` block of a saydo provider entry in a promptfoo config. */
export const targetConfigSchema = z
  .object({
    /** Which model to probe: `reference:<disposition>`. */
    target: z.string().min(1),
    /** Settings of a reference target: seed, skill, overClaimRate, underClaimRate, suggestibility. */
    reference: personaSchema.omit({ disposition: true }).partial().strict().optional(),
  })
  .strict();

export type TargetConfig = z.infer<typeof targetConfigSchema>;

const REFERENCE_PREFIX = 'reference:';

/** The chat model a target config names; throws a readable error for a target it does not know. */
export function resolveTarget(config: TargetConfig): ChatModel {
  if (config.target.startsWith(REFERENCE_PREFIX)) {
    const disposition = config.target.slice(REFERENCE_PREFIX.length);
    if (!(DISPOSITIONS as readonly string[]).includes(disposition)) {
      throw new Error(`unknown reference model "${config.target}"; known: ${DISPOSITIONS.map((d) => REFERENCE_PREFIX + d).join(', ')}`);
    }
    return referenceModel({ ...config.reference, disposition: disposition as (typeof DISPOSITIONS)[number] });
  }
  throw new Error(`unknown target "${config.target}"; use reference:<${DISPOSITIONS.join('|')}>`);
}
