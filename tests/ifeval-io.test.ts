import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accuracies, evaluateResponse } from '../src/ifeval/evaluate.js';
import { joinResponses, readInputs, readResponses, toPythonJson, writeResults } from '../src/ifeval/io.js';
import { useScratchDir } from './helpers/scratch.js';

const scratch = useScratchDir('saydo-ifeval-io-');

/** Writes lines to a file in the temp directory and returns its path. */
async function file(name: string, lines: string[]): Promise<string> {
  const path = join(scratch(), name);
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

const row = (fields: Record<string, unknown>): string =>
  JSON.stringify({ key: 1, prompt: 'p', instruction_id_list: ['punctuation:no_comma'], kwargs: [{}], ...fields });

describe('toPythonJson', () => {
  it('writes what Python json.dumps writes (sorted keys, ensure_ascii, surrogate pairs)', () => {
    // Expected strings were printed by Python 3.11's json.dumps.
    expect(toPythonJson({ response: 'Café — 😀 "q" \\ \t\u0001\u007f', follow_instruction_list: [true, false], a: [] })).toBe(
      '{"a": [], "follow_instruction_list": [true, false], "response": "Caf\\u00e9 \\u2014 \\ud83d\\ude00 \\"q\\" \\\\ \\t\\u0001\\u007f"}',
    );
    expect(toPythonJson({ b: { z: 1, a: 'x' } })).toBe('{"b": {"a": "x", "z": 1}}');
  });
});

describe('readInputs', () => {
  it('reads rows with their line numbers, skipping blank lines', async () => {
    const rows = await readInputs(await file('ok.jsonl', [row({}), '', row({ key: 'k2', prompt: 'q' })]));
    expect(rows.map((r) => [r.line, r.value.key])).toEqual([
      [1, 1],
      [3, 'k2'],
    ]);
  });

  it.each([
    ['bad JSON', ['{"key": 1,'], /bad-JSON\.jsonl:1: invalid JSON/],
    ['a non-object row', [row({}), '[1]'], /:2: expected a JSON object, got \[1\]/],
    ['a missing field', [JSON.stringify({ key: 1, prompt: 'p', kwargs: [] })], /:1: missing field "instruction_id_list"/],
    ['a mistyped field', [row({ prompt: 3 })], /:1: field "prompt" must be a string, got 3/],
    ['mismatched lists', [row({ kwargs: [{}, {}] })], /:1: "kwargs" has 2 entries but "instruction_id_list" has 1/],
    ['an unknown instruction id', [row({ instruction_id_list: ['no:such'] })], /:1: instruction 0: unknown instruction id "no:such"/],
    [
      'bad kwargs',
      [row({ instruction_id_list: ['length_constraints:number_words'], kwargs: [{ num_words: 5 }] })],
      /:1: instruction 0: length_constraints:number_words: missing kwarg "relation"/,
    ],
  ])('names the file and line for %s', async (name, lines, message) => {
    const path = await file(`${name.replaceAll(' ', '-')}.jsonl`, lines);
    await expect(readInputs(path)).rejects.toThrow(message);
  });

  it('rejects a file with no rows', async () => {
    await expect(readInputs(await file('empty.jsonl', ['']))).rejects.toThrow(/empty\.jsonl: no rows/);
  });
});

describe('joinResponses', () => {
  it('joins by exact prompt and reports every kind of mismatch with file and line', async () => {
    const inputPath = await file('in.jsonl', [row({ prompt: 'a' }), row({ prompt: 'b' })]);
    const inputs = await readInputs(inputPath);
    const responses = async (lines: object[]) =>
      readResponses(await file('responses.jsonl', lines.map((line) => JSON.stringify(line))));
    const files = { input: inputPath, responses: join(scratch(), 'responses.jsonl') };

    expect(joinResponses(inputs, await responses([{ prompt: 'b', response: 'B' }, { prompt: 'a', response: 'A' }]), files)).toEqual([
      'A',
      'B',
    ]);
    expect(() => joinResponses(inputs, [], files)).toThrow(/in\.jsonl:1: prompt has no response/);
    await expect(
      responses([{ prompt: 'a', response: 'A' }, { prompt: 'b', response: 'B' }, { prompt: 'c', response: 'C' }]).then((r) =>
        joinResponses(inputs, r, files),
      ),
    ).rejects.toThrow(/responses\.jsonl:3: response has no matching prompt/);
    await expect(
      responses([{ prompt: 'a', response: 'A' }, { prompt: 'a', response: 'other' }]).then((r) => joinResponses(inputs, r, files)),
    ).rejects.toThrow(/responses\.jsonl:2: a different response to the prompt of line 1/);
    await expect(readResponses(await file('no-response.jsonl', [JSON.stringify({ prompt: 'a' })]))).rejects.toThrow(
      /no-response\.jsonl:1: missing field "response"/,
    );
  });
});

describe('evaluateResponse and accuracies', () => {
  it('produces IFEval rows and both accuracies', async () => {
    const input = {
      key: 7,
      prompt: 'Write without commas in under 5 words.',
      instruction_id_list: ['punctuation:no_comma', 'length_constraints:number_words'],
      kwargs: [{}, { num_words: 5, relation: 'less than' }],
    };
    const good = evaluateResponse(input, 'Fine thanks', 'strict');
    const bad = evaluateResponse(input, 'Well, that is fine thanks', 'strict');
    expect(good).toEqual({
      follow_all_instructions: true,
      follow_instruction_list: [true, true],
      instruction_id_list: input.instruction_id_list,
      prompt: input.prompt,
      response: 'Fine thanks',
    });
    expect(bad.follow_instruction_list).toEqual([false, false]);
    expect(accuracies([good, bad])).toEqual({ promptLevel: 0.5, instructionLevel: 0.5 });
    expect(() => accuracies([])).toThrow('no instructions to score');

    const out = join(scratch(), 'results.jsonl');
    await writeResults(out, [good]);
    expect(await readFile(out, 'utf8')).toBe(
      '{"follow_all_instructions": true, "follow_instruction_list": [true, true], "instruction_id_list": ' +
        '["punctuation:no_comma", "length_constraints:number_words"], "prompt": "Write without commas in under 5 words.", ' +
        '"response": "Fine thanks"}\n',
    );
  });
});
