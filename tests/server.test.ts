/**
 * The local API server against the official SDK clients over real HTTP on 127.0.0.1:
 * the reference answers exactly, both wire formats, every fault kind as the SDK sees
 * it, error envelopes, the log and the bind address; and saydo probes run through the
 * SDKs give the in-process verdicts.
 */
import Anthropic from '@anthropic-ai/sdk';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { successClaims } from '../src/families/success-claims/index.js';
import { estimateTokens, referenceAnswer, referenceModel } from '../src/reference/model.js';
import { personaSchema, type Disposition } from '../src/reference/persona.js';
import { runProbe } from '../src/run-probe.js';
import { scoreProbe } from '../src/scoring.js';
import { pairProbe, pairs } from '../src/families/pairs/index.js';
import { FAULT_KINDS, faultRatesFromTotal, startServer, type FaultKind, type RunningServer } from '../src/server/index.js';
import type { ChatModel, ChatRequest, Verdict } from '../src/types.js';
import { useScratchDir } from './helpers/scratch.js';

const KEY = 'sk-test-secret-3f9c2a';
const [probe] = successClaims.generate({ seed: 1, count: 3 });
const prompt = probe!.item.prompt;
const honest = personaSchema.parse({ disposition: 'honest' });
const plain: ChatRequest = { messages: [{ role: 'user', content: prompt }] };
const expected = await referenceAnswer(honest, plain);
const scratch = useScratchDir('saydo-server-');

const anthropicClient = (server: RunningServer, options: { timeout?: number; apiKey?: string } = {}) =>
  new Anthropic({ baseURL: server.url, apiKey: options.apiKey ?? KEY, maxRetries: 0, ...(options.timeout ? { timeout: options.timeout } : {}) });
const openaiClient = (server: RunningServer, options: { timeout?: number } = {}) =>
  new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0, ...(options.timeout ? { timeout: options.timeout } : {}) });

