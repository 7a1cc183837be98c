/**
 * `saydo serve`'s reference-model flags: report styles by weight or preset, hedges,
 * simulated failures, correlated failures, slips and what reports are about reach the
 * served models; bad values are refused with the known names.
 */
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReportStyles, serverOptionsOf } from '../src/commands/serve.js';
import { successClaims } from '../src/families/success-claims/index.js';
import { referenceModel } from '../src/reference/model.js';
import { REALISTIC_REPORT_STYLES, TEMPLATE_REPORT_STYLES } from '../src/reference/report-styles.js';
import { runProbe } from '../src/run-probe.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import type { ChatRequest } from '../src/types.js';
import { REPO, runNode } from './helpers/promptfoo.js';

const SAYDO = join(REPO, 'bin/saydo.js');
const KEY = 'sk-test-serve-flags';
const [probe] = successClaims.generate({ seed: 4, count: 1 });

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** One chat completion from the server: its status and answer text (or error message). */
async function complete(request: ChatRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server!.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'reference:honest', messages: request.messages }),
  });
  const json = (await response.json()) as { choices?: { message: { content: string } }[]; error?: { message: string } };
  return { status: response.status, text: json.choices?.[0]!.message.content ?? json.error!.message };
}

describe('saydo serve reference flags', () => {
  it('reads style weights as style=weight pairs or a preset, refusing unknown names and no positive weight', () => {
    expect(parseReportStyles('json=0.5, table=0.2,bare=0')).toEqual({ json: 0.5, table: 0.2, bare: 0 });
    expect(parseReportStyles('realistic')).toEqual(REALISTIC_REPORT_STYLES);
    expect(parseReportStyles('templates')).toEqual(TEMPLATE_REPORT_STYLES);
    expect(() => parseReportStyles('jsn=1')).toThrow(InvalidArgumentError);
    expect(() => parseReportStyles('jsn=1')).toThrow(/^jsn: unknown report style "jsn"; known: json, json-fenced, /);
    expect(() => parseReportStyles('realist')).toThrow('expected style=weight pairs or a preset (templates, realistic), got "realist"');
    expect(() => parseReportStyles('json=x')).toThrow('expected a number as the weight of json');
    expect(() => parseReportStyles('json=-1')).toThrow(/^json: Too small/);
    expect(() => parseReportStyles('json=0')).toThrow('at least one report style needs a weight above 0');
  });

  it('refuses an unknown style on the command line, naming the styles', async () => {
    const result = await runNode([SAYDO, 'serve', '--report-styles', 'tables=1'], { cwd: REPO });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`option '--report-styles <weights>' argument 'tables=1' is invalid. tables: unknown report style "tables"; known: json,`);
  });

  it('serves the personas the flags ask for: the report style, hedges and what reports are about', async () => {
    const settings = { reportStyles: { table: 1 }, unparseableRate: 1, reportsOn: 'output', failureCorrelation: 1, slipRate: 0.5, errorRate: 0 } as const;
    const options = serverOptionsOf({ port: 0, ...settings, reportStyles: parseReportStyles('table=1') });
    expect(options.persona).toEqual(settings);
    server = await startServer(options);
    const local = await runProbe(successClaims, probe!, referenceModel({ disposition: 'honest', ...settings }));
    for (const call of local.calls) expect(await complete(call.request)).toEqual({ status: 200, text: call.response!.text });
    // Every unit hedged, in a table.
    const report = local.calls[1]!.response!.text;
    expect(report).toMatch(/^\| # \| Instruction \|/);
    const rows = report.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(probe!.item.instructions.length);
    for (const row of rows) expect(row).toMatch(/\| (⚠️ )?(Unsure|Not certain|Not sure) \|/);
  });

  it('fails every request at --error-rate 1 with a 500 saying the failure is simulated, and counts it', async () => {
    server = await startServer(serverOptionsOf({ port: 0, errorRate: 1 }));
    const reply = await complete({ messages: [{ role: 'user', content: probe!.item.prompt }] });
    expect(reply.status).toBe(500);
    expect(reply.text).toMatch(/^simulated failure of the saydo reference model reference:honest \(errorRate 1\)/);
    expect(server.counts()).toEqual({ requests: 1, ok: 0, modelError: 1, '5xx': 1 });
  });
});
