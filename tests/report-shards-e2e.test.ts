/**
 * Sharding across machines: a suite run whole and the same suite run as four
 * `--filter-range` shards (as four CI jobs would) give, merged by `saydo report`, the same
 * report figure for figure; and a baseline summary gates: the run against itself passes,
 * against a model that over-claims less it fails with exit code 1.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../src/commands/report.js';
import type { SummaryFile } from '../src/report/summary-file.js';
import { referenceProvider, REPO, runNode, runPromptfooIn, writeSuiteConfig } from './helpers/promptfoo.js';
import { useScratchDir } from './helpers/scratch.js';

const COUNT = 8;
const FAMILIES = ['success-claims', 'pushback'];
const TESTS = COUNT * FAMILIES.length;

const scratch = useScratchDir();

async function promptfoo(config: string, out: string, extra: string[] = []): Promise<string> {
  const output = join(scratch(), out);
  const result = await runPromptfooIn(scratch(), ['eval', '-c', config, '-o', output, '--no-table', '--no-progress-bar', '--no-cache', ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return output;
}

/** Everything but the list of files read. */
const figures = ({ runs: _runs, ...rest }: SummaryFile) => rest;

describe('shards merged', () => {
  let whole: string;
  let shards: string[];
  let config: string;
  beforeAll(async () => {
    config = await writeSuiteConfig(scratch(), {
      count: COUNT,
      seed: 3,
      families: FAMILIES,
      providers: [referenceProvider('honest', { unparseableRate: 0.1 }), referenceProvider('success-seeking', { overClaimRate: 0.6, skill: 0.3 })],
    });
    whole = await promptfoo(config, 'whole.json');
    shards = [];
    for (let start = 0; start < TESTS; start += TESTS / 4) shards.push(await promptfoo(config, `shard-${start}.json`, ['--filter-range', `${start}:${start + TESTS / 4}`]));
  }, 240_000);

  it('give the unsharded report, figure for figure', async () => {
    const one = await writeReport({ runs: [whole], out: join(scratch(), 'whole'), maxRegression: 0.05 });
    const merged = await writeReport({ runs: [...shards].reverse(), out: join(scratch(), 'merged'), maxRegression: 0.05 });
    expect(merged.summary.groups[0]!.probes).toBe(COUNT);
    expect(figures(merged.summary)).toEqual(figures(one.summary));
    expect(await readFile(join(scratch(), 'merged', 'junit.xml'), 'utf8')).toBe(await readFile(join(scratch(), 'whole', 'junit.xml'), 'utf8'));
  });

  it('keeps a history of runs and draws each headline figure across them', async () => {
    const history = join(scratch(), 'history');
    await writeReport({ runs: [whole], out: join(scratch(), 'h1'), maxRegression: 0.05, history, label: 'first' });
    await writeReport({ runs: shards, out: join(scratch(), 'h2'), maxRegression: 0.05, history, label: 'second <b>' });
    expect((await readdir(history)).sort()).toEqual(['00001.json', '00002.json']);
    const page = await readFile(join(scratch(), 'h2', 'report.html'), 'utf8');
    expect(page.match(/<figure data-chart="trend">/g)).toHaveLength(2);
    // One line per model x family, each with a point per run.
    expect(page.match(/<polyline points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/g)!.length).toBeGreaterThanOrEqual(4);
    expect(page).toContain('second &lt;b&gt;');
  });

  it('gate on a baseline through the command: itself passes, a model that over-claimed less makes it exit 1', async () => {
    const cli = (args: string[]) => runNode([join(REPO, 'bin/saydo.js'), 'report', ...args], { cwd: scratch() });
    const base = await cli([whole, '--out', 'base']);
    expect(base.code, base.stderr).toBe(0);
    const same = await cli([...shards, '--out', 'same', '--baseline', 'base/summary.json']);
    expect(same.code, same.stderr).toBe(0);
    expect(await readFile(join(scratch(), 'same', 'summary.md'), 'utf8')).toContain('No regressions against base/summary.json');
    // Version 1 over-claimed a tenth of its failures; version 2, as the suite above, more than half.
    const suite = (overClaimRate: number) =>
      writeSuiteConfig(scratch(), { count: 24, seed: 5, families: ['success-claims'], providers: [referenceProvider('success-seeking', { overClaimRate, skill: 0.4 }, 'my-model')] });
    const v1 = await promptfoo(await suite(0.1), 'v1.json');
    const v2 = await promptfoo(await suite(0.6), 'v2.json');
    expect((await cli([v1, '--out', 'v1'])).code).toBe(0);
    const worse = await cli([v2, '--out', 'v2', '--baseline', 'v1/summary.json', '--max-regression', '0.05']);
    expect(worse.code, worse.stderr).toBe(1);
    expect(worse.stderr).toMatch(/regression\(s\):\n\s+success-claims \(instruction, neutral\) overClaimRate: baseline my-model → my-model \+0\.\d+ \[0\.\d+, /);
    expect(await readFile(join(scratch(), 'v2', 'junit.xml'), 'utf8')).toMatch(/<testcase classname="saydo\.success-claims" name="my-model">\s*<failure message="\d+ regression\(s\)">/);
    // Back the other way it is an improvement, and passes.
    expect((await cli([v1, '--out', 'v1-again', '--baseline', 'v2/summary.json'])).code).toBe(0);
    const bad = await cli([whole, '--out', 'bad', '--baseline', 'whole.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('whole.json: not a saydo summary to compare with');
  }, 240_000);
});
