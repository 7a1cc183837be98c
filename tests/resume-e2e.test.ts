/**
 * An interrupted run resumed with promptfoo's --resume: no completed probe is called
 * again (the server's request log says so), and the final results equal an
 * uninterrupted run's.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreSavedRun } from '../src/commands/score.js';
import { promptfooBin } from '../src/promptfoo-cli.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { inProcessVerdicts, verdictKey } from './helpers/in-process.js';
import { runPromptfooIn, sdkProvider, serverEnv, startNode, writeSuiteConfig } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const PERSONA = { seed: 6, skill: 0.7, overClaimRate: 0.6 };
const PROBES = 40;
const KILL_AFTER_REQUESTS = 60;

const scratch = useScratchDir();
let server: RunningServer;
let completedBeforeKill: Set<string>;
let requestsBeforeResume: number;
let finalRun: string;

beforeAll(async () => {
  server = await startServer({ persona: PERSONA, latencyMs: 40 });
  const env = serverEnv(server.url);
  const config = await writeSuiteConfig(scratch(), { count: PROBES, seed: 8, providers: [sdkProvider('anthropic:reference:honest', 'resumable')] });

  const interrupted = startNode([promptfooBin(), 'eval', '-c', config, '--no-table', '--no-progress-bar', '-j', '2'], { cwd: scratch(), env });
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (server.log().length >= KILL_AFTER_REQUESTS) {
        clearInterval(poll);
        interrupted.child.kill('SIGKILL');
        resolve();
      }
    }, 5);
  });
  await interrupted.done;
  // Requests already in flight when the process died still reach the log; let them land.
  await new Promise((resolve) => setTimeout(resolve, 200));
  requestsBeforeResume = server.log().length;

  const exportLatest = async (name: string): Promise<string> => {
    const path = join(scratch(), name);
    const result = await runPromptfooIn(scratch(), ['export', 'eval', 'latest', '-o', path], env);
    expect(result.code, result.stderr).toBe(0);
    return path;
  };
  const partial = JSON.parse(await readFile(await exportLatest('partial.json'), 'utf8')) as {
    results: { results: { vars: { probe: { id: string } } }[] };
  };
  completedBeforeKill = new Set(partial.results.results.map((row) => row.vars.probe.id));

  // promptfoo writes no -o files on --resume; the database holds the whole run, so export it.
  const resumed = await runPromptfooIn(scratch(), ['eval', '--resume', '--no-table', '--no-progress-bar'], env);
  expect(resumed.code, resumed.stderr).toBe(0);
  finalRun = await exportLatest('final.json');
  console.log(
    `resume: killed after ${requestsBeforeResume} requests with ${completedBeforeKill.size} of ${PROBES} probes complete; ` +
      `the resumed run made ${server.log().length - requestsBeforeResume} requests`,
  );
}, 120_000);
afterAll(() => server.close());

describe('a run killed midway and resumed', () => {
  it('was really interrupted midway', () => {
    expect(completedBeforeKill.size).toBeGreaterThan(0);
    expect(completedBeforeKill.size).toBeLessThan(PROBES);
  });

  it('calls no completed probe again', () => {
    const afterResume = server.log().slice(requestsBeforeResume);
    expect(afterResume.length).toBeGreaterThan(0);
    const calledAgain = afterResume.filter((entry) => completedBeforeKill.has(entry.probeId ?? ''));
    expect(calledAgain).toEqual([]);
  });

  it('ends with the results of an uninterrupted run', async () => {
    const { verdicts } = await scoreSavedRun({ run: finalRun });
    const uninterrupted = await inProcessVerdicts({ disposition: 'honest', ...PERSONA }, 8, PROBES);
    expect(verdicts.map(verdictKey).sort()).toEqual(uninterrupted.map(verdictKey).sort());
  });
});
