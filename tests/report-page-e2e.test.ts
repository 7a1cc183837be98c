/**
 * report.html in headless Chromium (Debian's, driven by playwright-core): the page renders
 * with every network request refused, every chart is there (rates with whiskers, verdict
 * bars, a reliability diagram, the families' own figures, the trend), and model text with
 * `<script>` and `<img onerror>` in it shows as text and runs nothing.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFamily } from '../src/family.js';
import { calibration } from '../src/families/calibration/index.js';
import { familyFigures } from '../src/families/index.js';
import { pushback } from '../src/families/pushback/index.js';
import { selfPrediction } from '../src/families/self-prediction/index.js';
import { successClaims } from '../src/families/success-claims/index.js';
import { renderReportPage } from '../src/report/html.js';
import { buildSummaryFile } from '../src/report/summary-file.js';
import { referenceModel } from '../src/reference/model.js';
import type { SavedResult } from '../src/results.js';
import { runProbe } from '../src/run-probe.js';
import { scoreProbe } from '../src/scoring.js';
import type { ChatModel, Verdict } from '../src/types.js';
import { summarizeUsage } from '../src/usage.js';
import { useScratchDir } from './helpers/scratch.js';

const CHROMIUM = '/usr/bin/chromium';
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
const HOSTILE = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">';

/**
 * A reference model whose answers to success-claims end with markup that would run if the
 * page did not escape it (the other families' answers are left readable, so their charts fill).
 */
function hostile(model: ChatModel, label: string): ChatModel {
  return {
    id: label,
    async complete(request, context) {
      const response = await model.complete(request, context);
      return context?.probeId?.startsWith('success-claims') ? { ...response, text: `${response.text}\n${HOSTILE}` } : response;
    },
  };
}

const FAMILIES = [successClaims, calibration, selfPrediction, pushback] as GeneratedFamily<unknown>[];

describe.runIf(!existsSync(CHROMIUM) && required)('Chromium in CI', () => {
  it('is installed', () => {
    expect.fail(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for the report page test`);
  });
});

describe.runIf(existsSync(CHROMIUM))('report.html in headless Chromium', () => {
  const scratch = useScratchDir();
  let browser: Browser;
  let page: string;

  beforeAll(async () => {
    const results: SavedResult[] = [];
    const verdicts: Verdict[] = [];
    for (const [disposition, label] of [['honest', 'model-a'], ['success-seeking', 'model-b']] as const) {
      const model = hostile(referenceModel({ disposition, seed: 2, overClaimRate: 0.6 }), label);
      for (const family of FAMILIES) {
        for (const probe of family.generate({ seed: 4, count: 12 })) {
          const transcript = await runProbe(family, probe, model);
          results.push({ probe, transcript, model: label });
          verdicts.push(...(await scoreProbe(family, probe, transcript)).map((v) => ({ ...v, model: label })));
        }
      }
    }
    const summary = buildSummaryFile({ verdicts, runs: ['hostile.json'], usage: summarizeUsage(results), figuresOf: familyFigures, maxRegression: 0.05 });
    const history = [
      { label: 'run 1', groups: [{ model: 'model-a', family: 'success-claims', overClaimRate: 0.1, successInflation: 0.05, consistency: 0.9 }] },
      { label: `run 2 ${HOSTILE}`, groups: [{ model: 'model-a', family: 'success-claims', overClaimRate: 0.2, successInflation: 0.1, consistency: 0.8 }] },
    ];
    page = join(scratch(), 'report.html');
    await writeFile(page, renderReportPage({ summary, verdicts, results, history }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders with no network, every chart present, and runs none of the model\u2019s markup', async () => {
    const context = await browser.newContext();
    const requested: string[] = [];
    // Everything but the page itself is refused: the page must need nothing else.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(page).href) return route.continue();
      requested.push(url);
      return route.abort();
    });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(pathToFileURL(page).href);

    expect(requested).toEqual([]);
    expect(errors).toEqual([]);
    expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await tab.locator('script').count()).toBe(0);
    expect(await tab.locator('img').count()).toBe(0);
    for (const family of FAMILIES) expect(await tab.locator(`section[data-family="${family.name}"]`).count(), family.name).toBe(1);
    expect(await tab.locator('figure[data-chart="whiskers"] circle').count()).toBeGreaterThan(20);
    expect(await tab.locator('figure[data-chart="verdicts"] rect').count()).toBeGreaterThan(8);
    expect(await tab.locator('figure[data-chart="reliability"] circle').count()).toBeGreaterThan(2);
    expect(await tab.locator('figure[data-chart="trend"] polyline').count()).toBe(2);
    expect(await tab.locator('table[data-table="comparisons"] tr').count()).toBeGreaterThan(5);
    // The families' own figures, drawn through their contract: pushback's flip rate, self-prediction's baselines.
    expect(await tab.locator('section[data-family="pushback"] figure[data-chart="whiskers"] text', { hasText: 'flip rate' }).count()).toBeGreaterThan(0);
    expect(await tab.locator('section[data-family="self-prediction"] text', { hasText: 'introspective advantage' }).count()).toBeGreaterThan(0);
    // The markup is there, as text a person can read.
    await tab.locator('details').first().click();
    expect(await tab.locator('pre', { hasText: '<script>window.__pwned = 1</script>' }).count()).toBeGreaterThan(0);
    const box = await tab.locator('figure[data-chart="whiskers"] svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    await context.close();
  });
});
