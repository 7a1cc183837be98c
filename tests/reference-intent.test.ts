/**
 * What a stateless reference model carries from the behaviour call to the report call,
 * in process and through the local API server via the official SDKs: a model reporting
 * on its intent recomputes the intents the behaviour was composed with, and a call its
 * errorRate fails is recorded as the probe's error, failing again on every retry.
 */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicModel } from '../src/backends/anthropic.js';
import { openaiModel } from '../src/backends/openai.js';
import { successClaims, type SuccessClaimsItem } from '../src/families/success-claims/index.js';
import { checkInstruction } from '../src/ifeval/checkers.js';
import { referenceModel } from '../src/reference/model.js';
import type { PersonaInput } from '../src/reference/persona.js';
import { withRetries, type RetryPolicy } from '../src/retry.js';
import { runProbe } from '../src/run-probe.js';
import { scoreProbe } from '../src/scoring.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import type { ChatRequest, Probe, Transcript } from '../src/types.js';

const KEY = 'sk-test-reference-intent';
const PROBES = successClaims.generate({ seed: 13, count: 200 });

/** The claims of a report in the asked JSON, true for "yes". */
function jsonClaims(text: string): boolean[] {
  return (JSON.parse(text) as { instructions: { satisfied: string }[] }).instructions.map((entry) => entry.satisfied === 'yes');
}

/** Whether each instruction of the probe is followed by the transcript's behaviour text, as the verifier's checker sees it. */
function followed(probe: Probe<SuccessClaimsItem>, transcript: Transcript): boolean[] {
  const text = transcript.calls[0]!.response!.text;
  return probe.item.instructions.map((instruction) => checkInstruction(instruction, text));
}

describe('reportsOn: intent', () => {
  /** Honest, so its claims are its intents; half the units it means to get right slip. */
  const INTENT: Omit<PersonaInput, 'disposition'> = { seed: 5, skill: 0.7, slipRate: 0.5, reportStyles: { json: 1 }, reportsOn: 'intent' };
  const inProcess = referenceModel({ disposition: 'honest', ...INTENT });

  it('in process: every report claims the intents the behaviour call composed with, slips included', async () => {
    let slips = 0;
    for (const probe of PROBES) {
      const transcript = await runProbe(successClaims, probe, inProcess);
      const done = followed(probe, transcript);
      const reports = transcript.calls.slice(1).map((call) => jsonClaims(call.response!.text));
      expect(reports).toHaveLength(3);
      for (const claims of reports) {
        expect(claims).toEqual(reports[0]);
        // Nothing comes out right that it did not mean: a unit followed is a unit intended.
        done.forEach((isDone, i) => {
          if (isDone) expect(claims[i]).toBe(true);
        });
      }
      slips += done.filter((isDone, i) => !isDone && reports[0]![i]).length;
    }
    // Reports on intent that slipped: claimed, not done. A report recomputing other intents would also claim units not meant but done.
    expect(slips).toBeGreaterThan(50);
  });

  it('in process, reporting on output instead: the claims are what the checker sees', async () => {
    const onOutput = referenceModel({ disposition: 'honest', ...INTENT, reportsOn: 'output' });
    for (const probe of PROBES.slice(0, 50)) {
      const transcript = await runProbe(successClaims, probe, onOutput);
      for (const call of transcript.calls.slice(1)) expect(jsonClaims(call.response!.text)).toEqual(followed(probe, transcript));
    }
  });

  describe('through the server', () => {
    let server: RunningServer;
    let probe: Probe<SuccessClaimsItem>;
    let local: Transcript;
    beforeAll(async () => {
      server = await startServer({ persona: INTENT });
      // A probe whose behaviour slipped, so that intent and output tell apart.
      for (const candidate of PROBES) {
        const transcript = await runProbe(successClaims, candidate, inProcess);
        const claims = jsonClaims(transcript.calls[1]!.response!.text);
        if (followed(candidate, transcript).some((isDone, i) => !isDone && claims[i])) {
          probe = candidate;
          local = transcript;
          break;
        }
      }
    });
    afterAll(() => server.close());

    /** One request through an official SDK, as a saydo backend sends it. */
    async function viaSdk(api: 'anthropic' | 'openai', request: ChatRequest): Promise<string> {
      const messages = request.messages.map((m) => ({ role: m.role, content: m.content }));
      if (api === 'anthropic') {
        const message = await new Anthropic({ baseURL: server.url, apiKey: KEY, maxRetries: 0 }).messages.create({ model: 'reference:honest', max_tokens: 4096, messages });
        return message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      }
      const completion = await new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 }).chat.completions.create({ model: 'reference:honest', messages });
      return completion.choices[0]!.message.content!;
    }

    it.each(['anthropic', 'openai'] as const)('via the %s SDK: the report request recomputes the behaviour request’s intents', async (api) => {
      const behaviour = await viaSdk(api, local.calls[0]!.request);
      expect(behaviour).toBe(local.calls[0]!.response!.text);
      const report = await viaSdk(api, local.calls[1]!.request);
      expect(report).toBe(local.calls[1]!.response!.text);
      const claims = jsonClaims(report);
      const done = probe.item.instructions.map((instruction) => checkInstruction(instruction, behaviour));
      expect(done.some((isDone, i) => !isDone && claims[i])).toBe(true);
      done.forEach((isDone, i) => {
        if (isDone) expect(claims[i]).toBe(true);
      });
    });
  });
});

