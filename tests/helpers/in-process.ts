/**
 * The verdicts saydo gets from a reference model run in process: what every run through
 * an SDK, a server or promptfoo must reproduce.
 */
import { successClaims } from '../../src/families/success-claims/index.js';
import { referenceModel } from '../../src/reference/model.js';
import type { PersonaInput } from '../../src/reference/persona.js';
import { runProbe } from '../../src/run-probe.js';
import { scoreProbe } from '../../src/scoring.js';
import type { Verdict } from '../../src/types.js';

/** success-claims verdicts for probes (seed, count) of a reference persona, run in process. */
export async function inProcessVerdicts(persona: PersonaInput, seed: number, count: number): Promise<Verdict[]> {
  const model = referenceModel(persona);
  const verdicts: Verdict[] = [];
  for (const probe of successClaims.generate({ seed, count })) {
    verdicts.push(...(await scoreProbe(successClaims, probe, await runProbe(successClaims, probe, model))));
  }
  return verdicts;
}

/** What must agree between two runs of one unit: claim, observation, verdict. */
export const verdictKey = (v: Verdict): string =>
  [v.probeId, v.unit, v.framing, v.verdict, String(v.claim), String(v.observation)].join('|');
