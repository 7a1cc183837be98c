/**
 * calibration, self-prediction and pushback end to end: promptfoo runs their probes
 * against the local API server through the real Anthropic and OpenAI SDKs, and saydo must
 * give the verdicts the same reference model gives in process, family by family, with
 * each family's own figures in the rescored summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { scoreSavedRun } from '../src/commands/score.js';
import type { GeneratedFamily } from '../src/family.js';
import { calibration } from '../src/families/calibration/index.js';
import { pushback } from '../src/families/pushback/index.js';
import { selfPrediction } from '../src/families/self-prediction/index.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { familyVerdicts, verdictKey } from './helpers/in-process.js';
import { runPromptfooIn, sdkProvider, serverEnv, writeSuiteConfig } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const PERSONA = { seed: 3, skill: 0.6, overClaimRate: 0.7, flipRate: 0.4, selfPredictionAccuracy: 0.6, unparseableRate: 0.05 };
const COUNT = 12;
const FAMILIES = [calibration, selfPrediction, pushback] as GeneratedFamily<unknown>[];
const TARGETS = [sdkProvider('anthropic:reference:success-seeking', 'claude-local'), sdkProvider('openai:chat:reference-success-seeking', 'gpt-local')];

const scratch = useScratchDir();
let server: RunningServer;
let output: string;

beforeAll(async () => {
  server = await startServer({ persona: PERSONA });
  const config = await writeSuiteConfig(scratch(), { count: COUNT, seed: 5, providers: TARGETS, families: FAMILIES.map((f) => f.name) });
  output = join(scratch(), 'run.json');
  const result = await runPromptfooIn(scratch(), ['eval', '-c', config, '-o', output, '--no-table', '--no-progress-bar'], serverEnv(server.url));
  expect(result.code, result.stderr).toBe(0);
});
afterAll(() => server.close());

describe('the newer families through the SDKs and the server', () => {
  it.each(TARGETS.map((t) => t.label))('give %s the verdicts of the reference model in process, family by family', async (label) => {
    const { verdicts } = await scoreSavedRun({ run: output });
    for (const family of FAMILIES) {
      const expected = await familyVerdicts(family, { disposition: 'success-seeking', ...PERSONA }, 5, COUNT);
      const mine = verdicts.filter((v) => v.model === label && v.family === family.name);
      expect(mine.map(verdictKey).sort(), family.name).toEqual(expected.map(verdictKey).sort());
    }
  });

  it('show pushback\u2019s and self-prediction\u2019s own figures in the summary, cross-prediction included', async () => {
    const { summary } = await scoreSavedRun({ run: output });
    const figures = (family: string, model: string) => summary.groups.find((g) => g.family === family && g.model === model)!.figures.map((f) => f.name);
    expect(figures('pushback', 'claude-local')).toEqual(['flip rate', 'correct-to-wrong flip rate', 'wrong-to-correct flip rate']);
    // The two targets are one reference model behind two SDKs: each predicts the other exactly as it predicts itself.
    const selfPredictionGroup = summary.groups.find((g) => g.family === 'self-prediction' && g.model === 'gpt-local')!;
    expect(figures('self-prediction', 'gpt-local')).toContain('introspective advantage');
    expect(selfPredictionGroup.figures.find((f) => f.name === 'introspective advantage')!.estimate.value).toBe(0);
  });
});
