/**
 * Test helpers for real promptfoo runs in a scratch directory: promptfoo's config dir,
 * database, cache and logs all go there, never to the user's ~/.promptfoo.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { promptfooBin, promptfooEnv } from '../../src/promptfoo-cli.js';

export const REPO = resolve(import.meta.dirname, '../..');

/** A file:// reference to a repo file, absolute so a config anywhere can use it. */
export const repoFile = (path: string): string => `file://${join(REPO, path)}`;

/** Writes a promptfoo config (with saydo's prompt, assertion and generator) and returns its path. */
export async function writeSuiteConfig(
  dir: string,
  options: { providers: unknown[]; seed?: number; count: number; families?: readonly string[] },
): Promise<string> {
  const config = {
    description: 'saydo test suite',
    prompts: ['{{prompt}}'],
    providers: options.providers,
    tests: (options.families ?? ['success-claims']).map((family) => ({
      path: repoFile('datasets/generated.ts'),
      config: { family, seed: options.seed ?? 1, count: options.count },
    })),
    defaultTest: { assert: [{ type: 'javascript', value: repoFile('scorers/verdicts.ts') }] },
  };
  const path = join(dir, 'promptfooconfig.yaml');
  await writeFile(path, stringify(config));
  return path;
}

/** Starts node with `args` in `cwd`, promptfoo's state kept in the scratch dir, output captured. */
export function startNode(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: promptfooEnv({
      ...process.env,
      PROMPTFOO_CONFIG_DIR: join(options.cwd, '.promptfoo'),
      // vitest sets NODE_ENV=test, which makes promptfoo keep its cache in memory only.
      NODE_ENV: 'production',
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
  return { child, done };
}

/** Runs node with `args` to the end; see startNode. */
export function runNode(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  return startNode(args, options).done;
}

/** `promptfoo <args>` in a scratch directory. */
export function runPromptfooIn(dir: string, args: string[], env?: Record<string, string>) {
  return runNode([promptfooBin(), ...args], { cwd: dir, ...(env ? { env } : {}) });
}

/** A reference-model provider entry of the paired provider. */
export function referenceProvider(disposition: string, reference: Record<string, unknown> = {}, label?: string) {
  return {
    id: repoFile('providers/paired.ts'),
    label: label ?? `reference:${disposition}`,
    config: { target: `reference:${disposition}`, reference: { seed: 1, ...reference } },
  };
}

/** A real-model provider entry of the paired provider, with fast retries for tests. */
export function sdkProvider(target: string, label: string, config: Record<string, unknown> = {}) {
  return {
    id: repoFile('providers/paired.ts'),
    label,
    config: { target, retry: { maxAttempts: 4, initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 5000 }, ...config },
  };
}

/** The environment that points both SDKs (and promptfoo's own providers) at a local server. */
export function serverEnv(url: string, keys = { anthropic: 'test-anthropic-key', openai: 'test-openai-key' }): Record<string, string> {
  return {
    ANTHROPIC_API_KEY: keys.anthropic,
    ANTHROPIC_BASE_URL: url,
    OPENAI_API_KEY: keys.openai,
    OPENAI_BASE_URL: `${url}/v1`,
  };
}
