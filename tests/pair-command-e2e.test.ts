/**
 * `saydo pair` on real promptfoo suites nobody here wrote (../shared/fixtures, read where
 * they are; a directory whose tests live in files is copied to a scratch directory first,
 * as a user pairs a suite in place). Every assertion is paired or listed with its reason,
 * and each paired suite runs end to end against the local server with the suite's own
 * provider ids, every unit observed as promptfoo grades that assertion.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairSuite } from '../src/commands/pair.js';
import { scoreSavedRun } from '../src/commands/score.js';
import { checkSuite } from '../src/suite-check.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { REPO, runPromptfooIn } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const FIXTURES = resolve(REPO, '../shared/fixtures/promptfoo-examples');
/** The fixtures sit beside the clone in CI, where their absence fails; elsewhere their tests are skipped. */
const present = existsSync(FIXTURES);
const required = Boolean(process.env.CI) && process.env.CI !== 'false';

describe.runIf(!present && required)('promptfoo example suites in CI', () => {
  it('are beside the clone', () => {
    expect.fail(`${FIXTURES} is missing: CI pairs these suites (set CI= to run without them)`);
  });
});
const scratch = useScratchDir();
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ anyModel: 'reference:honest' });
});
afterAll(async () => {
  await server.close();
});

/** Pairs a fixture, runs the paired suite with promptfoo against the local server, and returns the rows and verdicts. */
async function pairAndRun(fixture: string, inPlace = false) {
  const dir = scratch();
  let suite = join(FIXTURES, fixture, 'promptfooconfig.yaml');
  if (inPlace) {
    await cp(join(FIXTURES, fixture), join(dir, fixture), { recursive: true });
    suite = join(dir, fixture, 'promptfooconfig.yaml');
  }
  const { out, listing } = await pairSuite(suite, inPlace ? undefined : join(dir, 'paired.yaml'));
  const run = join(dir, 'run.json');
  const env = { OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: 'sk-local-test' };
  const { code, stderr } = await runPromptfooIn(dir, ['eval', '-c', out, '-o', run, '--no-table', '--no-progress-bar', '--no-cache'], env);
  expect([0, 100], stderr).toContain(code);
  const rows: Record<string, any>[] = JSON.parse(await readFile(run, 'utf8')).results.results;
  const { verdicts } = await scoreSavedRun({ run });
  return { listing, rows, verdicts };
}

/** Each row's units observed exactly as promptfoo graded the same assertion in the same run. */
function expectSameObservations(rows: Record<string, any>[], verdicts: Awaited<ReturnType<typeof pairAndRun>>['verdicts']): number {
  let compared = 0;
  for (const row of rows) {
    expect(row.response.error ?? null).toBeNull();
    const own = row.gradingResult.componentResults.filter((r: { assertion: { value?: unknown } }) => !String(r.assertion?.value).endsWith('scorers/verdicts.ts'));
    const probeId = row.response.metadata.saydo.probe.id;
    for (const verdict of verdicts.filter((v) => v.probeId === probeId && v.model === row.provider.label && v.framing === 'neutral')) {
      expect(verdict.observation, `${probeId} ${verdict.unit}`).toBe(own[Number(verdict.unit.split(':')[0]) - 1].pass);
      compared += 1;
    }
  }
  return compared;
}

