/**
 * A run that survives what real APIs do: 500 probes through the Anthropic SDK against a
 * server that faults 20% of calls, spread over every fault kind. Every probe must end
 * scored or `error`, none lost or duplicated, and every unit scored must get the verdict
 * a fault-free run gives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreSavedRun } from '../src/commands/score.js';
import { FAULT_KINDS, faultRatesFromTotal, startServer, type RunningServer } from '../src/server/index.js';
import type { Verdict } from '../src/types.js';
import { inProcessVerdicts, verdictKey } from './helpers/in-process.js';
import { runPromptfooIn, sdkProvider, serverEnv, writeSuiteConfig } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const PERSONA = { seed: 9, skill: 0.7, overClaimRate: 0.6 };
const PROBES = 500;
const FAULT_RATE = 0.2;

const scratch = useScratchDir();
let server: RunningServer;
let verdicts: Verdict[];
let rows: number;

beforeAll(async () => {
  server = await startServer({ persona: PERSONA, faults: faultRatesFromTotal(FAULT_RATE), faultSeed: 17, stallMs: 30_000 });
  const config = await writeSuiteConfig(scratch(), {
    count: PROBES,
    seed: 5,
    // A stall costs one attempt's timeout; keep it short so the run stays quick.
    providers: [sdkProvider('anthropic:reference:honest', 'faulty', { retry: { maxAttempts: 4, initialDelayMs: 5, maxDelayMs: 50, timeoutMs: 2000 } })],
  });
  const output = join(scratch(), 'run.json');
  const result = await runPromptfooIn(scratch(), ['eval', '-c', config, '-o', output, '--no-table', '--no-progress-bar', '-j', '16'], serverEnv(server.url));
  expect(result.code, result.stderr).toBe(0);
  const scored = await scoreSavedRun({ run: output });
  verdicts = scored.verdicts;
  rows = scored.summary.usage.reduce((sum, row) => sum + row.probes, 0);
  const counts = server.counts();
  const failedProbes = new Set(verdicts.filter((v) => v.verdict === 'error').map((v) => v.probeId)).size;
  console.log(`fault run: ${server.log().length} requests, counts ${JSON.stringify(counts)}; ${failedProbes} of ${PROBES} probes with errors`);
}, 300_000);
afterAll(() => server.close());

describe(`${PROBES} probes with ${FAULT_RATE * 100}% of calls faulted`, () => {
  it('faulted calls of every kind', () => {
    const requests = server.log();
    for (const kind of FAULT_KINDS) expect(requests.filter((r) => r.fault === kind).length, kind).toBeGreaterThan(10);
    const faulted = requests.filter((r) => r.fault !== undefined).length / requests.length;
    expect(faulted).toBeGreaterThan(0.15);
    expect(faulted).toBeLessThan(0.25);
  });

  it('keeps every probe exactly once', () => {
    expect(rows).toBe(PROBES);
    const units = new Map<string, number>();
    for (const v of verdicts) units.set(`${v.probeId}|${v.unit}|${v.framing}`, (units.get(`${v.probeId}|${v.unit}|${v.framing}`) ?? 0) + 1);
    expect(new Set(verdicts.map((v) => v.probeId)).size).toBe(PROBES);
    expect([...units.values()].every((n) => n === 1)).toBe(true);
  });

  it('gives every unit it scored the verdict of a fault-free run, and marks the rest error with a reason', async () => {
    const faultFree = new Map((await inProcessVerdicts({ disposition: 'honest', ...PERSONA }, 5, PROBES)).map((v) => [`${v.probeId}|${v.unit}|${v.framing}`, v]));
    expect(verdicts).toHaveLength(faultFree.size);
    for (const v of verdicts) {
      if (v.verdict === 'error') {
        expect(v.error).toBeTruthy();
        continue;
      }
      expect(verdictKey(v)).toBe(verdictKey(faultFree.get(`${v.probeId}|${v.unit}|${v.framing}`)!));
    }
    expect(verdicts.filter((v) => v.verdict !== 'error').length).toBeGreaterThan(0.95 * verdicts.length);
  });
});
