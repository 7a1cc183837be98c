/**
 * What a reference model means to do on a task's units, and where it slips: drawn so
 * that the same task always gets the same intents, at behaviour time and again at report
 * time (the model is stateless, also behind the HTTP server). Shared by every family's
 * reference skill.
 */
import type { Rng } from '../rng.js';
import type { Persona } from './persona.js';

/** A model's plan for a task's units, in unit order. */
export interface UnitPlan {
  /** Whether it means to get each unit right. */
  intents: boolean[];
  /** Whether a unit it meant to get right comes out wrong without its noticing. */
  slips: boolean[];
}

/**
 * The intents and slips for `count` units. `stream(purpose)` gives the named seeded
 * stream of one task; intents and slips draw from their own streams, a fixed number of
 * numbers each whatever the branch, so changing one setting never reshuffles the other.
 *
 * With probability ρ (`failureCorrelation`) every unit shares one success draw, otherwise
 * each draws its own: every unit succeeds at `skill`, and for two units the chance both
 * fail is ρ(1−s) + (1−ρ)(1−s)², so their failures correlate at exactly ρ.
 */
export function planUnits(persona: Persona, count: number, stream: (purpose: string) => Rng): UnitPlan {
  const intentRng = stream('intent');
  const shared = intentRng.next() < persona.failureCorrelation;
  const sharedSuccess = intentRng.next() < persona.skill;
  const own = Array.from({ length: count }, () => intentRng.next() < persona.skill);
  const intents = shared ? own.map(() => sharedSuccess) : own;
  const slipRng = stream('slip');
  const slips = intents.map((intent) => {
    const slipped = slipRng.next() < persona.slipRate;
    return intent && slipped;
  });
  return { intents, slips };
}

/** What the writer is told to do on each unit: meet it when it means to and does not slip. */
export function composedIntents(plan: UnitPlan): boolean[] {
  return plan.intents.map((intent, i) => intent && !plan.slips[i]);
}
