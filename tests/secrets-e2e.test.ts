/**
 * API keys never reach anything a run writes: transcripts, results, reports, promptfoo's
 * database, cache and logs, the server's log, or the console.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server/index.js';
import { REPO, runNode, sdkProvider, serverEnv, writeSuiteConfig } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const KEYS = {
  anthropic: 'sk-ant-saydo-FAKE-4f1c9e2b7a6d0c33',
  openai: 'sk-saydo-FAKE-8e3d1a9c5b72e610',
};
const COMPATIBLE_KEY = 'saydo-compatible-FAKE-2b9d7f1e';

/** Every file below `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const scratch = useScratchDir();
let server: RunningServer;
let console_: string;

beforeAll(async () => {
  server = await startServer({ persona: { seed: 2 }, logFile: join(scratch(), 'server-log.jsonl') });
  const config = await writeSuiteConfig(scratch(), {
    count: 4,
    providers: [
      sdkProvider('anthropic:reference:success-seeking', 'claude-local'),
      sdkProvider('openai:reference:success-seeking', 'gpt-local'),
      sdkProvider('openai-compatible:reference:honest', 'compatible-local', { baseUrl: `${server.url}/v1` }),
      sdkProvider('promptfoo:openai:chat:reference-honest', 'promptfoo-local'),
      // A model the server does not know: its errors are recorded, and must not carry the key either.
      sdkProvider('anthropic:no-such-model', 'missing-model'),
    ],
  });
  const result = await runNode([join(REPO, 'bin/saydo.js'), 'eval', '-c', config, '-o', join(scratch(), 'run'), '--', '--no-progress-bar'], {
    cwd: scratch(),
    env: { ...serverEnv(server.url, KEYS), OPENAI_COMPATIBLE_API_KEY: COMPATIBLE_KEY, LOG_LEVEL: 'debug' },
  });
  expect(result.code, result.stderr).toBe(0);
  console_ = result.stdout + result.stderr;
}, 120_000);
afterAll(() => server.close());

describe('a run with API keys in its environment', () => {
  it('wrote its results, database and logs', async () => {
    const files = await filesUnder(scratch());
    for (const expected of ['run/results.json', 'run/promptfoo.html', 'run/verdicts.jsonl', '.promptfoo/promptfoo.db', 'server-log.jsonl']) {
      expect(files.some((file) => file.endsWith(expected)), expected).toBe(true);
    }
    expect(files.some((file) => file.includes('/.promptfoo/logs/'))).toBe(true);
    // The scan below reads raw bytes: the database does hold the run's text in the clear.
    const database = await readFile(files.find((file) => file.endsWith('.promptfoo/promptfoo.db'))!);
    expect(database.includes('claude-local')).toBe(true);
    expect(console_).toContain('missing-model');
  });

  it('has no key in any file it wrote or anything it printed', async () => {
    const leaks: string[] = [];
    for (const file of await filesUnder(scratch())) {
      const bytes = await readFile(file);
      for (const key of [KEYS.anthropic, KEYS.openai, COMPATIBLE_KEY]) {
        if (bytes.includes(key)) leaks.push(`${file} contains ${key.slice(0, 12)}...`);
      }
    }
    for (const key of [KEYS.anthropic, KEYS.openai, COMPATIBLE_KEY]) {
      if (console_.includes(key)) leaks.push(`the console shows ${key.slice(0, 12)}...`);
    }
    expect(leaks).toEqual([]);
  });
});
