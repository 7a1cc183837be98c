/**
 * JSON Lines files, read with errors that name the file and the line.
 */
import { readFile } from 'node:fs/promises';

/** A row of a JSONL file with its 1-based line number. */
export interface Located<T> {
  line: number;
  value: T;
}

/** An error about one line of one file: `file:line: what is wrong`. */
export function lineError(file: string, line: number, message: string): Error {
  return new Error(`${file}:${line}: ${message}`);
}

/** The JSON objects of a JSONL file, one a line; blank lines are skipped, an empty file is an error. */
export async function readJsonl(file: string): Promise<Located<Record<string, unknown>>[]> {
  const text = await readFile(file, 'utf8');
  const rows: Located<Record<string, unknown>>[] = [];
  text.split(/\r?\n/).forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      throw lineError(file, line, `invalid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw lineError(file, line, `expected a JSON object, got ${JSON.stringify(value)}`);
    }
    rows.push({ line, value: value as Record<string, unknown> });
  });
  if (rows.length === 0) throw new Error(`${file}: no rows`);
  return rows;
}
