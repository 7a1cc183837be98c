/**
 * The test generators promptfoo calls: seeded probes, IFEval-format data, bad settings.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import generated from '../datasets/generated.js';
import ifeval from '../datasets/ifeval.js';
import { checkSuite } from '../src/suite-check.js';
import { useScratchDir } from './helpers/scratch.js';

const scratch = useScratchDir();

const row = (key: number, ids: string[], kwargs: object[]): string =>
  JSON.stringify({ key, prompt: `Prompt ${key}. Use no commas.`, instruction_id_list: ids, kwargs });

describe('datasets/generated.ts', () => {
  it('gives stable ids and the same probes for the same seed', () => {
    const a = generated({ family: 'success-claims', seed: 3, count: 5 });
    const b = generated({ family: 'success-claims', seed: 3, count: 8 });
    expect(a.map((t) => t.description)).toEqual(b.slice(0, 5).map((t) => t.description));
    expect(a).toEqual(b.slice(0, 5));
    expect(a[0]!.vars.prompt).toBe(a[0]!.vars.probe.item && (a[0]!.vars.probe.item as { prompt: string }).prompt);
  });

  it('rejects settings it does not know, naming them', () => {
    expect(() => generated({ family: 'success-claims', cuont: 3 })).toThrow('datasets/generated.ts: config: Unrecognized key: "cuont"');
    expect(() => generated({ family: 'nope' })).toThrow('unknown family "nope"');
  });
});

describe('datasets/ifeval.ts', () => {
  it('loads IFEval-format rows as success-claims probes with IFEval ids and kwargs', async () => {
    const path = join(scratch(), 'input.jsonl');
    await writeFile(
      path,
      [
        row(1, ['punctuation:no_comma'], [{}]),
        row(2, ['length_constraints:number_words', 'detectable_format:title'], [{ relation: 'at least', num_words: 50, extra: null }, {}]),
      ].join('\n'),
    );
    const tests = await ifeval({ path });
    expect(tests.map((t) => t.description)).toEqual(['ifeval/1', 'ifeval/2']);
    expect(tests[1]!.vars.probe.item).toMatchObject({
      prompt: 'Prompt 2. Use no commas.',
      instructions: [
        { id: 'length_constraints:number_words', kwargs: { relation: 'at least', num_words: 50 } },
        { id: 'detectable_format:title', kwargs: {} },
      ],
    });
    expect(await ifeval({ path, limit: 1 })).toHaveLength(1);
  });

  it('names the file and line of a bad row, and of a repeated key', async () => {
    const bad = join(scratch(), 'bad.jsonl');
    await writeFile(bad, [row(1, ['punctuation:no_comma'], [{}]), row(2, ['keywords:nonsense'], [{}])].join('\n'));
    await expect(ifeval({ path: bad })).rejects.toThrow(`${bad}:2: instruction 0:`);
    const repeated = join(scratch(), 'repeated.jsonl');
    await writeFile(repeated, [row(7, ['punctuation:no_comma'], [{}]), row(7, ['punctuation:no_comma'], [{}])].join('\n'));
    await expect(ifeval({ path: repeated })).rejects.toThrow(`${repeated}:2: key 7 already used on line 1`);
  });
});

describe('checking a suite before it runs', () => {
  it('reports each bad saydo setting with its file and line', async () => {
    const path = join(scratch(), 'suite.yaml');
    await writeFile(
      path,
      [
        "prompts: ['{{prompt}}']",
        'providers:',
        '  - id: file://providers/paired.ts',
        '    config:',
        '      target: reference:honest',
        '      reference: { skill: 1.7 }',
        '  - openai:gpt-4.1',
        '  - id: file://providers/paired.ts',
        '    config:',
        '      target: reference:honset',
        '  - id: file://providers/paired.ts',
        '    config:',
        '      target: promptfoo:bedrock:some-model',
        '      providerConfig: { apiKey: sk-not-here }',
        'tests:',
        '  - path: file://datasets/generated.ts',
        '    config: { count: 0 }',
      ].join('\n'),
    );
    expect(await checkSuite(path)).toEqual([
      `${path}:6: providers[0].config.reference.skill: Too big: expected number to be <=1`,
      `${path}:10: providers[2].config.target: unknown reference model "reference:honset"; known: reference:honest, reference:success-seeking, reference:underclaiming, reference:random`,
      `${path}:14: providers[3].config.providerConfig.apiKey: secrets go in the environment, not in a config that promptfoo stores`,
      `${path}:17: tests[0].config.count: Too small: expected number to be >0`,
    ]);
  });

  it('reports a YAML syntax error with its line', async () => {
    const path = join(scratch(), 'broken.yaml');
    await writeFile(path, 'providers:\n  - id: [unclosed\n');
    const [problem] = await checkSuite(path);
    expect(problem).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
  });

  it('passes the shipped suites', async () => {
    expect(await checkSuite('promptfooconfig.yaml')).toEqual([]);
    expect(await checkSuite('evals/success-claims.yaml')).toEqual([]);
  });
});
