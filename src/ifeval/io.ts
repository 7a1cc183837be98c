/**
 * IFEval's JSONL files: reading input and response rows with errors that name the
 * file, the line and the fault, and writing result rows byte for byte as the
 * reference's Python `json.dumps` writes them.
 */
import { writeFile } from 'node:fs/promises';
import { lineError, readJsonl, type Located } from '../jsonl.js';
import { parseInstruction } from './checkers.js';
import type { IfevalInput, IfevalResponse, IfevalResult } from './types.js';

export type { Located } from '../jsonl.js';

type FieldCheck = [test: (value: unknown) => boolean, expected: string];

const isString: FieldCheck = [(value) => typeof value === 'string', 'a string'];
const isKey: FieldCheck = [(value) => typeof value === 'string' || Number.isInteger(value), 'an integer or a string'];
const isStringList: FieldCheck = [
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  'a list of strings',
];
const isObjectList: FieldCheck = [
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)),
  'a list of objects',
];

/** A required field of a row, checked for type; throws naming the file, line and field. */
function field<T>(file: string, row: Located<Record<string, unknown>>, name: string, [test, expected]: FieldCheck): T {
  if (!(name in row.value)) throw lineError(file, row.line, `missing field "${name}"`);
  const value = row.value[name];
  if (!test(value)) throw lineError(file, row.line, `field "${name}" must be ${expected}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** Reads IFEval input rows (`key`, `prompt`, `instruction_id_list`, `kwargs`), validating every instruction. */
export async function readInputs(file: string): Promise<Located<IfevalInput>[]> {
  return (await readJsonl(file)).map((row) => {
    const input: IfevalInput = {
      key: field(file, row, 'key', isKey),
      prompt: field(file, row, 'prompt', isString),
      instruction_id_list: field(file, row, 'instruction_id_list', isStringList),
      kwargs: field(file, row, 'kwargs', isObjectList),
    };
    if (input.kwargs.length !== input.instruction_id_list.length) {
      throw lineError(
        file,
        row.line,
        `"kwargs" has ${input.kwargs.length} entries but "instruction_id_list" has ${input.instruction_id_list.length}`,
      );
    }
    input.instruction_id_list.forEach((id, index) => {
      try {
        parseInstruction(id, input.kwargs[index]);
      } catch (error) {
        throw lineError(file, row.line, `instruction ${index}: ${(error as Error).message}`);
      }
    });
    return { line: row.line, value: input };
  });
}

/** Reads IFEval response rows (`prompt`, `response`). */
export async function readResponses(file: string): Promise<Located<IfevalResponse>[]> {
  return (await readJsonl(file)).map((row) => ({
    line: row.line,
    value: { prompt: field(file, row, 'prompt', isString), response: field(file, row, 'response', isString) },
  }));
}

/**
 * Each input's response, in input order, joined by exact prompt text as IFEval does.
 * Throws for an input without a response, a response whose prompt is no input's, and
 * one prompt answered twice with different responses.
 */
export function joinResponses(
  inputs: Located<IfevalInput>[],
  responses: Located<IfevalResponse>[],
  files: { input: string; responses: string },
): string[] {
  const byPrompt = new Map<string, Located<IfevalResponse>>();
  for (const row of responses) {
    const earlier = byPrompt.get(row.value.prompt);
    if (earlier && earlier.value.response !== row.value.response) {
      throw lineError(files.responses, row.line, `a different response to the prompt of line ${earlier.line}`);
    }
    byPrompt.set(row.value.prompt, row);
  }
  const prompts = new Set(inputs.map((row) => row.value.prompt));
  for (const row of responses) {
    if (!prompts.has(row.value.prompt)) {
      throw lineError(files.responses, row.line, `response has no matching prompt in ${files.input}`);
    }
  }
  return inputs.map((row) => {
    const answer = byPrompt.get(row.value.prompt);
    if (!answer) throw lineError(files.input, row.line, `prompt has no response in ${files.responses}`);
    return answer.value.response;
  });
}

/** Python `json.dumps` string escaping with `ensure_ascii`: printable ASCII as is, the rest as `\uXXXX`. */
function pythonJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = text.charCodeAt(i);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    // UTF-16 code units, so characters beyond U+FFFF come out as surrogate pairs, as in Python.
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * A value as Python's `json.dumps(value, sort_keys=True)` writes it with its defaults:
 * `", "` and `": "` separators, keys sorted, non-ASCII escaped. (The reference sorts
 * its result keys by writing them in `dir()` order.) Handles what result rows hold.
 */
export function toPythonJson(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pythonJsonString(value);
  if (Number.isSafeInteger(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${pythonJsonString(key)}: ${toPythonJson(item)}`).join(', ')}}`;
  }
  throw new Error(`cannot write ${String(value)} as IFEval JSON`);
}

/** Writes result rows as IFEval's eval_results_*.jsonl: one `json.dumps` line each. */
export async function writeResults(file: string, results: IfevalResult[]): Promise<void> {
  await writeFile(file, results.map((result) => `${toPythonJson(result)}\n`).join(''), 'utf8');
}
