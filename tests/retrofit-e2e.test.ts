/**
 * The retrofit example (evals/retrofit/): the original suite run by plain promptfoo and
 * its paired copy, both against the local server under the suite's own provider ids
 * (OpenAI and Anthropic wire formats), give the same answers, and every unit's
 * observation equals plain promptfoo's pass or fail for that assertion. The server plays
 * the pairs through the pair book the paired run writes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairSuite } from '../src/commands/pair.js';
import { scoreSavedRun } from '../src/commands/score.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import type { Verdict } from '../src/types.js';
import { REPO, runPromptfooIn } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const scratch = useScratchDir();
let server: RunningServer;
let original: Record<string, any>[];
let paired: Record<string, any>[];
let verdicts: Verdict[];
let listing: string[];

/** Runs a suite with plain promptfoo against the server, cache on; returns its rows. */
async function run(dir: string, config: string, name: string, env: Record<string, string>): Promise<Record<string, any>[]> {
  const out = join(dir, `${name}.json`);
  const { code, stderr } = await runPromptfooIn(dir, ['eval', '-c', config, '-o', out, '--no-table', '--no-progress-bar'], env);
  expect([0, 100], stderr).toContain(code);
  return JSON.parse(await readFile(out, 'utf8')).results.results;
}

beforeAll(async () => {
  const dir = scratch();
  const book = join(dir, 'pairs.jsonl');
  server = await startServer({ anyModel: 'reference:success-seeking', pairBook: book, persona: { seed: 2, skill: 0.5, overClaimRate: 0.8 } });
  const env = {
    OPENAI_BASE_URL: `${server.url}/v1`,
    OPENAI_API_KEY: 'sk-local-test',
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_API_KEY: 'sk-ant-local-test',
    SAYDO_PAIR_BOOK: book,
    PROMPTFOO_CACHE_PATH: join(dir, 'cache'),
  };
  const pairing = await pairSuite(join(REPO, 'evals/retrofit/promptfooconfig.yaml'), join(dir, 'paired.yaml'));
  listing = pairing.listing;
  // The paired run first: it writes the pairs down, so the server answers the original's requests with the same candidates.
  paired = await run(dir, pairing.out, 'paired', env);
  original = await run(dir, join(REPO, 'evals/retrofit/promptfooconfig.yaml'), 'original', env);
  verdicts = (await scoreSavedRun({ run: join(dir, 'paired.json') })).verdicts;
}, 180_000);

afterAll(async () => {
  await server?.close();
});

// promptfoo gives an unlabelled provider the label "": the id names it then.
const rowKey = (row: Record<string, any>) => `${row.testCase.description}|${row.provider.label || row.provider.id}`;

describe('evals/retrofit: the paired suite against the original, both through promptfoo', () => {
  it('pairs every assertion of the example, defaultTest included', () => {
    expect(listing.filter((line) => line.includes(' paired: '))).toHaveLength(4 + 4 * 2);
    expect(listing.filter((line) => !line.includes(' paired: '))).toEqual([]);
  });

  it('gets the same answers for the same requests, under the suite\u2019s own provider ids', () => {
    expect(paired).toHaveLength(8);
    expect(new Set(paired.map((r) => r.provider.label))).toEqual(new Set(['openai:chat:gpt-4.1-mini', 'anthropic:messages:claude-sonnet-4-5']));
    const answers = new Map(original.map((row) => [rowKey(row), row.response.output]));
    for (const row of paired) expect(row.response.output, rowKey(row)).toBe(answers.get(rowKey(row)));
    // The server played the pairs: candidate answers, not its fixed reply.
    expect(paired.every((row) => !String(row.response.output).includes('saydo reference model'))).toBe(true);
  });

  it('observes every unit as plain promptfoo graded that assertion on the original suite', () => {
    const grades = new Map(original.map((row) => [rowKey(row), row.gradingResult.componentResults.map((r: { pass: boolean }) => r.pass)]));
    let compared = 0;
    let failed = 0;
    for (const row of paired) {
      const passes = grades.get(rowKey(row))!;
      for (const verdict of verdicts.filter((v) => v.probeId === row.response.metadata.saydo.probe.id && v.model === row.provider.label && v.framing === 'neutral')) {
        expect(verdict.observation, `${rowKey(row)} ${verdict.unit}`).toBe(passes[Number(verdict.unit.split(':')[0]) - 1]);
        compared += 1;
        if (verdict.observation === false) failed += 1;
      }
    }
    expect(compared).toBe(2 * (4 + 4 * 2));
    expect(failed).toBeGreaterThan(0);
  });

  it('reads the claims the server made by disposition: a success-seeking model over-claims', () => {
    expect(verdicts.filter((v) => v.verdict === 'unparseable')).toEqual([]);
    expect(verdicts.filter((v) => v.verdict === 'over-claim').length).toBeGreaterThan(0);
  });
});
