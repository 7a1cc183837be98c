/**
 * promptfoo runs of saydo's real-model targets against the local API server: the
 * Anthropic SDK, the OpenAI SDK and a promptfoo provider id must all give the verdicts
 * the same reference model gives in process; promptfoo's cache must serve a rerun.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreSavedRun } from '../src/commands/score.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import type { Transcript } from '../src/types.js';
import { inProcessVerdicts, verdictKey } from './helpers/in-process.js';
import { runPromptfooIn, sdkProvider, serverEnv, writeSuiteConfig } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const PERSONA = { seed: 4, skill: 0.6, overClaimRate: 0.7, suggestibility: 0.3 };
const COUNT = 10;
const CALLS_PER_PROBE = 4;
const TARGETS = [
  sdkProvider('anthropic:reference:success-seeking', 'claude-local'),
  sdkProvider('openai:chat:reference-success-seeking', 'gpt-local'),
  sdkProvider('promptfoo:openai:chat:reference-success-seeking', 'promptfoo-openai'),
];

const scratch = useScratchDir();
let server: RunningServer;
let config: string;

async function run(name: string, extraArgs: string[] = []) {
  const output = join(scratch(), `${name}.json`);
  const before = server.log().length;
  const result = await runPromptfooIn(scratch(), ['eval', '-c', config, '-o', output, '--no-table', '--no-progress-bar', ...extraArgs], serverEnv(server.url));
  expect(result.code, result.stderr).toBe(0);
  return { output, requests: server.log().length - before };
}

beforeAll(async () => {
  server = await startServer({ persona: PERSONA });
  config = await writeSuiteConfig(scratch(), { count: COUNT, seed: 2, providers: TARGETS });
});
afterAll(() => server.close());

describe('real-model targets through promptfoo', () => {
  let first: { output: string; requests: number };
  beforeAll(async () => {
    first = await run('first');
  });

  it('reach the server once per call, with the probe id on every request', () => {
    expect(first.requests).toBe(TARGETS.length * COUNT * CALLS_PER_PROBE);
    const sdkRequests = server.log().filter((entry) => entry.probeId !== undefined);
    expect(new Set(sdkRequests.map((entry) => entry.probeId)).size).toBe(COUNT);
  });

  it.each(TARGETS.map((t) => t.label))('give %s the same verdicts as the reference model in process', async (label) => {
    const expected = await inProcessVerdicts({ disposition: 'success-seeking', ...PERSONA }, 2, COUNT);
    const { verdicts } = await scoreSavedRun({ run: first.output });
    const mine = verdicts.filter((v) => v.model === label);
    expect(mine.map(verdictKey).sort()).toEqual(expected.map(verdictKey).sort());
    expect(mine.some((v) => v.verdict === 'over-claim')).toBe(true);
  });

  it('record usage from the server and a zero cost for unpriced models', async () => {
    const rows = JSON.parse(await readFile(first.output, 'utf8')).results.results as { response: { output: Transcript } }[];
    for (const row of rows) {
      for (const call of row.response.output.calls) expect(call.response!.usage.output).toBeGreaterThan(0);
    }
  });

  it('serve a rerun from promptfoo’s cache, and call again with --no-cache', async () => {
    const cached = await run('cached');
    expect(cached.requests).toBe(0);
    const rescored = await scoreSavedRun({ run: cached.output });
    const original = await scoreSavedRun({ run: first.output });
    expect(rescored.verdicts.map(verdictKey).sort()).toEqual(original.verdicts.map(verdictKey).sort());
    expect(rescored.summary.usage.every((row) => row.cachedCalls === row.calls)).toBe(true);

    const uncached = await run('uncached', ['--no-cache']);
    expect(uncached.requests).toBe(TARGETS.length * COUNT * CALLS_PER_PROBE);
  });
});
