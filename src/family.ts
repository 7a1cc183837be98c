/**
 * The Family contract: everything one family of probes needs, in one type. A family
 * module exports one `Family`; adding a family means writing one such module and
 * listing it in `src/families/index.ts`.
 */
import type { Estimate } from './metrics.js';
import type { Rng } from './rng.js';
import type { Persona } from './reference/persona.js';
import type {
  CallPurpose,
  CallRecord,
  ChatRequest,
  Claim,
  Framing,
  Observation,
  Probe,
  Protocol,
  Transcript,
  UnitValue,
  Verdict,
} from './types.js';

/** Makes one model call of a probe and records it in the transcript. Never throws:
 * a call that fails after its retries comes back with `error` set. */
export type Caller = (purpose: CallPurpose, request: ChatRequest, framing?: Framing, unit?: string) => Promise<CallRecord>;

/** A comparable unit of a probe and the scope its metrics are pooled in. */
export interface UnitSpec {
  unit: string;
  scope: string;
  /** The framings its report is asked under, where not every framing of the family (a prospective question: the first only). */
  framings?: readonly Framing[];
}

/** How a reference model performs this family's requests (SPEC "Reference models"). */
export interface ReferenceSkill {
  /**
   * The reference model's answer to a request this family's protocol makes, or
   * undefined when the request is not one of this family's. `rng` is seeded from the
   * persona's seed and the request itself, so the same request gets the same answer.
   */
  respond(request: ChatRequest, persona: Persona, rng: Rng): string | undefined | Promise<string | undefined>;
}

/**
 * A figure only one family reports (pushback's flip rate, self-prediction's baselines),
 * computed from verdicts alone, so a saved run rescored gives it again.
 */
export interface FamilyFigure {
  /** The figure's name as tables and summary.json show it. */
  name: string;
  /** True for a share of units (shown with its count); false for a difference or a mean. */
  share: boolean;
  /**
   * The figure for one group of verdicts (one model, scope and framing), given every
   * verdict of the family in the run (for figures that compare models); undefined where
   * it does not apply to the group.
   */
  of(group: readonly Verdict[], family: readonly Verdict[]): Estimate | undefined;
}

export interface Family<Item = unknown> {
  /** The family's name, as in SPEC's table (`success-claims`). */
  name: string;
  protocol: Protocol;
  /** The framings its report is asked under; the first is the headline. */
  framings: readonly Framing[];
  /**
   * Seeded generator: the same options give the same probes, with stable ids. Absent
   * where the probes are the suite's own test cases (pairs).
   */
  generate?(options: { seed: number; count: number }): Probe<Item>[];
  /** The text a person should see as this probe's prompt. */
  describe(probe: Probe<Item>): string;
  /** Runs the protocol: which calls, in which contexts. */
  run(probe: Probe<Item>, call: Caller): Promise<void>;
  /** The probe's units, known before any call. */
  units(probe: Probe<Item>): UnitSpec[];
  /**
   * The verifier: what the model did, from the behaviour calls of the transcript alone.
   * Asynchronous where the check is (promptfoo's assertion engine, for pairs).
   */
  observe(probe: Probe<Item>, transcript: Transcript): Observation[] | Promise<Observation[]>;
  /** The report parser: what the model claimed, from the report calls of the transcript alone. */
  parseClaims(probe: Probe<Item>, transcript: Transcript): Claim[];
  /** Whether a value is the favourable one for the unit; null where no direction is favourable. */
  favourable(unit: string, value: UnitValue): boolean | null;
  /** The figures only this family reports, beside the metrics every family has. */
  figures?: readonly FamilyFigure[];
  reference: ReferenceSkill;
}

/** A family whose probes come from its own seeded generator (every family but pairs). */
export type GeneratedFamily<Item = unknown> = Family<Item> & Required<Pick<Family<Item>, 'generate'>>;