/** A raw request, for what the SDKs would not send. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** Resolves with the error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

let server: RunningServer;
let logFile: string;
beforeAll(async () => {
  logFile = join(scratch(), 'requests.jsonl');
  server = await startServer({ logFile });
});
afterAll(() => server.close());

describe('the Anthropic Messages API through the official SDK', () => {
  it('answers exactly the reference answer, with usage and stop reason', async () => {
    const message = await anthropicClient(server).messages.create({ model: 'reference:honest', max_tokens: 4096, messages: [{ role: 'user', content: prompt }] });
    expect(message.content).toEqual([{ type: 'text', text: expected }]);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'reference:honest', stop_reason: 'end_turn', stop_sequence: null });
    expect(message.id).toMatch(/^msg_/);
    const { usage } = await referenceModel({ disposition: 'honest' }).complete(plain);
    expect(message.usage).toMatchObject({ input_tokens: usage.input, output_tokens: usage.output });
    expect(message._request_id).toMatch(/^req_/);
  });

  it('reads system and content as strings or as text blocks joined with ""', async () => {
    const withSystem = await referenceAnswer(honest, { system: 'Be brief.', messages: plain.messages });
    expect(withSystem).not.toBe(expected);
    const client = anthropicClient(server);
    const asString = await client.messages.create({ model: 'honest', max_tokens: 4096, system: 'Be brief.', messages: [{ role: 'user', content: prompt }] });
    const asBlocks = await client.messages.create({
      model: 'reference-honest',
      max_tokens: 4096,
      system: [{ type: 'text', text: 'Be ' }, { type: 'text', text: 'brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: prompt.slice(0, 10) }, { type: 'text', text: prompt.slice(10) }] }],
    });
    for (const message of [asString, asBlocks]) expect(message.content).toEqual([{ type: 'text', text: withSystem }]);
  });

  it('puts a simulated thinking block first and keeps the answer apart', async () => {
    const message = await anthropicClient(server).messages.create({
      model: 'reference:honest',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: prompt }],
    });
    const [thinking, text] = message.content;
    expect(thinking).toMatchObject({ type: 'thinking', signature: expect.any(String) });
    expect(thinking?.type === 'thinking' && thinking.thinking).toMatch(/simulated reasoning of the saydo reference model/i);
    expect(text).toEqual({ type: 'text', text: expected });
    expect(message.usage.output_tokens).toBeGreaterThan(estimateTokens(expected));
  });

  it('cuts the answer at max_tokens and says so', async () => {
    const message = await anthropicClient(server).messages.create({ model: 'reference:honest', max_tokens: 10, messages: [{ role: 'user', content: prompt }] });
    expect(message.content).toEqual([{ type: 'text', text: expected.slice(0, 40) }]);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(10);
  });
});

describe('the OpenAI Chat Completions API through the official SDK', () => {
  it('answers exactly the reference answer, with usage and finish reason', async () => {
    const completion = await openaiClient(server).chat.completions.create({ model: 'reference:honest', messages: [{ role: 'user', content: prompt }] });
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'reference:honest' });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: expected, refusal: null } });
    const { input, output } = (await referenceModel({ disposition: 'honest' }).complete(plain)).usage;
    expect(completion.usage).toMatchObject({ prompt_tokens: input, completion_tokens: output, total_tokens: input + output });
  });

  it('joins several system messages with a blank line, and reads text parts', async () => {
    const want = await referenceAnswer(honest, { system: 'Be brief.\n\nBe kind.', messages: plain.messages });
    const completion = await openaiClient(server).chat.completions.create({
      model: 'success-seeking',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: [{ type: 'text', text: 'Be kind.' }] },
        { role: 'user', content: [{ type: 'text', text: prompt }] },
      ],
    });
    // A behaviour call: every disposition with one seed does the same work.
    expect(completion.choices[0]?.message.content).toBe(want);
    expect(completion.model).toBe('reference:success-seeking');
  });

  it('returns a logprob for every answer token when asked', async () => {
    const completion = await openaiClient(server).chat.completions.create({
      model: 'reference:honest',
      messages: [{ role: 'user', content: prompt }],
      logprobs: true,
      top_logprobs: 2,
    });
    const content = completion.choices[0]!.logprobs!.content!;
    expect(content.map((t) => t.token).join('')).toBe(expected);
    expect(content).toHaveLength(estimateTokens(expected));
    for (const token of content) {
      expect(token.logprob).toBe(0);
      expect(token.bytes).toEqual([...Buffer.from(token.token)]);
      expect(token.top_logprobs).toEqual([{ token: token.token, logprob: 0, bytes: token.bytes }]);
    }
  });

  it('cuts at max_tokens or max_completion_tokens with finish_reason length', async () => {
    const client = openaiClient(server);
    for (const limit of [{ max_tokens: 7 }, { max_completion_tokens: 7 }]) {
      const completion = await client.chat.completions.create({ model: 'reference:honest', messages: [{ role: 'user', content: prompt }], ...limit });
      expect(completion.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: expected.slice(0, 28) } });
      expect(completion.usage?.completion_tokens).toBe(7);
    }
  });

  it('refuses n > 1 with a 400 naming the parameter', async () => {
    const error = await rejection(openaiClient(server).chat.completions.create({ model: 'reference:honest', n: 2, messages: [{ role: 'user', content: prompt }] }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param: 'n' });
  });
});

describe('model names', () => {
  it('answers requests with no model as the default model', async () => {
    const custom = await startServer({ model: 'reference-underclaiming' });
    try {
      const anthropic = await post(`${custom.url}/v1/messages`, { max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }, { 'x-api-key': KEY });
      const openai = await post(`${custom.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'hi' }] }, { authorization: `Bearer ${KEY}` });
      expect(anthropic.json.model).toBe('reference:underclaiming');
      expect(openai.json.model).toBe('reference:underclaiming');
    } finally {
      await custom.close();
    }
  });

  it('gives each API its own 404 for a model it does not serve', async () => {
    const anthropic = await rejection(anthropicClient(server).messages.create({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }));
    expect(anthropic).toBeInstanceOf(Anthropic.NotFoundError);
    expect(anthropic.error).toMatchObject({ type: 'error', error: { type: 'not_found_error', message: expect.stringContaining('claude-sonnet-4-5') } });
    expect(anthropic.requestID).toMatch(/^req_/);
    const openai = await rejection(openaiClient(server).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }));
    expect(openai).toBeInstanceOf(OpenAI.NotFoundError);
    expect(openai.error).toMatchObject({ type: 'invalid_request_error', code: 'model_not_found', param: null });
  });

  it('lists the four reference models to both SDKs', async () => {
    const names = ['reference:honest', 'reference:success-seeking', 'reference:underclaiming', 'reference:random'];
    const openai = await openaiClient(server).models.list();
    expect(openai.data.map((m) => m.id)).toEqual(names);
    expect(openai.data[0]).toMatchObject({ object: 'model', owned_by: 'saydo', created: expect.any(Number) });
    const anthropic = await anthropicClient(server).models.list();
    expect(anthropic.data.map((m) => m.id)).toEqual(names);
  });
});

describe('error envelopes', () => {
  const anthropicBody = { model: 'reference:honest', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] };
  const openaiBody = { model: 'reference:honest', messages: [{ role: 'user', content: 'hi' }] };

  it('401 without a key', async () => {
    const anthropic = await post(`${server.url}/v1/messages`, anthropicBody);
    expect(anthropic.status).toBe(401);
    expect(anthropic.json).toEqual({ type: 'error', error: { type: 'authentication_error', message: expect.any(String) } });
    expect(anthropic.headers.get('request-id')).toMatch(/^req_/);
    const openai = await post(`${server.url}/v1/chat/completions`, openaiBody);
    expect(openai.status).toBe(401);
    expect(openai.json).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    // Either credential works for Anthropic: the SDK sends a bearer token for authToken.
    const bearer = await anthropicClient(server).messages.create(anthropicBody as Anthropic.MessageCreateParamsNonStreaming, { headers: { 'x-api-key': null, authorization: `Bearer ${KEY}` } });
    expect(bearer.content[0]?.type).toBe('text');
  });

  it('400 for streaming, bad JSON and missing fields', async () => {
    const anthropic = await rejection(anthropicClient(server).messages.create({ ...anthropicBody, messages: [{ role: 'user', content: 'hi' }], stream: true }));
    expect(anthropic).toBeInstanceOf(Anthropic.BadRequestError);
    expect(anthropic.error.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('streaming is not supported') });
    const openai = await rejection(openaiClient(server).chat.completions.create({ ...openaiBody, messages: [{ role: 'user', content: 'hi' }], stream: true }));
    expect(openai).toBeInstanceOf(OpenAI.BadRequestError);
    expect(openai.error).toMatchObject({ type: 'invalid_request_error', param: 'stream' });

    const badJson = await post(`${server.url}/v1/messages`, '{"model":', { 'x-api-key': KEY });
    expect(badJson.status).toBe(400);
    expect(badJson.json.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('not valid JSON') });
    const noMaxTokens = await post(`${server.url}/v1/messages`, { messages: [{ role: 'user', content: 'hi' }] }, { 'x-api-key': KEY });
    expect(noMaxTokens.json.error.message).toMatch(/^max_tokens: /);
    const image = await post(
      `${server.url}/v1/chat/completions`,
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] },
      { authorization: `Bearer ${KEY}` },
    );
    expect(image.json.error).toMatchObject({ param: 'messages.0.content.0', message: expect.stringContaining('only text blocks') });
  });

  it('404 for a path it does not serve, in the envelope of the API the headers name', async () => {
    const anthropic = await post(`${server.url}/v1/complete`, {}, { 'x-api-key': KEY });
    expect(anthropic.status).toBe(404);
    expect(anthropic.json.error.type).toBe('not_found_error');
    const openai = await post(`${server.url}/v1/responses`, {}, { authorization: `Bearer ${KEY}` });
    expect(openai.status).toBe(404);
    expect(openai.json.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('POST /v1/responses') });
  });
});

describe.each(FAULT_KINDS)('the %s fault, at rate 1', (kind: FaultKind) => {
  let faulty: RunningServer;
  beforeAll(async () => {
    faulty = await startServer({ faults: { [kind]: 1 }, stallMs: 60_000 });
  });
  afterAll(() => faulty.close());

  const anthropicCall = () =>
    anthropicClient(faulty, { timeout: 300 }).messages.create({ model: 'reference:honest', max_tokens: 4096, messages: [{ role: 'user', content: prompt }] });
  const openaiCall = () =>
    openaiClient(faulty, { timeout: 300 }).chat.completions.create({ model: 'reference:honest', messages: [{ role: 'user', content: prompt }] });

  /** What each SDK must raise (or return) for this fault. */
  const checks: Record<FaultKind, () => Promise<void>> = {
    async rateLimit() {
      const anthropic = await rejection(anthropicCall());
      expect(anthropic).toBeInstanceOf(Anthropic.RateLimitError);
      expect(anthropic.headers.get('retry-after')).toBe('1');
      expect(anthropic.headers.get('retry-after-ms')).toBe('1000');
      expect(anthropic.error.error.type).toBe('rate_limit_error');
      const openai = await rejection(openaiCall());
      expect(openai).toBeInstanceOf(OpenAI.RateLimitError);
      expect(openai.headers.get('retry-after')).toBe('1');
      expect(openai.code).toBe('rate_limit_exceeded');
    },
    async serverError() {
      const anthropic = await rejection(anthropicCall());
      expect(anthropic).toBeInstanceOf(Anthropic.InternalServerError);
      expect([anthropic.status, anthropic.error.error.type]).toEqual([500, 'api_error']);
      const openai = await rejection(openaiCall());
      expect(openai).toBeInstanceOf(OpenAI.InternalServerError);
      expect([openai.status, openai.type]).toEqual([500, 'server_error']);
    },
    async overloaded() {
      const anthropic = await rejection(anthropicCall());
      expect(anthropic).toBeInstanceOf(Anthropic.InternalServerError);
      expect([anthropic.status, anthropic.error.error.type]).toEqual([529, 'overloaded_error']);
      const openai = await rejection(openaiCall());
      expect(openai).toBeInstanceOf(OpenAI.InternalServerError);
      expect(openai.status).toBe(503);
      expect(openai.message).toMatch(/overloaded/);
    },
    async connectionReset() {
      const anthropic = await rejection(anthropicCall());
      expect(anthropic).toBeInstanceOf(Anthropic.APIConnectionError);
      expect(anthropic).not.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
      const openai = await rejection(openaiCall());
      expect(openai).toBeInstanceOf(OpenAI.APIConnectionError);
      expect(openai).not.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    },
    async stall() {
      expect(await rejection(anthropicCall())).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
      expect(await rejection(openaiCall())).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    },
    async malformed() {
      expect(await rejection(anthropicCall())).toBeInstanceOf(SyntaxError);
      expect(await rejection(openaiCall())).toBeInstanceOf(SyntaxError);
    },
    async truncated() {
      const half = expected.slice(0, Math.floor(expected.length / 2));
      const message = await anthropicCall();
      expect(message.stop_reason).toBe('max_tokens');
      expect(message.content).toEqual([{ type: 'text', text: half }]);
      const completion = await openaiCall();
      expect(completion.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: half } });
    },
  };

  it('reaches each SDK as the error (or answer) a real API would cause, and is logged', async () => {
    await checks[kind]();
    // A dropped request is logged when the server sees its connection close.
    await expect.poll(() => faulty.log().length).toBe(2);
    // The status each request ended with, Anthropic's then OpenAI's: 0 when no response was sent.
    const statuses = { rateLimit: [429, 429], serverError: [500, 500], overloaded: [529, 503], connectionReset: [0, 0], stall: [0, 0], malformed: [200, 200], truncated: [200, 200] }[kind];
    expect(faulty.log().map((e) => [e.api, e.fault, e.model, e.status])).toEqual([
      ['anthropic', kind, 'reference:honest', statuses[0]],
      ['openai', kind, 'reference:honest', statuses[1]],
    ]);
    expect(faulty.counts()).toMatchObject({ requests: 2, ok: 0, [kind]: 2 });
  });
});

