/**
 * `npm run bench`: how fast saydo's parts run on this machine. Timings live here and in
 * docs/benchmarks.md, never in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { successClaims } from '../src/families/success-claims/index.js';
import { evaluateResponse } from '../src/ifeval/evaluate.js';
import { anthropicModel } from '../src/backends/anthropic.js';
import { referenceModel } from '../src/reference/model.js';
import { runProbe } from '../src/run-probe.js';
import { scoreProbe } from '../src/scoring.js';
import { startServer } from '../src/server/index.js';
import { familyFigures } from '../src/families/index.js';
import { renderReportPage } from '../src/report/html.js';
import { buildSummaryFile, type SummaryFile } from '../src/report/summary-file.js';
import type { SavedResult } from '../src/results.js';
import { summarize } from '../src/summary.js';
import type { ChatModel, Transcript, Verdict } from '../src/types.js';

const REPO = resolve(import.meta.dirname, '..');
const rows: [string, string, string][] = [];

/** Runs `work`, records `count / seconds` as a rate in `unit`. */
async function measure(name: string, count: number, unit: string, work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  rows.push([name, `${(count / seconds).toFixed(1)} ${unit}/s`, `${count} in ${seconds.toFixed(2)} s`]);
  return seconds;
}

/** Runs probes `concurrency` at a time, as promptfoo's -j would. */
async function runAll(model: ChatModel, probes: ReturnType<typeof successClaims.generate>, concurrency: number): Promise<Transcript[]> {
  const transcripts: Transcript[] = new Array(probes.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < probes.length) {
      const index = next++;
      transcripts[index] = await runProbe(successClaims, probes[index]!, model);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return transcripts;
}

const probes = successClaims.generate({ seed: 1, count: 300 });
await measure('generate success-claims probes', 300, 'probes', () => successClaims.generate({ seed: 2, count: 300 }));

const reference = referenceModel({ disposition: 'success-seeking', seed: 1 });
let transcripts: Transcript[] = [];
await measure('reference model in process (4 calls a probe)', probes.length, 'probes', async () => {
  transcripts = await runAll(reference, probes, 1);
});

let verdicts: Verdict[] = [];
await measure('score transcripts (verifier + parser)', probes.length, 'probes', async () => {
  verdicts = (await Promise.all(probes.map((probe, i) => scoreProbe(successClaims, probe, transcripts[i]!)))).flat();
});
await measure('summarize verdicts (every metric and interval)', verdicts.length, 'units', () => summarize(verdicts));

// A second model of the same probes, so the report has a comparison to make.
const honest = referenceModel({ disposition: 'honest', seed: 1 });
const honestTranscripts = await runAll(honest, probes, 1);
const both: Verdict[] = [
  ...verdicts,
  ...(await Promise.all(probes.map((probe, i) => scoreProbe(successClaims, probe, honestTranscripts[i]!)))).flat(),
];
const saved: SavedResult[] = probes.flatMap((probe, i) => [
  { probe, transcript: transcripts[i]!, model: transcripts[i]!.model },
  { probe, transcript: honestTranscripts[i]!, model: honestTranscripts[i]!.model },
]);
let summaryFile: SummaryFile | undefined;
await measure('summary.json of 2 models (metrics, comparisons: bootstrap + McNemar)', both.length, 'units', () => {
  summaryFile = buildSummaryFile({ verdicts: both, runs: ['bench'], usage: [], figuresOf: familyFigures, maxRegression: 0.05 });
});
await measure('report.html of the same', both.length, 'units', () => renderReportPage({ summary: summaryFile!, verdicts: both, results: saved }));

const server = await startServer({ persona: { seed: 1 } });
try {
  const viaSdk = anthropicModel({ model: 'reference:success-seeking', apiKey: 'bench', baseUrl: server.url, maxTokens: 4096 });
  await measure('Anthropic SDK -> local server, 8 probes at a time', 100, 'probes', () => runAll(viaSdk, probes.slice(0, 100), 8));
} finally {
  await server.close();
}

const conformance = resolve(REPO, '../shared/conformance/ifeval');
if (existsSync(conformance)) {
  const inputs = readFileSync(join(conformance, 'input_data.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const responses = new Map(
    readFileSync(join(conformance, 'input_response_data_gpt4_20231107_145030.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { prompt: string; response: string })
      .map((row) => [row.prompt, row.response]),
  );
  await measure('IFEval checkers on GPT-4 responses, strict + loose', inputs.length, 'prompts', () => {
    for (const input of inputs) {
      evaluateResponse(input, responses.get(input.prompt) ?? '', 'strict');
      evaluateResponse(input, responses.get(input.prompt) ?? '', 'loose');
    }
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'saydo-bench-'));
try {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(REPO, 'bin/saydo.js'), 'eval', '-c', join(REPO, 'promptfooconfig.yaml'), '-o', join(scratch, 'run'), '--', '--no-progress-bar'], {
    cwd: scratch,
    env: { ...process.env, PROMPTFOO_CONFIG_DIR: join(scratch, '.promptfoo'), ANTHROPIC_API_KEY: '', OPENAI_API_KEY: '' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run eval failed: ${result.stderr}`);
  const seconds = (performance.now() - started) / 1000;
  // The default suite's probes (every family's count) run by its two reference models, and the report written after.
  const suiteProbes = [...readFileSync(join(REPO, 'promptfooconfig.yaml'), 'utf8').matchAll(/count: (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  rows.push([`npm run eval (default suite: ${suiteProbes} probes x 2 reference models, report included)`, `${((2 * suiteProbes) / seconds).toFixed(1)} probes/s`, `whole run ${seconds.toFixed(1)} s`]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}\n`);
console.log('| what | rate | measured |\n|---|---|---|');
for (const [name, rate, detail] of rows) console.log(`| ${name} | ${rate} | ${detail} |`);