describe('errorRate', () => {
  const FAILING: Omit<PersonaInput, 'disposition'> = { seed: 3, errorRate: 0.3 };
  const SIMULATED = /simulated failure of the saydo reference model reference:success-seeking \(errorRate 0\.3\)/;
  const inProcess = referenceModel({ disposition: 'success-seeking', ...FAILING });
  const failures = (transcript: Transcript): (string | undefined)[] => transcript.calls.map((call) => call.error);

  /** The first probe (and its in-process transcript) whose calls fail as `fits` asks. */
  async function findProbe(fits: (transcript: Transcript) => boolean): Promise<{ probe: Probe<SuccessClaimsItem>; transcript: Transcript }> {
    for (const probe of PROBES) {
      const transcript = await runProbe(successClaims, probe, inProcess);
      if (fits(transcript)) return { probe, transcript };
    }
    throw new Error('no probe fails that way');
  }

  it('in process: a failed behaviour call is every unit’s error, a failed report call its framing’s; a rerun fails the same calls', async () => {
    const behaviourFailed = await findProbe((t) => t.calls[0]!.error !== undefined);
    expect(behaviourFailed.transcript.calls).toHaveLength(1);
    expect(behaviourFailed.transcript.calls[0]!.error).toMatch(SIMULATED);
    const verdicts = await scoreProbe(successClaims, behaviourFailed.probe, behaviourFailed.transcript);
    expect(verdicts.length).toBeGreaterThan(0);
    for (const verdict of verdicts) expect(verdict).toMatchObject({ verdict: 'error', error: expect.stringMatching(SIMULATED) });

    const reportFailed = await findProbe((t) => t.calls[0]!.error === undefined && t.calls.some((call) => call.error !== undefined));
    const failedFraming = reportFailed.transcript.calls.find((call) => call.error !== undefined)!.framing;
    for (const verdict of await scoreProbe(successClaims, reportFailed.probe, reportFailed.transcript)) {
      if (verdict.framing === failedFraming) expect(verdict).toMatchObject({ verdict: 'error', error: expect.stringMatching(SIMULATED) });
      else expect(verdict.verdict).not.toBe('error');
    }

    for (const { probe, transcript } of [behaviourFailed, reportFailed]) {
      expect(failures(await runProbe(successClaims, probe, inProcess))).toEqual(failures(transcript));
    }
  });

  describe('through the server, with the SDK backends and their retries', () => {
    const POLICY: RetryPolicy = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5, timeoutMs: 10_000, totalTimeoutMs: 60_000 };
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ persona: FAILING });
    });
    afterAll(() => server.close());

    it.each(['anthropic', 'openai'] as const)('via %s: the calls that fail in process fail here after every attempt, recorded as errors', async (api) => {
      const options = { model: 'reference:success-seeking', apiKey: KEY, maxTokens: 4096 };
      const backend = api === 'anthropic' ? anthropicModel({ ...options, baseUrl: server.url }) : openaiModel({ ...options, baseUrl: `${server.url}/v1` }, 'openai');
      const model = withRetries(backend, POLICY);
      const before = server.log().length;
      let failedCalls = 0;
      for (const probe of PROBES.slice(0, 12)) {
        const local = await runProbe(successClaims, probe, inProcess);
        const remote = await runProbe(successClaims, probe, model);
        expect(failures(remote).map((error) => error !== undefined)).toEqual(failures(local).map((error) => error !== undefined));
        remote.calls.forEach((call, i) => {
          if (call.error === undefined) {
            expect(call.response!.text).toBe(local.calls[i]!.response!.text);
            return;
          }
          failedCalls++;
          expect(call.error).toMatch(/^HTTP 500: /);
          expect(call.error).toMatch(SIMULATED);
          expect(call.attempts).toBe(POLICY.maxAttempts);
        });
      }
      expect(failedCalls).toBeGreaterThan(0);
      // Every attempt reached the server and got the model's 500, logged as its simulated failure.
      const failedRequests = server.log().slice(before).filter((entry) => entry.modelError);
      expect(failedRequests).toHaveLength(failedCalls * POLICY.maxAttempts);
      for (const entry of failedRequests) expect(entry.status).toBe(500);
    });
  });
});
