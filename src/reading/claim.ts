/**
 * A reading as a Claim: the form every family's report parser returns (SPEC "claim").
 */
import type { Claim, Framing, UnitValue } from '../types.js';
import type { Reading } from './reading.js';

/** The claim about `unit` under `framing` that a reading makes: its value and how it was read, or `unparseable` and why. */
export function claimOf(unit: string, framing: Framing, reading: Reading<UnitValue>): Claim {
  return reading.kind === 'read'
    ? { unit, framing, value: reading.value, from: reading.from }
    : { unit, framing, value: 'unparseable', why: reading.why };
}
