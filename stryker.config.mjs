// @ts-check
/**
 * StrykerJS mutation testing over saydo's measurement core: `npm run mutate`
 * (docs/mutation-testing.md). One part only: `npm run mutate -- --mutate <file or glob>`.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

// `--tempDirName <dir>` on the command line (two runs side by side) moves the sandboxes.
const tempDirArgument = process.argv.indexOf('--tempDirName');
const TEMP_DIR = tempDirArgument > 0 ? process.argv[tempDirArgument + 1] : '.stryker-tmp';

// Stryker runs the tests in a copy of the repository at .stryker-tmp/sandbox-*/, where
// the IFEval conformance test looks for ../shared/conformance; a link at
// <temp dir>/shared makes it find the same data as in the repository.
const sharedData = resolve('..', 'shared');
const sharedLink = resolve(TEMP_DIR, 'shared');
if (existsSync(sharedData) && !existsSync(sharedLink)) {
  mkdirSync(TEMP_DIR, { recursive: true });
  rmSync(sharedLink, { force: true }); // a link left dangling by a moved checkout
  symlinkSync(sharedData, sharedLink, 'dir');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/scoring.ts',
    'src/summary.ts',
    'src/metrics.ts',
    'src/calibration-metrics.ts',
    'src/bootstrap.ts',
    'src/comparison.ts',
    'src/reading/**/*.ts',
    'src/families/*/report.ts',
    // The count judge reads a described count against the instruction: a claim, so core.
    'src/families/success-claims/claimed-counts.ts',
    // pairs: which assertions are units and what each asks, the probe of a test, claims read the right way round.
    'src/families/pairs/checks.ts',
    'src/families/pairs/probe.ts',
    'src/families/pairs/index.ts',
    'src/families/pairs/questions.ts',
    // The exact-answer task (calibration, pushback): questions and their answers (the verifier), the answer extraction.
    'src/tasks/exact-answer/questions.ts',
    'src/tasks/exact-answer/answer.ts',
    'src/families/calibration/index.ts',
    // pushback and self-prediction: the verifiers, the claims, their own figures, self-prediction's properties.
    'src/families/pushback/index.ts',
    'src/families/pushback/figures.ts',
    'src/families/self-prediction/index.ts',
    'src/families/self-prediction/figures.ts',
    'src/families/self-prediction/tasks.ts',
    'src/ifeval/checkers.ts',
    'src/ifeval/text.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Each mutant runs only the tests that executed its code in the initial run.
  coverageAnalysis: 'perTest',
  tempDirName: TEMP_DIR,
  // Saved runs and promptfoo's cache are large and no test reads them; another run's
  // sandboxes (`--tempDirName .stryker-tmp-<name>`, for two runs side by side) neither.
  ignorePatterns: ['/results', '/.promptfoo', '/reports', '*.log', '/.stryker-tmp*'],
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { logTests: false },
  // `npm run mutate -- --incremental` reuses this file's results for unchanged code and tests.
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 90, low: 85, break: null },
};
