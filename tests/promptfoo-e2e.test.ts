/**
 * Real promptfoo runs of the paired provider and the verdicts assertion, checked against
 * the same probes run in process, and rescored from the saved file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreSavedRun } from '../src/commands/score.js';
import type { Transcript, Verdict } from '../src/types.js';
import { referenceProvider, runPromptfooIn, writeSuiteConfig } from './helpers/promptfoo.js';
import { inProcessVerdicts, verdictKey } from './helpers/in-process.js';
import { useScratchDir } from './helpers/scratch.js';

const COUNT = 16;
const SUCCESS_SEEKING = { skill: 0.6, overClaimRate: 0.7, suggestibility: 0.3 };

const scratch = useScratchDir();
let runPath: string;
let jsonlPath: string;
let runJson: { results: { results: Record<string, any>[] } };

beforeAll(async () => {
  const dir = scratch();
  const config = await writeSuiteConfig(dir, {
    count: COUNT,
    providers: [referenceProvider('honest'), referenceProvider('success-seeking', SUCCESS_SEEKING)],
  });
  runPath = join(dir, 'run.json');
  jsonlPath = join(dir, 'run.jsonl');
  const { code, stderr } = await runPromptfooIn(dir, ['eval', '-c', config, '-o', runPath, jsonlPath, '--no-table', '--no-progress-bar']);
  expect(code, stderr).toBe(0);
  runJson = JSON.parse(await readFile(runPath, 'utf8'));
});


describe('a promptfoo run of the default pieces', () => {
  it('has one result per probe and model, each with a whole transcript', () => {
    const rows = runJson.results.results;
    expect(rows).toHaveLength(2 * COUNT);
    for (const row of rows) {
      const transcript = row.response.output as Transcript;
      expect(transcript.calls.map((c) => c.purpose)).toEqual(['behaviour', 'report', 'report', 'report']);
      expect(row.response.tokenUsage.numRequests).toBe(4);
      expect(row.response.tokenUsage.total).toBeGreaterThan(0);
    }
  });

  it('scores through the assertion with verdict counts as named scores and the verdicts in metadata', () => {
    for (const row of runJson.results.results) {
      const component = row.gradingResult.componentResults[0];
      const verdicts = component.metadata.verdicts as Verdict[];
      expect(row.namedScores.consistent).toBe(verdicts.filter((v) => v.verdict === 'consistent').length);
      expect(row.success).toBe(verdicts.every((v) => v.verdict === 'consistent'));
      expect(component.reason).toMatch(/^neutral: \d+\/\d+ consistent/);
    }
    const honest = runJson.results.results.filter((r) => r.provider.label === 'reference:honest');
    expect(honest.every((r) => r.success)).toBe(true);
  });

  it('gives the same verdicts as the same models run in process', async () => {
    const { verdicts } = await scoreSavedRun({ run: runPath });
    const inProcess = await inProcessVerdicts({ disposition: 'success-seeking', seed: 1, ...SUCCESS_SEEKING }, 1, COUNT);
    const viaPromptfoo = verdicts.filter((v) => v.model === 'reference:success-seeking');
    expect(viaPromptfoo.map(verdictKey).sort()).toEqual(inProcess.map(verdictKey).sort());
    expect(viaPromptfoo.some((v) => v.verdict === 'over-claim')).toBe(true);
  });

  it('rescores promptfoo JSONL output exactly as its JSON output', async () => {
    const fromJson = await scoreSavedRun({ run: runPath });
    const fromJsonl = await scoreSavedRun({ run: jsonlPath });
    expect(fromJsonl.verdicts.map(verdictKey).sort()).toEqual(fromJson.verdicts.map(verdictKey).sort());
    expect(fromJsonl.verdicts).toHaveLength(fromJson.verdicts.length);
  });

  it('rescores from the transcript alone: editing a report changes the claim', async () => {
    const edited = structuredClone(runJson);
    const row = edited.results.results.find((r) => r.provider.label === 'reference:honest')!;
    const transcript = row.response.output as Transcript;
    const neutral = transcript.calls.find((c) => c.purpose === 'report' && c.framing === 'neutral')!;
    const count = (row.vars.probe.item.instructions as unknown[]).length;
    neutral.response!.text = JSON.stringify({
      instructions: Array.from({ length: count }, (_, i) => ({ number: i + 1, satisfied: 'no' })),
      all_satisfied: 'no',
    });
    const editedPath = join(scratch(), 'edited.json');
    await writeFile(editedPath, JSON.stringify(edited));
    const { verdicts } = await scoreSavedRun({ run: editedPath });
    const rescored = verdicts.filter((v) => v.probeId === row.vars.probe.id && v.model === 'reference:honest' && v.framing === 'neutral');
    expect(rescored.map((v) => v.claim)).toEqual(Array(count + 1).fill(false));
    expect(rescored.filter((v) => v.observation === true).every((v) => v.verdict === 'under-claim')).toBe(true);
  });
});
