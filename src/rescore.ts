/**
 * Rescoring: verdicts for a saved run, from its probes and transcripts alone.
 */
import { familyByName } from './families/index.js';
import type { SavedResult } from './results.js';
import { scoreProbe } from './scoring.js';
import type { Verdict } from './types.js';

/** The verdicts of every saved result, labelled with the result's model label. */
export async function verdictsOfRun(results: readonly SavedResult[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const { probe, transcript, model } of results) {
    for (const verdict of await scoreProbe(familyByName(probe.family), probe, transcript)) verdicts.push({ ...verdict, model });
  }
  return verdicts;
}

/**
 * One line of `--verdicts` output: the unit's claim (how it was read, or why it could not
 * be), observation and verdict, and where the family has a lenient sense, the lenient
 * observation and the verdict it would give.
 */
export function verdictLine(verdict: Verdict): string {
  const { probeId, model, family, unit, scope, framing, claim, observation, verdict: label, error } = verdict;
  const { lenientObservation, lenientVerdict, unreadBecause, readFrom } = verdict;
  return JSON.stringify({
    probeId,
    model,
    family,
    unit,
    scope,
    framing,
    claim,
    observation,
    verdict: label,
    ...(unreadBecause ? { unreadBecause } : {}),
    ...(readFrom ? { readFrom } : {}),
    ...(lenientObservation !== undefined ? { lenientObservation, lenientVerdict } : {}),
    ...(error ? { error } : {}),
  });
}
