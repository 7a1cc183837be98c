/**
 * Runs one probe's protocol against one model and records every call: the transcript.
 */
import type { Caller, Family } from './family.js';
import { redactSecrets } from './redact.js';
import type { CallRecord, ChatModel, Probe, TokenUsage, Transcript } from './types.js';

function errorMessage(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/**
 * Runs the family's protocol for `probe` on `model`. A call that throws is recorded
 * with its error (the model wrapper has already retried it, and secrets are cut out of
 * the message); the protocol decides whether later calls still make sense.
 */
export async function runProbe<Item>(family: Family<Item>, probe: Probe<Item>, model: ChatModel): Promise<Transcript> {
  const transcript: Transcript = { probeId: probe.id, family: family.name, model: model.id, calls: [] };
  const call: Caller = async (purpose, request, framing, unit) => {
    const record: CallRecord = { purpose, ...(framing ? { framing } : {}), ...(unit !== undefined ? { unit } : {}), request, attempts: 1 };
    try {
      record.response = await model.complete(request, { probeId: probe.id, purpose });
    } catch (error) {
      record.error = errorMessage(error);
      const attempts = (error as { attempts?: unknown }).attempts;
      if (typeof attempts === 'number') record.attempts = attempts;
    }
    transcript.calls.push(record);
    return record;
  };
  await family.run(probe, call);
  return transcript;
}

/** Calls and tokens of a transcript; `uncached` is what the model was actually paid to process. */
export interface TranscriptUsage {
  calls: number;
  failedCalls: number;
  cachedCalls: number;
  tokens: TokenUsage;
  uncached: TokenUsage;
}

/** Calls, failures, cache hits and tokens over every call of a transcript. */
export function transcriptUsage(transcript: Transcript): TranscriptUsage {
  const usage: TranscriptUsage = {
    calls: transcript.calls.length,
    failedCalls: 0,
    cachedCalls: 0,
    tokens: { input: 0, output: 0 },
    uncached: { input: 0, output: 0 },
  };
  for (const call of transcript.calls) {
    if (call.error !== undefined) usage.failedCalls += 1;
    if (!call.response) continue;
    const { input, output } = call.response.usage;
    usage.tokens.input += input;
    usage.tokens.output += output;
    if (call.response.cached) usage.cachedCalls += 1;
    else {
      usage.uncached.input += input;
      usage.uncached.output += output;
    }
  }
  return usage;
}
