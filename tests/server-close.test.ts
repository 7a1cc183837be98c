/**
 * The local API server's close(): held requests let go at once and logged, no handle left
 * open. In a file of its own, so no other server's sockets blur the count.
 */
import Anthropic from '@anthropic-ai/sdk';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server/index.js';
import { useScratchDir } from './helpers/scratch.js';

const KEY = 'sk-test-secret-3f9c2a';
const scratch = useScratchDir('saydo-server-close-');

describe('close()', () => {
  /** Waits, on immediates (which are not timers), until `check` holds; false after a second. */
  async function settles(check: () => boolean): Promise<boolean> {
    const deadline = Date.now() + 1000;
    while (!check()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return true;
  }
  const resources = (kind: string): number => process.getActiveResourcesInfo().filter((r) => r === kind).length;
  const sockets = (): number => resources('TCPServerWrap') + resources('TCPSocketWrap');

  it('starts with no sockets open, so the count at the end means something', () => {
    expect(sockets()).toBe(0);
  });

  it('clears a stall timer when its client gives up, drops held requests at once, logs them, and leaves no open handles', async () => {
    const timers = resources('Timeout');
    const file = join(scratch(), 'close.jsonl');
    const held = await startServer({ faults: { stall: 1 }, stallMs: 60_000, logFile: file });
    const body = JSON.stringify({ model: 'honest', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });

    const client = new Anthropic({ baseURL: held.url, apiKey: KEY, maxRetries: 0, timeout: 200 });
    await expect(client.messages.create(JSON.parse(body))).rejects.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    // Logged (status 0) as soon as the client left, and so no longer close()'s to clean up:
    // its stall timer must have gone with it for the last check to pass.
    await expect.poll(() => held.log()).toHaveLength(1);

    const waiting = new Promise<string>((resolve) => {
      const req = httpRequest(`${held.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': KEY } }, () => resolve('answered'));
      req.on('error', (error) => resolve(error.message));
      req.end(body);
    });
    // Time for the request to reach the server and be held.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await held.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await waiting).toBe('socket hang up');
    expect(held.log().map((e) => [e.fault, e.status])).toEqual([
      ['stall', 0],
      ['stall', 0],
    ]);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual(held.log());
    // Closing handles leave libuv on its next turn or so.
    expect(await settles(() => sockets() === 0 && resources('Timeout') <= timers), process.getActiveResourcesInfo().join(', ')).toBe(true);
  });
});
