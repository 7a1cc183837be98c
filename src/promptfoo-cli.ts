/**
 * Running promptfoo's own CLI as a child process, the way a user would, with saydo's
 * offline defaults in its environment.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** The path of promptfoo's CLI entry point in this install. Its package.json is not in
 * its exports map, so it is found by walking up from the package's main file. */
export function promptfooBin(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('promptfoo'));
  for (;;) {
    const manifestPath = join(dir, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; bin?: string | Record<string, string> };
      if (manifest.name === 'promptfoo') {
        const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.promptfoo;
        if (!entry) throw new Error('promptfoo is installed without a CLI entry point');
        return join(dir, entry);
      }
    }
    if (dirname(dir) === dir) throw new Error('cannot find the promptfoo package: run npm ci');
    dir = dirname(dir);
  }
}

/** The environment for a promptfoo child: saydo's defaults under whatever the caller set. */
export function promptfooEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...PROMPTFOO_DEFAULT_ENV, ...base };
}

/**
 * Runs `promptfoo <args>` with inherited stdio and resolves to its exit code. Ctrl-C
 * reaches promptfoo, which pauses the run and saves it for `--resume`; saydo waits for it
 * instead of dying first.
 */
export function runPromptfoo(args: readonly string[], env: NodeJS.ProcessEnv = promptfooEnv()): Promise<number> {
  const waitForChild = (): void => {};
  process.on('SIGINT', waitForChild);
  return new Promise<number>((resolve, reject) => {
    // promptfoo's HTTP stack uses an experimental undici API on Node 20; the warning says nothing to a user.
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', promptfooBin(), ...args], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => process.off('SIGINT', waitForChild));
}
