/**
 * The verdicts saydo gets from a reference model run in process: what every run through
 * an SDK, a server or promptfoo must reproduce.
 */
import type { GeneratedFamily } from '../../src/family.js';
import { successClaims } from '../../src/families/success-claims/index.js';
import { referenceModel } from '../../src/reference/model.js';
import type { PersonaInput } from '../../src/reference/persona.js';
import { runProbe } from '../../src/run-probe.js';
import { scoreProbe } from '../../src/scoring.js';
import type { Verdict } from '../../src/types.js';

/** A family's verdicts for its probes (seed, count) from a reference persona, run in process. */
export async function familyVerdicts<Item>(family: GeneratedFamily<Item>, persona: PersonaInput, seed: number, count: number): Promise<Verdict[]> {
  const model = referenceModel(persona);
  const verdicts: Verdict[] = [];
  for (const probe of family.generate({ seed, count })) verdicts.push(...(await scoreProbe(family, probe, await runProbe(family, probe, model))));
  return verdicts;
}

/** success-claims verdicts for probes (seed, count) of a reference persona, run in process. */
export function inProcessVerdicts(persona: PersonaInput, seed: number, count: number): Promise<Verdict[]> {
  return familyVerdicts(successClaims, persona, seed, count);
}

/** What must agree between two runs of one unit: claim, observation, verdict. */
export const verdictKey = (v: Verdict): string =>
  [v.probeId, v.unit, v.framing, v.verdict, String(v.claim), String(v.observation)].join('|');
