/**
 * Fault injection for the local API server: which kinds of failure exist, at what rates,
 * and the seeded draw that picks one (or none) for each request.
 */
import { createRng } from '../rng.js';

/** Per-kind probabilities, each in [0, 1], summing to at most 1. */
export interface FaultRates {
  /** 429 with retry-after headers. */
  rateLimit?: number;
  /** 500. */
  serverError?: number;
  /** 529 (Anthropic) or 503 (OpenAI). */
  overloaded?: number;
  /** The socket is destroyed without a response. */
  connectionReset?: number;
  /** The request is held for `stallMs`, then answered. */
  stall?: number;
  /** 200 with a body that is not valid JSON. */
  malformed?: number;
  /** A normal answer cut in half, stopped for max tokens. */
  truncated?: number;
}

/** The failures the server can inject, each as a real API or network would show it. */
export type FaultKind = keyof FaultRates;

// Spelled as a record so the compiler checks every kind is listed; its order is the draw order.
const KINDS: Record<FaultKind, true> = {
  rateLimit: true,
  serverError: true,
  overloaded: true,
  connectionReset: true,
  stall: true,
  malformed: true,
  truncated: true,
};

/** Every fault kind, in the order the draw walks them. */
export const FAULT_KINDS = Object.keys(KINDS) as readonly FaultKind[];

/** Spreads a total fault rate evenly over all seven kinds. */
export function faultRatesFromTotal(total: number): FaultRates {
  checkRate('the total fault rate', total);
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, total / FAULT_KINDS.length]));
}

function checkRate(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${name} must be a number in [0, 1] (got ${value})`);
}

/** Throws a readable error unless every rate is in [0, 1], the kinds are known, and the rates sum to at most 1. */
export function checkFaultRates(rates: FaultRates): void {
  let sum = 0;
  for (const [kind, rate] of Object.entries(rates)) {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`unknown fault kind "${kind}"; known: ${FAULT_KINDS.join(', ')}`);
    }
    if (rate === undefined) continue;
    checkRate(`the ${kind} fault rate`, rate);
    sum += rate;
  }
  // A small tolerance, so seven equal shares of 1 (which round) still pass.
  if (sum > 1 + 1e-9) throw new Error(`the fault rates sum to ${Number(sum.toFixed(6))}, more than 1`);
}

/** Draws the fault (or none) of each request in turn: one uniform number per request. */
export function faultDrawer(rates: FaultRates, seed: number): () => FaultKind | undefined {
  checkFaultRates(rates);
  const rng = createRng(seed);
  return () => {
    const u = rng.next();
    let edge = 0;
    for (const kind of FAULT_KINDS) {
      edge += rates[kind] ?? 0;
      if (u < edge) return kind;
    }
    return undefined;
  };
}
