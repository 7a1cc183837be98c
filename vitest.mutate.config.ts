/**
 * The test set for mutation runs (stryker.config.mjs): the project's vitest config
 * without the end-to-end files, which start servers, spawn promptfoo or the saydo CLI
 * and take most of `npm test`'s time while testing none of the measurement core alone,
 * and without the task generator's tests, which build 2,000 tasks at import by counting
 * words and sentences until a target is met: a mutant of those counts makes them loop
 * until Stryker's timeout, on every run. A new test file that starts a server or spawns
 * a process is left out here when it is named `*-e2e.test.ts`, `server*.test.ts` or
 * `reference-*.test.ts`, or is added to the list below.
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        'tests/**/*-e2e.test.ts',
        'tests/server*.test.ts',
        'tests/cli.test.ts',
        'tests/backends.test.ts',
        'tests/success-claims-compose.test.ts',
        'tests/success-claims-generate.test.ts',
        // Whole simulated runs: seconds per mutant, and the unit and reading tests already cover the code they run.
        'tests/known-answer.test.ts',
        'tests/*-known-answer.test.ts',
        'tests/interval-coverage.test.ts',
        'tests/reference-*.test.ts',
      ],
    },
  }),
);
