/**
 * Calls, tokens and cost of a saved run, per model and family.
 */
import type { SavedResult } from './results.js';
import { transcriptUsage } from './run-probe.js';

/** The cost of one model x family: calls, tokens, and dollars where every probe's price was known. */
export interface UsageSummary {
  model: string;
  family: string;
  probes: number;
  calls: number;
  failedCalls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when some probe had no known price. */
  cost: number | null;
}

/** Usage per model and family, in first-seen order. */
export function summarizeUsage(results: readonly SavedResult[]): UsageSummary[] {
  const rows = new Map<string, UsageSummary>();
  for (const { probe, transcript, model, cost } of results) {
    const key = `${model}\u0000${probe.family}`;
    const row = rows.get(key) ?? {
      model,
      family: probe.family,
      probes: 0,
      calls: 0,
      failedCalls: 0,
      cachedCalls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cost: 0,
    };
    const usage = transcriptUsage(transcript);
    row.probes += 1;
    row.calls += usage.calls;
    row.failedCalls += usage.failedCalls;
    row.cachedCalls += usage.cachedCalls;
    row.inputTokens += usage.tokens.input;
    row.outputTokens += usage.tokens.output;
    row.cost = row.cost === null || cost === undefined ? null : row.cost + cost;
    rows.set(key, row);
  }
  return [...rows.values()];
}
