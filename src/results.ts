/**
 * Reading a saved promptfoo run (`promptfoo eval -o run.json` or `.jsonl`) back into
 * probes and transcripts, so it can be rescored without calling a model.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { readJsonl } from './jsonl.js';
import { describeIssues } from './validate.js';
import { pairProbe, type TestContext } from './families/pairs/probe.js';
import type { Probe, Transcript } from './types.js';

/** One scored row of a saved run: the probe, what the model did, and the provider's label. */
export interface SavedResult {
  probe: Probe;
  transcript: Transcript;
  /** The promptfoo provider label, or its id when it has none. */
  model: string;
  /** Dollars promptfoo recorded for the probe, where the price was known. */
  cost?: number;
}

const probeSchema = z.object({
  id: z.string(),
  family: z.string(),
  protocol: z.enum(['prospective', 'retrospective', 'counterfactual', 'pushback']),
  item: z.unknown(),
});

const callSchema = z.looseObject({
  purpose: z.enum(['behaviour', 'report']),
  request: z.unknown(),
  attempts: z.number(),
  response: z.looseObject({ text: z.string(), usage: z.object({ input: z.number(), output: z.number() }) }).optional(),
  error: z.string().optional(),
});

const transcriptSchema = z.object({
  probeId: z.string(),
  family: z.string(),
  model: z.string(),
  calls: z.array(callSchema),
  error: z.string().optional(),
});

/** A pair's probe and transcript, which its provider returns in the response's metadata. */
const pairSchema = z.looseObject({ probe: probeSchema, transcript: z.unknown() });

const resultSchema = z.looseObject({
  vars: z.looseObject({ probe: probeSchema.optional() }).optional(),
  provider: z.looseObject({ id: z.string(), label: z.string().optional() }).optional(),
  response: z
    .looseObject({
      output: z.unknown(),
      error: z.string().nullish(),
      cost: z.number().nullish(),
      metadata: z.looseObject({ saydo: pairSchema.optional() }).nullish(),
    })
    .optional(),
  error: z.string().nullish(),
  /** promptfoo's own copy of the test and prompt: a pair's probe is rebuilt from them when promptfoo dropped the response. */
  testCase: z.looseObject({}).optional(),
  prompt: z.looseObject({ raw: z.string().optional() }).optional(),
});

/**
 * The probe of a pair whose response promptfoo dropped (its test-level transform threw on
 * the answer): rebuilt from the row's own test case and prompt, so its units are kept as
 * errors. A row that is neither a probe nor a pair is the suite's mistake, said where it is.
 */
function lostPair(testCase: Record<string, unknown> | undefined, prompt: string | undefined, where: string, reason: string | null | undefined): Probe {
  const why = reason ?? 'neither a probe var nor a paired test';
  if (!testCase || prompt === undefined) throw new Error(`${where}: no saydo probe: ${why}`);
  try {
    return pairProbe(prompt, testCase as TestContext, { where });
  } catch (error) {
    throw new Error(`${where}: no saydo probe: ${why} (${(error as Error).message})`);
  }
}

/** The transcript a result carries: promptfoo keeps an object output as is, a string one as JSON text. */
function transcriptOf(output: unknown): unknown {
  if (typeof output !== 'string') return output;
  try {
    return JSON.parse(output);
  } catch {
    return undefined;
  }
}

/**
 * Converts one promptfoo result row; `where` names it in errors (file and line or index).
 * A row with no transcript (the provider never returned one) keeps its probe, with the
 * reason as the transcript's error, so it is scored `error`, not dropped.
 */
function toSavedResult(row: unknown, where: string): SavedResult {
  const parsed = resultSchema.safeParse(row);
  if (!parsed.success) throw new Error(`${where}: not a saydo result: ${describeIssues('', parsed.error)}`);
  const { vars, provider, response, error, testCase, prompt } = parsed.data;
  const pair = response?.metadata?.saydo;
  const probe = (pair?.probe ?? vars?.probe ?? lostPair(testCase, prompt?.raw, where, response?.error ?? error)) as Probe;
  const label = provider?.label ?? provider?.id;
  const output = pair ? pair.transcript : transcriptOf(response?.output);
  const transcript = transcriptSchema.safeParse(output);
  // An output that is there but is not a transcript (a hand edit gone wrong) is an error to report, not a probe to drop.
  if (!transcript.success && output !== undefined && output !== null && output !== '') {
    throw new Error(`${where}: response.output is not a saydo transcript: ${describeIssues('', transcript.error)}`);
  }
  if (transcript.success) {
    const cost = response?.cost ?? undefined;
    return {
      probe,
      transcript: transcript.data as unknown as Transcript,
      model: label ?? transcript.data.model,
      ...(cost !== undefined ? { cost } : {}),
    };
  }
  const reason = response?.error ?? error ?? 'the provider returned no transcript';
  return {
    probe,
    transcript: { probeId: probe.id, family: probe.family, model: label ?? 'unknown', calls: [], error: reason },
    model: label ?? 'unknown',
  };
}

/** Reads a saved run; `.jsonl` is one result a line, anything else promptfoo's JSON output. */
export async function readSavedRun(path: string): Promise<SavedResult[]> {
  if (path.endsWith('.jsonl')) {
    return (await readJsonl(path)).map(({ line, value }) => toSavedResult(value, `${path}:${line}`));
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: invalid JSON: ${(error as Error).message}`);
  }
  const list = (document as { results?: { results?: unknown } })?.results?.results;
  if (!Array.isArray(list)) throw new Error(`${path}: no results.results list: is this a promptfoo -o JSON file?`);
  return list.map((row, i) => toSavedResult(row, `${path}: results.results[${i}]`));
}

/**
 * Several saved runs as one: the shards of one suite (promptfoo's `--filter-range` on
 * several machines) merged, each probe and model once (the first seen), in a fixed order
 * (the families in `familyOrder`, then probe id, then models as first seen) so that the
 * merge of the shards gives the unsharded run's figures exactly.
 */
export function mergeRuns(runs: readonly (readonly SavedResult[])[], familyOrder: readonly string[]): SavedResult[] {
  const seen = new Set<string>();
  const merged = runs.flat().filter((result) => {
    const key = `${result.probe.id}\u0000${result.model}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const models = [...new Set(merged.map((r) => r.model))];
  const familyRank = (family: string): number => (familyOrder.includes(family) ? familyOrder.indexOf(family) : familyOrder.length);
  return merged.sort(
    (a, b) =>
      familyRank(a.probe.family) - familyRank(b.probe.family) ||
      (a.probe.id < b.probe.id ? -1 : a.probe.id > b.probe.id ? 1 : 0) ||
      models.indexOf(a.model) - models.indexOf(b.model),
  );
}
