/**
 * Takes the README's screenshot of a report page: `npx tsx scripts/screenshot-report.ts
 * results/<run>/report.html docs/report.png`. Uses Debian's Chromium, with the network refused.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [page, out] = process.argv.slice(2);
if (!page || !out) throw new Error('usage: screenshot-report.ts <report.html> <out.png>');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1200, height: 1500 } });
await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
const tab = await context.newPage();
await tab.goto(pathToFileURL(page).href);
await tab.screenshot({ path: out, fullPage: false });
await browser.close();
console.log(`wrote ${out}`);
