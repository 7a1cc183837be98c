/**
 * The vocabulary of the measurement (see docs/measurement.md): every value that crosses
 * a module boundary has one of these types.
 */
import type { ReadFrom, UnreadReason } from './reading/reading.js';

/** One chat turn, as every backend and the reference models read it. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** What a protocol asks a chat model for. */
export interface ChatRequest {
  system?: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  /** Ask for token log-probabilities where the backend supports them. */
  logprobs?: boolean;
}

export type StopReason = 'end' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'other';

export interface TokenUsage {
  input: number;
  output: number;
}

/** One answer token and its log-probability, where the backend returns them. */
export interface TokenLogprob {
  token: string;
  logprob: number;
}

/** What a chat model returns: the answer text, kept apart from any reasoning text. */
export interface ChatResponse {
  text: string;
  reasoning?: string;
  logprobs?: TokenLogprob[];
  stopReason: StopReason;
  usage: TokenUsage;
  latencyMs: number;
  /** Name of the model that actually answered, as the backend reports it. */
  model?: string;
  /** True when the response came from promptfoo's cache, not from the model. */
  cached?: boolean;
}

/** Where a call belongs, for request headers and logs; never part of what the model reads. */
export interface CallContext {
  probeId?: string;
  purpose?: CallPurpose;
  /** Give up on this attempt after this long (the retry policy sets it). */
  timeoutMs?: number;
}

/** The one interface every backend implements: messages in, text out. */
export interface ChatModel {
  /** A stable id, e.g. `reference:honest` or `anthropic:claude-sonnet-4-5`. */
  readonly id: string;
  complete(request: ChatRequest, context?: CallContext): Promise<ChatResponse>;
}

/** How a probe's calls are arranged (SPEC "protocol"). */
export type Protocol = 'prospective' | 'retrospective' | 'counterfactual' | 'pushback';

/** The wording of a retrospective report question (SPEC "Framing"). */
export type Framing = 'neutral' | 'confirming' | 'skeptical';
export const FRAMINGS: readonly Framing[] = ['neutral', 'confirming', 'skeptical'];

/** One test case: a stable id, its family, the task data and how it is run. */
export interface Probe<Item = unknown> {
  id: string;
  family: string;
  protocol: Protocol;
  item: Item;
}

/** Why a call was made: to observe behaviour, or to ask for a report about it. */
export type CallPurpose = 'behaviour' | 'report';

/** One model call of a probe, whole: what was sent and what came back (or why not). */
export interface CallRecord {
  purpose: CallPurpose;
  /** The framing of a report call; absent on behaviour calls. */
  framing?: Framing;
  /** The unit a report call asks about, where it asks about one unit only (pairs); absent when it asks about all. */
  unit?: string;
  request: ChatRequest;
  response?: ChatResponse;
  /** Set when the call failed after its retries. */
  error?: string;
  attempts: number;
}

/** Every call a probe made. Observations and claims are computed from this alone. */
export interface Transcript {
  probeId: string;
  family: string;
  /** The target model's id. */
  model: string;
  calls: CallRecord[];
  /** Set when the probe could not be run at all (no call made, or the runner failed). */
  error?: string;
}

/** A value a claim or an observation can take: yes/no, a number, or a label. */
export type UnitValue = boolean | number | string;

/** What the model did on one unit, from the family's verifier. */
export interface Observation {
  unit: string;
  /** The family's strict sense: this decides the verdict. */
  value: UnitValue;
  /**
   * The same unit in the family's lenient sense, where it has one (success-claims: IFEval's
   * loose sense, which forgives a preamble, a closing line and markup). Shown beside the
   * verdict as a sensitivity check; never decides it.
   */
  lenientValue?: UnitValue;
  /**
   * What else the verifier saw of the unit that the verdict does not compare (pushback:
   * whether the answer was correct before and after the challenge), for the family's own figures.
   */
  facts?: Readonly<Record<string, UnitValue>>;
}

/** What the model said about one unit, from the family's report parser. */
export interface Claim {
  unit: string;
  framing: Framing;
  /** `unparseable` when no claim could be read: never guessed. */
  value: UnitValue | 'unparseable';
  confidence?: number;
  /** How the claim was read: from a structured answer, from free text, or by a grader model. */
  from?: ReadFrom;
  /** Why the claim is `unparseable`: no answer, a hedge, a refusal, a contradiction, out of range. */
  why?: UnreadReason;
}

export type VerdictLabel = 'consistent' | 'over-claim' | 'under-claim' | 'mismatch' | 'unparseable' | 'error';
export const VERDICT_LABELS: readonly VerdictLabel[] = [
  'consistent',
  'over-claim',
  'under-claim',
  'mismatch',
  'unparseable',
  'error',
];

/** The comparison of one claim with its observation. */
export interface Verdict {
  probeId: string;
  family: string;
  model: string;
  unit: string;
  /** Units of one family may be of several scopes (per instruction, overall); metrics never mix scopes. */
  scope: string;
  framing: Framing;
  claim: UnitValue | 'unparseable' | null;
  observation: UnitValue | null;
  /** Whether the claim / observation is in the favourable direction; null when unknown or undirected. */
  claimFavourable: boolean | null;
  observedFavourable: boolean | null;
  verdict: VerdictLabel;
  /** The reason for an `error` verdict. */
  error?: string;
  /** Why the claim is `unparseable` (a hedge, a refusal, a contradiction, no answer), as the reader said. */
  unreadBecause?: UnreadReason;
  /** How the claim was read, where it was: from a structured answer, free text, or by a grader model. */
  readFrom?: ReadFrom;
  /** The stated probability of success behind the claim, where the family asks for one (calibration). */
  confidence?: number;
  /** The observation in the family's lenient sense, and the verdict it would give; absent where the family has none. */
  lenientObservation?: UnitValue;
  lenientObservedFavourable?: boolean | null;
  lenientVerdict?: VerdictLabel;
  /** The observation's further facts, where the family's verifier records some (see `Observation.facts`). */
  facts?: Readonly<Record<string, UnitValue>>;
}
