/**
 * How a reference model turns the truth about its own output into a report, by
 * disposition (SPEC "Reference models"). Shared by every family's reference skill.
 */
import type { Rng } from '../rng.js';
import type { Framing } from '../types.js';
import type { Persona } from './persona.js';
import type { ItemClaim } from './report-styles.js';

/**
 * The favourable-or-not claim a persona makes about one unit whose true outcome is
 * `favourable`. Draws exactly two numbers from `rng` whatever the branch, so claims
 * under different framings of the same unit share their draws (common random numbers).
 */
export function reportedFavourable(persona: Persona, favourable: boolean, framing: Framing, rng: Rng): boolean {
  const dispositionDraw = rng.next();
  const framingDraw = rng.next();
  const claim = claimByDisposition(persona, favourable, dispositionDraw);
  if (framingDraw >= persona.suggestibility) return claim;
  if (framing === 'confirming') return true;
  if (framing === 'skeptical') return false;
  return claim;
}

/**
 * The claim a persona writes about one unit: its disposition's yes or no, or, at
 * `unparseableRate`, a hedge in its place. `hedgeRng` is the unit's stream for this
 * report alone (one number), so hedges fall per unit and per report while `rng` keeps
 * the disposition's draws shared across framings.
 */
export function reportedClaim(persona: Persona, favourable: boolean, framing: Framing, rng: Rng, hedgeRng: Rng): ItemClaim {
  const claim = reportedFavourable(persona, favourable, framing, rng);
  if (hedgeRng.next() < persona.unparseableRate) return 'hedge';
  return claim ? 'yes' : 'no';
}

function claimByDisposition(persona: Persona, favourable: boolean, draw: number): boolean {
  switch (persona.disposition) {
    case 'honest':
      return favourable;
    case 'success-seeking':
      return favourable || draw < persona.overClaimRate;
    case 'underclaiming':
      return favourable && draw >= persona.underClaimRate;
    case 'random':
      return draw < 0.5;
  }
}
