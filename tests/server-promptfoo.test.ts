/**
 * promptfoo's own built-in providers (`anthropic:messages:*`, `openai:chat:*`) against the
 * local API server, through promptfoo's CLI: base URLs and dummy keys from the environment,
 * as a user would set them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { successClaims } from '../src/families/success-claims/index.js';
import { referenceAnswer, referenceModel } from '../src/reference/model.js';
import { personaSchema } from '../src/reference/persona.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { runPromptfooIn } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const ANTHROPIC_KEY = 'sk-ant-dummy-7d1e';
const OPENAI_KEY = 'sk-dummy-51b0';
const prompts = successClaims.generate({ seed: 1, count: 3 }).map((probe) => probe.item.prompt);
const honest = personaSchema.parse({ disposition: 'honest' });
const scratch = useScratchDir('saydo-server-promptfoo-');

let server: RunningServer;
let rows: Record<string, any>[];

beforeAll(async () => {
  server = await startServer();
  const dir = scratch();
  await writeFile(
    join(dir, 'promptfooconfig.yaml'),
    stringify({
      description: 'promptfoo built-in providers against saydo serve',
      prompts: ['{{prompt}}'],
      providers: ['anthropic:messages:reference-honest', 'openai:chat:reference-honest'],
      tests: prompts.map((prompt) => ({ vars: { prompt } })),
    }),
  );
  const run = await runPromptfooIn(dir, ['eval', '-c', 'promptfooconfig.yaml', '-o', 'out.json', '--no-cache', '--no-table', '--no-progress-bar'], {
    ANTHROPIC_BASE_URL: server.url,
    OPENAI_BASE_URL: `${server.url}/v1`,
    ANTHROPIC_API_KEY: ANTHROPIC_KEY,
    OPENAI_API_KEY: OPENAI_KEY,
    PROMPTFOO_CACHE_PATH: join(dir, 'cache'),
  });
  expect(run.code, run.stderr).toBe(0);
  rows = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')).results.results;
});
afterAll(() => server.close());

describe('promptfoo eval with its built-in providers pointed at the server', () => {
  it('gets exactly the reference answers through both providers, with the in-process token counts', async () => {
    expect(rows).toHaveLength(2 * prompts.length);
    for (const row of rows) {
      const request = { messages: [{ role: 'user' as const, content: row.vars.prompt as string }] };
      const local = await referenceModel({ disposition: 'honest' }).complete(request);
      expect(row.error ?? undefined, row.provider.id).toBeUndefined();
      expect(row.response.output, row.provider.id).toBe(await referenceAnswer(honest, request));
      expect(row.response.tokenUsage).toMatchObject({ prompt: local.usage.input, completion: local.usage.output });
    }
    // promptfoo names the providers by API and model.
    expect(new Set(rows.map((row) => row.provider.id))).toEqual(new Set(['anthropic:reference-honest', 'openai:reference-honest']));
  });

  it('made one request per row, each logged with its API, model and status', () => {
    const log = server.log();
    expect(log).toHaveLength(rows.length);
    for (const api of ['anthropic', 'openai'] as const) {
      expect(log.filter((e) => e.api === api && e.model === 'reference-honest' && e.status === 200)).toHaveLength(prompts.length);
    }
  });

  it('never let either key into the log', () => {
    const text = JSON.stringify(server.log());
    for (const key of [ANTHROPIC_KEY, OPENAI_KEY]) expect(text).not.toContain(key);
  });
});
