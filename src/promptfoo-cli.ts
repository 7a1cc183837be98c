/**
 * Running promptfoo's own CLI as a child process, the way a user would, with saydo's
 * offline defaults in its environment.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** promptfoo settings saydo runs with unless the user set them: nothing phones home, and
 * failing assertions (which are measurements here, not breakage) do not fail the process. */
export const PROMPTFOO_DEFAULT_ENV: Readonly<Record<string, string>> = {
  PROMPTFOO_DISABLE_TELEMETRY: '1',
  PROMPTFOO_DISABLE_UPDATE: '1',
  PROMPTFOO_DISABLE_SHARING: '1',
  PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
  PROMPTFOO_DISABLE_RUNTIME_WARNINGS: '1',
  PROMPTFOO_PASS_RATE_THRESHOLD: '0',
};

/** The path of promptfoo's CLI entry point in this install. */
export function promptfooBin(): string {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('promptfoo/package.json');
  const { bin } = require(packageJsonPath) as { bin: string | Record<string, string> };
  const entry = typeof bin === 'string' ? bin : bin.promptfoo;
  if (!entry) throw new Error('promptfoo is installed without a CLI entry point');
  return join(dirname(packageJsonPath), entry);
}

/** The environment for a promptfoo child: saydo's defaults under whatever the caller set. */
export function promptfooEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...PROMPTFOO_DEFAULT_ENV, ...base };
}

/** Runs `promptfoo <args>` with inherited stdio and resolves to its exit code. */
export function runPromptfoo(args: readonly string[], env: NodeJS.ProcessEnv = promptfooEnv()): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [promptfooBin(), ...args], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
