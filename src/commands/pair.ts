/**
 * `saydo pair SUITE.yaml [--out PAIRED.yaml]`: an existing promptfoo suite made a paired
 * one without editing it. Each provider becomes a paired target that reaches the model
 * through promptfoo's own provider (so every provider the user has keeps working), every
 * relative `file://` reference is made absolute (so the paired suite runs from anywhere),
 * and saydo's scorer joins `defaultTest`. Each assertion of the suite's inline tests is
 * listed as paired or left out with its reason; tests kept in files are paired at run time,
 * and what is left out of them is listed in the run's summary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { LineCounter, parseDocument, stringify, type Node } from 'yaml';
import { pairAssertions, type SuiteAssertion } from '../families/pairs/checks.js';
import { absoluteFileReferences } from '../file-references.js';
import { PAIRED_PROVIDER_REFERENCE } from '../targets.js';

/** saydo's scorer, joining the suite's defaultTest. */
const SCORER = { type: 'javascript', value: `file://${resolve(import.meta.dirname, '../../scorers/verdicts.ts')}` };

/** What `saydo pair` did: where the paired suite went, and each inline assertion's fate. */
export interface PairedSuite {
  out: string;
  listing: string[];
}

/** A provider entry as a paired target reaching the same provider through promptfoo. */
function pairedProvider(entry: unknown, where: string): Record<string, unknown> {
  const provider = typeof entry === 'string' ? { id: entry } : (entry as { id?: unknown; label?: unknown; config?: unknown });
  if (!provider || typeof provider !== 'object' || typeof provider.id !== 'string') {
    throw new Error(`${where}: a provider must be an id or {id, label, config}; saydo cannot pair this one: ${JSON.stringify(entry).slice(0, 80)}`);
  }
  const config = provider.config && typeof provider.config === 'object' ? { providerConfig: provider.config } : {};
  return { id: PAIRED_PROVIDER_REFERENCE, label: typeof provider.label === 'string' ? provider.label : provider.id, config: { target: `promptfoo:${provider.id}`, ...config } };
}

/** The line of a node in the suite, for messages. */
function lineOf(node: unknown, lines: LineCounter): number | string {
  const offset = (node as Node | undefined)?.range?.[0];
  return offset === undefined ? '?' : lines.linePos(offset).line;
}

/** Pairs the suite at `suitePath`, writing the paired suite to `out` (default: beside it, `<name>.paired.yaml`). */
export async function pairSuite(suitePath: string, out?: string): Promise<PairedSuite> {
  const lines = new LineCounter();
  const document = parseDocument(await readFile(suitePath, 'utf8'), { lineCounter: lines });
  if (document.errors.length > 0) {
    throw new Error(document.errors.map((e) => `${suitePath}:${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`).join('\n'));
  }
  const suite = document.toJS() as Record<string, unknown> | null;
  if (!suite || typeof suite !== 'object' || Array.isArray(suite)) throw new Error(`${suitePath}:1: not a promptfoo suite (a YAML map with prompts, providers and tests)`);
  const dir = dirname(resolve(suitePath));
  const at = (path: (string | number)[]) => `${suitePath}:${lineOf(document.getIn(path, true), lines)}: ${path.join('.')}`;

  const providersNode = document.get('providers', true);
  const providers = suite.providers;
  if (!Array.isArray(providers) || providers.length === 0) throw new Error(`${suitePath}:${lineOf(providersNode, lines)}: providers: a list of at least one provider is needed to pair`);
  const paired = absoluteFileReferences(suite, dir);
  paired.providers = (paired.providers as unknown[]).map((entry, i) => pairedProvider(entry, at(['providers', i])));
  paired.description = `${typeof suite.description === 'string' ? suite.description : basename(suitePath)} (paired by saydo)`;

  if (paired.defaultTest !== undefined && (typeof paired.defaultTest !== 'object' || Array.isArray(paired.defaultTest))) {
    throw new Error(`${at(['defaultTest'])}: saydo pairs a defaultTest written in the suite, not one kept in a file`);
  }
  const defaultTest = (paired.defaultTest ?? {}) as { assert?: SuiteAssertion[]; options?: { provider?: unknown } };
  const defaultAsserts = defaultTest.assert ?? [];
  paired.defaultTest = { ...defaultTest, assert: [...defaultAsserts, SCORER] };

  const listing: string[] = [];
  const tests = paired.tests;
  if (Array.isArray(tests)) {
    tests.forEach((test, i) => {
      if (!test || typeof test !== 'object') {
        listing.push(`tests[${i}] from ${String((test as unknown) ?? 'nothing')}: paired at run time; what is left out is listed in the run's summary`);
        return;
      }
      const t = test as { description?: string; vars?: Record<string, unknown>; assert?: SuiteAssertion[]; options?: { provider?: unknown }; path?: unknown };
      if (t.path !== undefined) {
        listing.push(`tests[${i}] from ${String(t.path)}: paired at run time; what is left out is listed in the run's summary`);
        return;
      }
      const where = at(['tests', i]);
      const hasGrader = t.options?.provider !== undefined || defaultTest.options?.provider !== undefined;
      const { checks, unpaired } = pairAssertions([...defaultAsserts, ...(t.assert ?? [])], hasGrader, where, t.vars ?? {});
      const name = `${where}${t.description ? ` (${t.description})` : ''}`;
      if (checks.length === 0) listing.push(`${name}: NOT PAIRED: ${unpaired.length === 0 ? 'it has no assertion' : 'no assertion can be paired'}`);
      for (const check of checks) listing.push(`${name}: ${check.unit} paired: ${check.question}`);
      for (const left of unpaired) listing.push(`${name}: ${left.index}:${left.type} left out: it ${left.reason}`);
    });
  } else if (tests !== undefined) {
    listing.push(`tests from ${String(tests)}: paired at run time; what is left out is listed in the run's summary`);
  }

  const target = out ?? join(dirname(suitePath), `${basename(suitePath, extname(suitePath))}.paired.yaml`);
  await writeFile(target, `# Paired by saydo from ${resolve(suitePath)}: the original is unchanged.\n${stringify(paired)}`);
  return { out: target, listing };
}

/** The command: pair, then say where the paired suite went and what was paired. */
export async function runPair(options: { suite: string; out?: string }): Promise<void> {
  const { out, listing } = await pairSuite(options.suite, options.out);
  for (const line of listing) console.log(line);
  console.log(`paired suite: ${out}\nrun it: saydo eval -c ${out}`);
}