describe.runIf(present)('saydo pair on promptfoo example suites', () => {
  it('getting-started: both assertions paired; 2 prompts x 2 tests x 2 providers run under the suite\u2019s own provider ids', async () => {
    const { listing, rows, verdicts } = await pairAndRun('getting-started');
    const suite = join(FIXTURES, 'getting-started', 'promptfooconfig.yaml');
    expect(listing).toEqual([
      `${suite}:18: tests.0: 1:contains paired: Does your answer contain the exact text "Bonjour le monde"?`,
      `${suite}:24: tests.1: 1:icontains paired: Does your answer contain the text "Dónde está la biblioteca" (in any capitalisation)?`,
    ]);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.provider.label))).toEqual(new Set(['openai:gpt-4.1', 'openai:o4-mini']));
    expect(expectSameObservations(rows, verdicts)).toBe(8);
  }, 120_000);

  it('eval-json-output: schema, javascript on a transformed output and an assertion-level transform, all paired and observed as promptfoo does', async () => {
    const { listing, rows, verdicts } = await pairAndRun('eval-json-output');
    expect(listing.filter((line) => line.includes(' paired: '))).toHaveLength(5);
    expect(listing.filter((line) => line.includes(' left out'))).toEqual([]);
    expect(rows).toHaveLength(2);
    // The test-level transform JSON.parse fails on the reference model's plain-text answer, and promptfoo drops that
    // row's response: its three units are kept as errors (rebuilt from the row's test case), never dropped or guessed.
    const [answered, dropped] = [rows.filter((r) => !r.testCase.options?.transform), rows.filter((r) => r.testCase.options?.transform)];
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.error).toMatch(/Transform failed/);
    expect(expectSameObservations(answered, verdicts)).toBe(2);
    const answeredIds = new Set(answered.map((r) => r.response.metadata.saydo.probe.id));
    const lost = verdicts.filter((v) => !answeredIds.has(v.probeId));
    expect(lost.map((v) => v.unit).sort()).toEqual(['1:is-json', '1:is-json', '1:is-json', '2:javascript', '2:javascript', '2:javascript', '3:contains-any', '3:contains-any', '3:contains-any']);
    expect(lost.every((v) => v.verdict === 'error' && /Transform failed/.test(v.error!))).toBe(true);
  }, 120_000);

  it('eval-custom-grader-csv: tests from a CSV with __expected and prompts from a file, paired at run time', async () => {
    const { listing, rows, verdicts } = await pairAndRun('eval-custom-grader-csv', true);
    expect(listing).toEqual([expect.stringMatching(/^tests from file:\/\/.*tests\.csv: paired at run time/)]);
    expect(rows).toHaveLength(4 * 2);
    expect(expectSameObservations(rows, verdicts)).toBe(8);
  }, 120_000);
});

describe('saydo pair on bad input', () => {
  it('names the file and line of a suite that does not parse, and of a selfReport on an assertion that cannot be paired', async () => {
    const dir = scratch();
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'prompts:\n  - "hi"\nproviders: [openai:gpt-4.1\ntests: []\n');
    await expect(pairSuite(broken)).rejects.toThrow(/broken\.yaml:\d+: /);
    const selfReport = join(dir, 'self-report.yaml');
    await writeFile(
      selfReport,
      'prompts: ["hi"]\nproviders: [openai:gpt-4.1]\ntests:\n  - vars: {}\n    assert:\n      - type: latency\n        threshold: 100\n        selfReport: Were you fast?\n',
    );
    await expect(pairSuite(selfReport)).rejects.toThrow(/self-report\.yaml:4: tests\.0: assertion 1 \(latency\): has a selfReport, but it cannot be paired/);
  });

  it('checks a paired suite\u2019s own tests before any model is called, naming file and line', async () => {
    const dir = scratch();
    const suite = join(dir, 'pairs.yaml');
    await writeFile(
      suite,
      [
        'prompts: ["{{q}}"]',
        `providers: [{id: "file://${join(REPO, 'providers/paired.ts')}", config: {target: "reference:honest"}}]`,
        'tests:',
        '  - vars: {q: a}',
        '    assert: [{type: contains, value: a}]',
        '  - vars: {q: b}',
        '    assert: [{type: cost, threshold: 1, selfReport: "Was it cheap?"}]',
        '  - vars: {q: c}',
        '    metadata: {saydo: {protocols: [sideways]}}',
        '    assert: [{type: contains, value: c}]',
        '',
      ].join('\n'),
    );
    const problems = await checkSuite(suite);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/pairs\.yaml:6: tests\[1\]: assertion 1 \(cost\): has a selfReport, but it cannot be paired: it measures the API bill/);
    expect(problems[1]).toMatch(/pairs\.yaml:8: tests\[2\]: metadata\.saydo\.protocols/);
  });

  it('lists an unknown assertion type and a test with no assertion, and pairs the rest', async () => {
    const dir = scratch();
    const suite = join(dir, 'suite.yaml');
    await writeFile(
      suite,
      'prompts: ["{{q}}"]\nproviders: [openai:gpt-4.1]\ntests:\n  - vars: {q: a}\n    assert:\n      - type: sparkles\n      - type: contains\n        value: a\n  - vars: {q: b}\n',
    );
    const { listing, out } = await pairSuite(suite);
    expect(out).toBe(join(dir, 'suite.paired.yaml'));
    expect(listing).toEqual([
      `${suite}:4: tests.0: 2:contains paired: Does your answer contain the exact text "a"?`,
      `${suite}:4: tests.0: 1:sparkles left out: it is of a type saydo does not pair (sparkles); give it a selfReport question once saydo supports it, or leave it to promptfoo`,
      `${suite}:9: tests.1: NOT PAIRED: it has no assertion`,
    ]);
  });
});
