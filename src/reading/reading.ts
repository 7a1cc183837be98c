/**
 * What a reader makes of a model's answer: a value, or `unparseable` with the reason.
 * Every reader in `src/reading/` returns one of these, so a family can count and show why
 * an answer could not be read (SPEC "claim": never guessed, always counted and shown).
 */

/** How a value was read: from a structured answer (JSON), from free text, or by a grader model. */
export type ReadFrom = 'structured' | 'free text' | 'model-graded';

/** Why an answer could not be read. */
export type UnreadReason =
  /** Nothing in the text answers the question. */
  | 'no answer'
  /** The answer hedges: "probably", "not certain", "partially". */
  | 'hedge'
  /** The model declined to answer or said it cannot tell. */
  | 'refusal'
  /** Two different answers, with no explicit correction between them. */
  | 'contradiction'
  /** A value outside what the question allows (a probability of 140%, option E of A-D). */
  | 'out of range';

export interface Read<T> {
  readonly kind: 'read';
  value: T;
  from: ReadFrom;
}

export interface Unread {
  readonly kind: 'unparseable';
  why: UnreadReason;
}

/** The result of reading one answer. */
export type Reading<T> = Read<T> | Unread;

/** A value that was read. */
export function read<T>(value: T, from: ReadFrom): Read<T> {
  return { kind: 'read', value, from };
}

/** An answer that could not be read, and why. */
export function unread(why: UnreadReason): Unread {
  return { kind: 'unparseable', why };
}
