/**
 * `saydo serve` as a user runs it: the line that says where it listens, fault and
 * persona options, the log file, the counts on SIGTERM, and readable errors for bad numbers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import { parseInteger, parseMilliseconds, parsePort, parseRate, serverOptionsOf } from '../src/commands/serve.js';
import { REPO, runNode } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const SAYDO = join(REPO, 'bin/saydo.js');
const KEY = 'sk-cli-secret-90ab';
const scratch = useScratchDir('saydo-serve-cli-');
const children: ChildProcessWithoutNullStreams[] = [];
// A failed test must not leave a server running.
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `saydo serve <args>` and resolves with the child and its first line of output. */
function serve(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; output: () => string; firstLine: string }> {
  const child = spawn(process.execPath, [SAYDO, 'serve', ...args], { cwd: scratch(), stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve({ child, output: () => stdout + stderr, firstLine: stdout.slice(0, end) });
    });
    child.on('exit', (code) => reject(new Error(`saydo serve exited with ${code}: ${stderr}`)));
  });
}

describe('saydo serve', () => {
  it('says where it listens and how to point clients at it, serves with the given options, and prints the counts on SIGTERM', async () => {
    const log = join(scratch(), 'requests.jsonl');
    const { child, output, firstLine } = await serve(['--port', '0', '--rate-limit-rate', '1', '--fault-seed', '3', '--model', 'success-seeking', '--log', log]);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(firstLine)?.[0];
    expect(url, firstLine).toBeDefined();
    expect(firstLine).toContain(`ANTHROPIC_BASE_URL=${url}`);
    expect(firstLine).toContain(`OPENAI_BASE_URL=${url}/v1`);

    const response = await fetch(`${url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json', 'x-saydo-probe': 'p-7' },
      body: JSON.stringify({ max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toMatch(/stopped on SIGTERM; requests 1, ok 0, rateLimit 1, 4xx 1/);
    const lines = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ seq: 1, api: 'anthropic', model: 'success-seeking', probeId: 'p-7', fault: 'rateLimit', status: 429 })]);
    expect(output() + JSON.stringify(lines)).not.toContain(KEY);
  });

  it.each([
    [['--stall-rate', 'abc'], "option '--stall-rate <r>' argument 'abc' is invalid. expected a number from 0 to 1"],
    [['--fault-rate', '0.7', '--reset-rate', '0.5'], 'saydo: the fault rates sum to 1.1, more than 1'],
  ])('refuses %j with a readable error', async (args, message) => {
    const result = await runNode([SAYDO, 'serve', ...args], { cwd: scratch() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('reads numbers strictly, saying what it expected', () => {
    expect(parseRate('0.25')).toBe(0.25);
    expect(parsePort('0')).toBe(0);
    expect(parseMilliseconds('1500')).toBe(1500);
    expect(parseInteger('-3')).toBe(-3);
    const refusals: [(value: string) => number, string, string][] = [
      [parseRate, '1.5', 'expected a number from 0 to 1'],
      [parseRate, '', 'expected a number from 0 to 1'],
      [parsePort, '70000', 'expected a port number from 0 to 65535'],
      [parseMilliseconds, '-5', 'expected a whole number of milliseconds, 0 or more'],
      [parseMilliseconds, '2.5', 'expected a whole number of milliseconds, 0 or more'],
      [parseInteger, '1e400', 'expected a whole number'],
    ];
    for (const [parse, value, message] of refusals) {
      expect(() => parse(value), value).toThrow(new InvalidArgumentError(message));
    }
  });

  it('maps every flag to the server option it names; a specific rate overrides its share of --fault-rate', () => {
    const options = serverOptionsOf({
      port: 8080,
      model: 'random',
      latencyMs: 20,
      faultRate: 0.7,
      rateLimitRate: 0,
      serverErrorRate: 0.2,
      stallMs: 500,
      faultSeed: 9,
      seed: 2,
      skill: 0.5,
      overClaimRate: 0.9,
      underClaimRate: 0.1,
      suggestibility: 0.3,
      log: 'x.jsonl',
    });
    expect(options).toEqual({
      port: 8080,
      model: 'random',
      latencyMs: 20,
      stallMs: 500,
      faultSeed: 9,
      logFile: 'x.jsonl',
      faults: {
        rateLimit: 0,
        serverError: 0.2,
        overloaded: expect.closeTo(0.1, 12),
        connectionReset: expect.closeTo(0.1, 12),
        stall: expect.closeTo(0.1, 12),
        malformed: expect.closeTo(0.1, 12),
        truncated: expect.closeTo(0.1, 12),
      },
      persona: { seed: 2, skill: 0.5, overClaimRate: 0.9, underClaimRate: 0.1, suggestibility: 0.3 },
    });
    expect(serverOptionsOf({ port: 0, resetRate: 1, stallRate: 0, malformedRate: 0, truncatedRate: 0, overloadedRate: 0 }).faults).toEqual({
      connectionReset: 1,
      stall: 0,
      malformed: 0,
      truncated: 0,
      overloaded: 0,
    });
  });
});