describe('fault draws', () => {
  it('spreads a total rate evenly over the seven kinds', () => {
    const rates = faultRatesFromTotal(0.7);
    expect(Object.keys(rates)).toEqual([...FAULT_KINDS]);
    for (const kind of FAULT_KINDS) expect(rates[kind]).toBeCloseTo(0.1, 12);
  });

  it('are fixed by the fault seed, one draw per request', async () => {
    const sequence = async (faultSeed: number): Promise<(FaultKind | 'none')[]> => {
      const s = await startServer({ faults: faultRatesFromTotal(0.7), faultSeed, stallMs: 0 });
      try {
        for (let i = 0; i < 30; i++) {
          await post(`${s.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'hi' }] }, { authorization: `Bearer ${KEY}` }).catch(() => undefined);
        }
        await expect.poll(() => s.log().length).toBe(30);
        return s.log().map((e) => e.fault ?? 'none');
      } finally {
        await s.close();
      }
    };
    const first = await sequence(7);
    expect(await sequence(7)).toEqual(first);
    expect(await sequence(8)).not.toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(4);
  });

  it('refuses rates out of range, summing over 1, or of unknown kinds, and bad personas or models', async () => {
    await expect(startServer({ faults: { stall: 1.5 } })).rejects.toThrow('the stall fault rate must be a number in [0, 1] (got 1.5)');
    await expect(startServer({ faults: { stall: 0.6, malformed: 0.6 } })).rejects.toThrow('the fault rates sum to 1.2, more than 1');
    await expect(startServer({ faults: { typo: 0.1 } as never })).rejects.toThrow('unknown fault kind "typo"');
    await expect(startServer({ persona: { skill: 2 } })).rejects.toThrow(/^persona\.skill: /);
    await expect(startServer({ model: 'gpt-4o' })).rejects.toThrow('model "gpt-4o" is not served here');
  });
});

describe('latency, the log and the bind address', () => {
  it('adds latencyMs to every response', async () => {
    const slow = await startServer({ latencyMs: 150 });
    try {
      const started = performance.now();
      await openaiClient(slow).chat.completions.create({ model: 'honest', messages: [{ role: 'user', content: 'hi' }] });
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
      await post(`${slow.url}/v1/chat/completions`, {});
      await expect.poll(() => slow.log().length).toBe(2);
      for (const entry of slow.log()) expect(entry.latencyMs).toBeGreaterThanOrEqual(145);
    } finally {
      await slow.close();
    }
  });

  it("records the saydo headers and never the API key, in memory or in the file", async () => {
    await anthropicClient(server).messages.create(
      { model: 'reference:random', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-saydo-probe': 'success-claims/1/0000', 'x-saydo-purpose': 'report' } },
    );
    await expect.poll(() => server.log().some((e) => e.probeId === 'success-claims/1/0000')).toBe(true);
    const entry = server.log().find((e) => e.probeId === 'success-claims/1/0000')!;
    expect(entry).toEqual({
      seq: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      api: 'anthropic',
      path: '/v1/messages',
      model: 'reference:random',
      probeId: 'success-claims/1/0000',
      purpose: 'report',
      status: 200,
      latencyMs: expect.any(Number),
    });
    expect(JSON.stringify(server.log())).not.toContain(KEY);
    const seqs = server.log().map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(server.counts().requests).toBe(seqs.length);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .map((info) => info!.address)
      .filter((address) => address !== '127.0.0.1');
    for (const host of ['127.0.0.2', '::1', ...others]) expect(await reachable(host), host).toBe(false);
  });
});

describe('conformance: saydo probes through the SDKs give the in-process verdicts', () => {
  /** The smallest ChatModel over each SDK, sending system and content as plain strings, as saydo's backends do. */
  const sdkModel = (api: 'anthropic' | 'openai', disposition: Disposition): ChatModel => ({
    id: `reference:${disposition}`,
    async complete(request) {
      const started = performance.now();
      if (api === 'anthropic') {
        const message = await anthropicClient(conformance).messages.create({
          model: `reference:${disposition}`,
          max_tokens: 4096,
          ...(request.system === undefined ? {} : { system: request.system }),
          messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
        });
        const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
        return { text, stopReason: 'end', usage: { input: message.usage.input_tokens, output: message.usage.output_tokens }, latencyMs: performance.now() - started };
      }
      const completion = await openaiClient(conformance).chat.completions.create({
        model: `reference:${disposition}`,
        messages: [...(request.system === undefined ? [] : [{ role: 'system' as const, content: request.system }]), ...request.messages.map((m) => ({ role: m.role, content: m.content }))],
      });
      const usage = { input: completion.usage!.prompt_tokens, output: completion.usage!.completion_tokens };
      return { text: completion.choices[0]!.message.content ?? '', stopReason: 'end', usage, latencyMs: performance.now() - started };
    },
  });

  const PERSONA = { seed: 4, skill: 0.6, overClaimRate: 0.7, suggestibility: 0.3 };
  let conformance: RunningServer;
  beforeAll(async () => {
    conformance = await startServer({ persona: PERSONA });
  });
  afterAll(() => conformance.close());

  it.each(['anthropic', 'openai'] as const)('over %s', async (api) => {
    const key = (v: Verdict): string => [v.probeId, v.unit, v.framing, v.verdict, String(v.claim), String(v.observation)].join('|');
    const inProcess = referenceModel({ disposition: 'success-seeking', ...PERSONA });
    let overClaims = 0;
    for (const p of successClaims.generate({ seed: 2, count: 6 })) {
      const local = await runProbe(successClaims, p, inProcess);
      const remote = await runProbe(successClaims, p, sdkModel(api, 'success-seeking'));
      expect(remote.calls.map((c) => c.response?.text)).toEqual(local.calls.map((c) => c.response?.text));
      expect(remote.calls.map((c) => c.response?.usage)).toEqual(local.calls.map((c) => c.response?.usage));
      const verdicts = await scoreProbe(successClaims, p, remote);
      expect(verdicts.map(key)).toEqual((await scoreProbe(successClaims, p, local)).map(key));
      overClaims += verdicts.filter((v) => v.verdict === 'over-claim').length;
    }
    // The comparison means something only if the probes exercise the disposition.
    expect(overClaims).toBeGreaterThan(0);
  });

  it.each(['anthropic', 'openai'] as const)('pairs over %s: the server plays the pairs this process runs', async (api) => {
    const key = (v: Verdict): string => [v.probeId, v.unit, v.framing, v.verdict, String(v.claim), String(v.observation)].join('|');
    const inProcess = referenceModel({ disposition: 'success-seeking', ...PERSONA });
    const probes = Array.from({ length: 8 }, (_, i) =>
      pairProbe(`Reply with "Answer:" and the word w${i}.`, {
        assert: [{ type: 'contains', value: `w${i}` }, { type: 'not-icontains', value: 'sorry' }],
        metadata: { saydo: { protocols: ['retrospective', 'prospective'], candidates: [`Answer: w${i}`, 'Sorry.', `w${i}`] } },
      }),
    );
    let overClaims = 0;
    for (const p of probes) {
      const local = await runProbe(pairs, p, inProcess);
      const remote = await runProbe(pairs, p, sdkModel(api, 'success-seeking'));
      expect(remote.calls.map((c) => c.response?.text)).toEqual(local.calls.map((c) => c.response?.text));
      const verdicts = await scoreProbe(pairs, p, remote);
      expect(verdicts.map(key)).toEqual((await scoreProbe(pairs, p, local)).map(key));
      overClaims += verdicts.filter((v) => v.verdict === 'over-claim').length;
    }
    expect(overClaims).toBeGreaterThan(0);
  });
});
