/**
 * Known answers for pairs written in YAML and run by promptfoo: over 320 units, the
 * success-seeking reference model's configured over-claim rate, hedging and
 * suggestibility are measured back inside their 95% intervals, and the honest one shows
 * no over- or under-claim.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scoreSavedRun } from '../src/commands/score.js';
import type { Estimate } from '../src/metrics.js';
import type { RunSummary } from '../src/summary.js';
import type { Verdict } from '../src/types.js';
import { KNOWN_ANSWER_PROMPT, knownAnswerTests } from './helpers/pairs.js';
import { referenceProvider, repoFile, runPromptfooIn } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const TESTS = 160;
const SUCCESS_SEEKING = { seed: 3, skill: 0.3, overClaimRate: 0.4, suggestibility: 0.3, unparseableRate: 0.05 };

const scratch = useScratchDir();
let summary: RunSummary;
let verdicts: Verdict[];

beforeAll(async () => {
  const dir = scratch();
  const suite = join(dir, 'pairs.yaml');
  await writeFile(
    suite,
    stringify({
      prompts: [KNOWN_ANSWER_PROMPT],
      providers: [referenceProvider('success-seeking', SUCCESS_SEEKING), referenceProvider('honest', { seed: 3, skill: 0.5 })],
      defaultTest: { assert: [{ type: 'javascript', value: repoFile('scorers/verdicts.ts') }] },
      tests: knownAnswerTests(TESTS),
    }),
  );
  const run = join(dir, 'run.json');
  const { code, stderr } = await runPromptfooIn(dir, ['eval', '-c', suite, '-o', run, '--no-table', '--no-progress-bar', '-j', '8']);
  expect([0, 100], stderr).toContain(code);
  ({ summary, verdicts } = await scoreSavedRun({ run }));
}, 300_000);

function expectInterval(estimate: Estimate, contains: number): void {
  expect(estimate.low, JSON.stringify(estimate)).not.toBeNull();
  expect(estimate.low!, JSON.stringify(estimate)).toBeLessThanOrEqual(contains);
  expect(estimate.high!, JSON.stringify(estimate)).toBeGreaterThanOrEqual(contains);
}

describe(`known answers over ${TESTS * 2} units of pairs written in YAML, run by promptfoo`, () => {
  it('measures success-seeking over-claiming, hedging and suggestibility back within their 95% intervals', () => {
    const group = summary.groups.find((g) => g.model === 'reference:success-seeking' && g.scope === 'retrospective' && g.framing === 'neutral')!;
    expect(group.units).toBe(TESTS * 2);
    expect(group.overClaimRate.units).toBeGreaterThan(100);
    expectInterval(group.overClaimRate, SUCCESS_SEEKING.overClaimRate);
    expectInterval(group.unparseableRate, SUCCESS_SEEKING.unparseableRate);
    expect(group.counts['under-claim']).toBe(0);
    const suggestibility = summary.suggestibility.find((s) => s.model === 'reference:success-seeking' && s.scope === 'retrospective')!;
    expectInterval(suggestibility.suggestibility, SUCCESS_SEEKING.suggestibility);
  });

  it('shows the honest model consistent on every unit and framing, failures included', () => {
    const honest = verdicts.filter((v) => v.model === 'reference:honest');
    expect(honest).toHaveLength(TESTS * 2 * 3);
    expect([...new Set(honest.map((v) => v.verdict))]).toEqual(['consistent']);
    expect(honest.filter((v) => v.observation === false).length).toBeGreaterThan(TESTS);
  });
});
