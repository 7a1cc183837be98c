/**
 * What every SDK backend is built from. Keys arrive here from the environment only
 * (src/targets.ts reads them); nothing here is ever written to a transcript.
 */
import type { CallContext } from '../types.js';

export interface BackendOptions {
  model: string;
  apiKey: string;
  baseUrl?: string;
  /** Used when a request names none. */
  maxTokens: number;
  temperature?: number;
  seed?: number;
  /** Anthropic extended thinking budget, in tokens. */
  thinkingBudget?: number;
}

/** Headers that tie a request to its probe in a server's logs (saydo's own server records them). */
export function saydoHeaders(context?: CallContext): Record<string, string> {
  return {
    ...(context?.probeId ? { 'x-saydo-probe': context.probeId } : {}),
    ...(context?.purpose ? { 'x-saydo-purpose': context.purpose } : {}),
  };
}
