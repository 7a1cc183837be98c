/**
 * Checks a promptfoo suite's saydo parts (provider configs, test generator configs)
 * before promptfoo runs it, so a mistake is reported as `file:line: key: problem`
 * instead of surfacing mid-run without a location.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { SuiteAssertion } from './families/pairs/checks.js';
import { pairProbe, type TestContext } from './families/pairs/probe.js';
import { PAIRED_PROVIDER_FILE, targetConfigSchema } from './targets.js';
import { describeIssue } from './validate.js';
import { generatedTestsConfigSchema, ifevalTestsConfigSchema } from './test-cases.js';

/** saydo's file references in a suite, and the schema of the `config` each one takes. */
const CHECKED_FILES: { section: 'providers' | 'tests'; file: RegExp; key: 'id' | 'path'; schema: z.ZodType }[] = [
  { section: 'providers', file: PAIRED_PROVIDER_FILE, key: 'id', schema: targetConfigSchema },
  { section: 'tests', file: /datasets\/generated\.ts$/, key: 'path', schema: generatedTestsConfigSchema },
  { section: 'tests', file: /datasets\/ifeval\.ts$/, key: 'path', schema: ifevalTestsConfigSchema },
];

function lineOf(node: Node | null | undefined, lineCounter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** The deepest node along `path` that exists, so an error points at the key or its parent. */
function nearestNode(document: Document, path: readonly PropertyKey[]): Node | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}

/** Every problem in the suite's saydo parts, each as `file:line: where: what`; empty when all is well. */
export async function checkSuite(path: string): Promise<string[]> {
  const lineCounter = new LineCounter();
  const document = parseDocument(await readFile(path, 'utf8'), { lineCounter });
  if (document.errors.length > 0) {
    return document.errors.map((error) => `${path}:${error.linePos?.[0].line ?? '?'}: ${error.message.split('\n')[0]}`);
  }
  const problems: string[] = [];
  for (const { section, file, key, schema } of CHECKED_FILES) {
    const entries = document.get(section, true);
    if (!isSeq(entries)) continue;
    entries.items.forEach((entry, index) => {
      if (!isMap(entry)) return;
      const reference = entry.get(key);
      if (typeof reference !== 'string' || !file.test(reference)) return;
      const configPath = [section, index, 'config'];
      const parsed = schema.safeParse(document.getIn(configPath) === undefined ? {} : (document.getIn(configPath, true) as Node).toJSON());
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const issuePath = [...configPath, ...issue.path];
        const line = lineOf(nearestNode(document, issuePath), lineCounter) ?? lineOf(entry, lineCounter);
        problems.push(`${path}:${line ?? '?'}: ${describeIssue(`${section}[${index}].config`, issue)}`);
      }
    });
  }
  problems.push(...pairProblems(document, path, lineCounter));
  return problems;
}

/**
 * The problems of a paired suite's own tests, before any model is called: a `selfReport`
 * on an assertion that cannot be paired, or a `metadata.saydo` saydo cannot read. Tests
 * kept in files are checked when promptfoo has loaded them.
 */
function pairProblems(document: Document, path: string, lineCounter: LineCounter): string[] {
  const providers = document.get('providers', true);
  const paired = isSeq(providers) && providers.items.some((entry) => isMap(entry) && PAIRED_PROVIDER_FILE.test(String(entry.get('id'))));
  const tests = document.get('tests', true);
  if (!paired || !isSeq(tests)) return [];
  const defaultAsserts = (document.getIn(['defaultTest', 'assert']) as { toJSON(): SuiteAssertion[] } | undefined)?.toJSON?.() ?? [];
  const problems: string[] = [];
  tests.items.forEach((entry, index) => {
    if (!isMap(entry) || entry.has('path')) return;
    const test = entry.toJSON() as TestContext;
    const where = `${path}:${lineOf(entry, lineCounter) ?? '?'}: tests[${index}]`;
    try {
      pairProbe('', { ...test, assert: [...defaultAsserts, ...(test.assert ?? [])] }, { where });
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  return problems;
}
