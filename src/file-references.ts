/**
 * promptfoo's `file://` references, made absolute, so a suite or a check written against
 * its own directory runs the same from anywhere (a paired copy, a run directory, rescoring,
 * the local server).
 */
import { isAbsolute, resolve } from 'node:path';

/** A relative `file://` reference made absolute against `baseDir`; any other value as it is. */
export function absoluteFileReference<T>(value: T, baseDir: string): T {
  if (typeof value !== 'string' || !value.startsWith('file://')) return value;
  const path = value.slice('file://'.length);
  return (isAbsolute(path) ? value : `file://${resolve(baseDir, path)}`) as T;
}

/** Every relative `file://` reference anywhere in a parsed YAML value, made absolute against `baseDir`. */
export function absoluteFileReferences<T>(value: T, baseDir: string): T {
  if (Array.isArray(value)) return value.map((item) => absoluteFileReferences(item, baseDir)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, absoluteFileReferences(item, baseDir)])) as T;
  }
  return absoluteFileReference(value, baseDir);
}
