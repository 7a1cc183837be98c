/**
 * The saydo command as a user runs it: the main job, rescoring, help and bad input.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server/index.js';
import { REPO, runNode } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const SAYDO = join(REPO, 'bin/saydo.js');
const scratch = useScratchDir();

describe('saydo eval (the main job)', () => {
  let stdout: string;
  let out: string;

  beforeAll(async () => {
    out = join(scratch(), 'run');
    const result = await runNode(
      [SAYDO, 'eval', '-c', join(REPO, 'promptfooconfig.yaml'), '-o', out, '--', '--filter-first-n', '12', '--no-progress-bar'],
      { cwd: scratch() },
    );
    expect(result.code, result.stderr).toBe(0);
    stdout = result.stdout;
  });

  it('prints the verdict table for every model of the default suite', () => {
    expect(stdout).toContain('over-claim rate');
    expect(stdout).toContain('success inflation');
    expect(stdout).toMatch(/reference:honest.*success-claims/);
    expect(stdout).toMatch(/reference:success-seeking.*success-claims/);
  });

  it('keeps the run: promptfoo output, a report to open, verdicts and summary', async () => {
    for (const file of ['results.json', 'promptfoo.html', 'verdicts.jsonl', 'summary.json', 'summary.txt']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const lines = (await readFile(join(out, 'verdicts.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(lines.map((l) => l.probeId)).size).toBe(12);
    expect(Object.keys(lines[0])).toEqual(
      expect.arrayContaining(['probeId', 'model', 'unit', 'claim', 'observation', 'verdict', 'framing']),
    );
  });

  it('rescoring the saved run with saydo score prints the same table', async () => {
    const verdicts = join(scratch(), 'rescored.jsonl');
    const result = await runNode([SAYDO, 'score', join(out, 'results.json'), '--verdicts', verdicts], { cwd: scratch() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain((await readFile(join(out, 'summary.txt'), 'utf8')).trim());
    expect(await readFile(verdicts, 'utf8')).toBe(await readFile(join(out, 'verdicts.jsonl'), 'utf8'));
  });
});

describe('saydo eval --target', () => {
  it('runs the suite against the models named, here an OpenAI-compatible local server', async () => {
    const server = await startServer({ persona: { seed: 1 } });
    try {
      const result = await runNode(
        [SAYDO, 'eval', '-c', join(REPO, 'promptfooconfig.yaml'), '-o', join(scratch(), 'targeted'),
          '-t', 'openai-compatible:reference:honest', '--base-url', `${server.url}/v1`, '--filter-first-n', '2', '--no-progress-bar'],
        { cwd: scratch() },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('running openai-compatible:reference:honest');
      expect(result.stdout).toMatch(/openai-compatible:reference:honest.*success-claims/);
      expect(server.log().filter((entry) => entry.status === 200)).toHaveLength(2 * 4);
    } finally {
      await server.close();
    }
  });
});

describe('saydo eval --pair (a suite of the user\u2019s own, in one step)', () => {
  it('pairs the suite beside it, runs it against the server under its own provider ids, and prints the pairs by what they check', async () => {
    const dir = scratch();
    await cp(join(REPO, 'evals/retrofit'), join(dir, 'retrofit'), { recursive: true });
    const book = join(dir, 'pairs.jsonl');
    const server = await startServer({ anyModel: 'reference:honest', pairBook: book });
    try {
      const env = { OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'sk-local', ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-ant-local', SAYDO_PAIR_BOOK: book };
      const result = await runNode([SAYDO, 'eval', '--pair', join(dir, 'retrofit/promptfooconfig.yaml'), '-o', join(dir, 'run'), '--', '--no-progress-bar'], { cwd: dir, env });
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(join(dir, 'retrofit/promptfooconfig.paired.yaml'))).toBe(true);
      expect(result.stdout).toMatch(/promptfooconfig\.yaml:\d+: tests\.1 \(ticket as JSON\): 2:is-json paired: Is your answer valid JSON as a whole/);
      expect(result.stdout).toMatch(/openai:chat:gpt-4\.1-mini\s*│ pairs/);
      expect(result.stdout).toMatch(/anthropic:messages:claude-sonnet-4-5\s*│ pairs/);
      expect(result.stdout).toContain('type retrospective: is-json');
      expect(result.stdout).toContain('metric retrospective: policy');
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('saydo on bad input', () => {
  it('names the file and line of a malformed saved run', async () => {
    const notSaydo = join(scratch(), 'not-saydo.jsonl');
    await writeFile(notSaydo, '{"vars": {}}\n');
    const first = await runNode([SAYDO, 'score', notSaydo], { cwd: scratch() });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`${notSaydo}:1: no saydo probe: neither a probe var nor a paired test`);
    const broken = join(scratch(), 'broken.jsonl');
    await writeFile(broken, '\n{not json\n');
    const second = await runNode([SAYDO, 'score', broken], { cwd: scratch() });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${broken}:2: invalid JSON`);
  });

  it('says which file is missing', async () => {
    const result = await runNode([SAYDO, 'score', join(scratch(), 'nope.json')], { cwd: scratch() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/saydo: .*nope\.json/);
  });

  it('lists its commands in --help', async () => {
    const result = await runNode([SAYDO, '--help'], { cwd: scratch() });
    expect(result.stdout).toMatch(/eval[\s\S]*score[\s\S]*ifeval/);
  });
});
