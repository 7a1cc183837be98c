/**
 * Runs one probe's protocol against one model and records every call: the transcript.
 */
import type { Caller, Family } from './family.js';
import { redactSecrets } from './redact.js';
import type { CallRecord, ChatModel, Probe, Transcript } from './types.js';

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
  const call: Caller = async (purpose, request, framing) => {
    const record: CallRecord = { purpose, ...(framing ? { framing } : {}), request, attempts: 1 };
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

/** Total input and output tokens over every call of a transcript. */
export function transcriptUsage(transcript: Transcript): { input: number; output: number; calls: number } {
  let input = 0;
  let output = 0;
  for (const call of transcript.calls) {
    input += call.response?.usage.input ?? 0;
    output += call.response?.usage.output ?? 0;
  }
  return { input, output, calls: transcript.calls.length };
}
