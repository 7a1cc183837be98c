/**
 * The pair book: a JSON-lines file where a process that runs pairs writes each pair down,
 * so the reference models of another process (the local API server, `saydo serve
 * --pair-book FILE`) can play them: a suite run against the server then gets candidate
 * answers and reports by disposition, as in process. Set by `SAYDO_PAIR_BOOK` in the
 * process that runs the suite. Only the reference models read it; no real model sees it.
 */
import { appendFileSync, closeSync, openSync, readSync, statSync } from 'node:fs';
import type { PairItem } from './probe.js';

let chosenPath: string | undefined;
let readUpTo = 0;
/** The lines this process wrote: the same pair run for several providers is written once. */
const written = new Set<string>();

/** Reads and writes the book at `path` from now on (the server's `--pair-book`). */
export function usePairBook(path: string): void {
  chosenPath = path;
  readUpTo = 0;
}

/** The book in use: the one chosen, or `SAYDO_PAIR_BOOK`; undefined when there is none. */
function bookPath(): string | undefined {
  return chosenPath ?? (process.env.SAYDO_PAIR_BOOK || undefined);
}

/** Writes a pair down, where there is a book. */
export function writePair(item: PairItem): void {
  const path = bookPath();
  const line = JSON.stringify(item);
  if (!path || written.has(line)) return;
  written.add(line);
  appendFileSync(path, `${line}\n`);
}

/** The pairs written since the last read (none where there is no book, or it does not exist yet). */
export function newPairs(): PairItem[] {
  const path = bookPath();
  if (!path) return [];
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return [];
  }
  if (size <= readUpTo) return [];
  const buffer = Buffer.alloc(size - readUpTo);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, readUpTo);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  // Only whole lines: a line being written is read next time.
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  readUpTo += Buffer.byteLength(complete);
  return complete
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PairItem);
}
