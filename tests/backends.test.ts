/**
 * The SDK backends and the retry policy, against saydo's local API server: real SDK
 * clients over real HTTP on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { anthropicModel } from '../src/backends/anthropic.js';
import { ModelCallError, retryAfterMs } from '../src/backends/errors.js';
import { openaiModel } from '../src/backends/openai.js';
import { successClaims } from '../src/families/success-claims/index.js';
import { referenceAnswer } from '../src/reference/model.js';
import { personaSchema } from '../src/reference/persona.js';
import { backoffDelayMs, retryPolicySchema, withRetries } from '../src/retry.js';
import { startServer, type FaultKind, type RunningServer } from '../src/server/index.js';
import { costOf, priceOf } from '../src/prices.js';
import { parseTarget, resolveTarget, targetConfigSchema } from '../src/targets.js';
import type { ChatRequest } from '../src/types.js';

const PERSONA = { seed: 3, skill: 0.6, overClaimRate: 0.7 };
const [probe] = successClaims.generate({ seed: 1, count: 1 });
const request: ChatRequest = { system: 'Be brief.', messages: [{ role: 'user', content: (probe!.item as { prompt: string }).prompt }] };
const expected = await referenceAnswer(personaSchema.parse({ disposition: 'honest', ...PERSONA }), request);
const FAST_RETRY = retryPolicySchema.parse({ maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5, timeoutMs: 2000 });

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ persona: PERSONA });
});
afterAll(() => server.close());

const backends = () => ({
  anthropic: anthropicModel({ model: 'reference:honest', apiKey: 'test-key', baseUrl: server.url, maxTokens: 4096 }),
  openai: openaiModel({ model: 'reference:honest', apiKey: 'test-key', baseUrl: `${server.url}/v1`, maxTokens: 4096 }, 'openai'),
  'openai-compatible': openaiModel(
    { model: 'reference:honest', apiKey: 'none', baseUrl: `${server.url}/v1`, maxTokens: 4096 },
    'openai-compatible',
  ),
});

describe.each(['anthropic', 'openai', 'openai-compatible'] as const)('the %s backend', (name) => {
  it('returns the reference model answer with usage, stop reason and the answering model', async () => {
    const response = await backends()[name].complete(request, { probeId: 'p-1', purpose: 'behaviour' });
    expect(response.text).toBe(expected);
    expect(response.stopReason).toBe('end');
    expect(response.usage.input).toBeGreaterThan(0);
    expect(response.usage.output).toBeGreaterThan(0);
    expect(response.model).toBe('reference:honest');
    expect(server.log().at(-1)).toMatchObject({ probeId: 'p-1', purpose: 'behaviour', status: 200 });
  });

  it('reports an answer cut at max tokens as such', async () => {
    const response = await backends()[name].complete({ ...request, maxTokens: 5 });
    expect(response.stopReason).toBe('max_tokens');
    expect(response.text.length).toBeLessThan(expected.length);
  });
});

describe('backend extras', () => {
  it('keeps Anthropic extended thinking apart from the answer', async () => {
    const model = anthropicModel({ model: 'reference:honest', apiKey: 'k', baseUrl: server.url, maxTokens: 4096, thinkingBudget: 1024 });
    const response = await model.complete(request);
    expect(response.text).toBe(expected);
    expect(response.reasoning).toBeTruthy();
    expect(response.text).not.toContain(response.reasoning!);
  });

  it('returns OpenAI logprobs when asked', async () => {
    const response = await backends().openai.complete({ ...request, logprobs: true });
    expect(response.logprobs!.length).toBeGreaterThan(0);
    expect(response.logprobs!.map((t) => t.token).join('')).toBe(expected);
  });
});

describe('targets', () => {
  it('reads promptfoo spellings of the same backends', () => {
    expect(parseTarget('anthropic:messages:claude-sonnet-4-5')).toEqual({ backend: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(parseTarget('openai:chat:gpt-4.1')).toEqual({ backend: 'openai', model: 'gpt-4.1' });
    expect(parseTarget('promptfoo:bedrock:anthropic.claude-3')).toEqual({ backend: 'promptfoo', model: 'bedrock:anthropic.claude-3' });
  });

  it('says which variable a real target needs, and never takes a key from the config', () => {
    const config = targetConfigSchema.parse({ target: 'anthropic:claude-sonnet-4-5' });
    expect(() => resolveTarget(config, {})).toThrow('target anthropic:claude-sonnet-4-5 needs ANTHROPIC_API_KEY in the environment');
    expect(() => targetConfigSchema.parse({ target: 'openai:gpt-4.1', apiKey: 'sk-x' })).toThrow(/apiKey/);
    expect(resolveTarget(targetConfigSchema.parse({ target: 'openai:gpt-4.1' }), { OPENAI_API_KEY: 'k' }).id).toBe('openai:gpt-4.1');
  });
});

describe('the retry policy', () => {
  it('waits at least what retry-after asks, and backs off exponentially under full jitter', () => {
    const policy = retryPolicySchema.parse({ initialDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelayMs(policy, 1, 1500, () => 0)).toBe(1500);
    expect(backoffDelayMs(policy, 3, undefined, () => 0.999)).toBeCloseTo(399.6);
    expect(backoffDelayMs(policy, 10, undefined, () => 0.999)).toBeCloseTo(999);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '2' }))).toBe(250);
  });

  const FAULTS: FaultKind[] = ['rateLimit', 'serverError', 'overloaded', 'connectionReset', 'stall', 'malformed', 'truncated'];

  it.each(FAULTS)('gives up on %s after its attempts, saying why', async (kind) => {
    const faulty = await startServer({ persona: PERSONA, faults: { [kind]: 1 }, stallMs: 10_000 });
    try {
      for (const name of ['anthropic', 'openai'] as const) {
        const base = name === 'anthropic' ? faulty.url : `${faulty.url}/v1`;
        const model =
          name === 'anthropic'
            ? anthropicModel({ model: 'reference:honest', apiKey: 'k', baseUrl: base, maxTokens: 4096 })
            : openaiModel({ model: 'reference:honest', apiKey: 'k', baseUrl: base, maxTokens: 4096 }, 'openai');
        const policy = retryPolicySchema.parse({ maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5, timeoutMs: 300 });
        // A rate limit asks for 1 s; honouring it is the point, so this one waits.
        const error = await withRetries(model, policy).complete(request).catch((e: unknown) => e);
        expect(error, `${name} ${kind}`).toBeInstanceOf(ModelCallError);
        expect((error as ModelCallError).attempts).toBe(2);
        expect((error as ModelCallError).retryable).toBe(true);
      }
      // A stalled request is logged when the client hangs up, which can trail the error by a moment.
      await vi.waitFor(() => expect(faulty.log().filter((entry) => entry.fault === kind)).toHaveLength(4));
    } finally {
      await faulty.close();
    }
  });

  it('gets through intermittent faults of every kind', async () => {
    const faulty = await startServer({ persona: PERSONA, faults: Object.fromEntries(FAULTS.map((k) => [k, 0.06])), faultSeed: 5, stallMs: 10_000 });
    try {
      const model = withRetries(
        openaiModel({ model: 'reference:honest', apiKey: 'k', baseUrl: `${faulty.url}/v1`, maxTokens: 4096 }, 'openai'),
        { ...FAST_RETRY, maxAttempts: 8, timeoutMs: 300 },
      );
      for (let i = 0; i < 10; i++) expect((await model.complete(request)).text).toBe(expected);
    } finally {
      await faulty.close();
    }
  });

  it('does not retry what cannot succeed', async () => {
    const model = withRetries(anthropicModel({ model: 'no-such-model', apiKey: 'k', baseUrl: server.url, maxTokens: 100 }), FAST_RETRY);
    const error = (await model.complete(request).catch((e: unknown) => e)) as ModelCallError;
    expect(error.status).toBe(404);
    expect(error.attempts).toBe(1);
  });
});

describe('prices', () => {
  it('price a model by its name or a dated snapshot of it, and never guess a sibling', () => {
    expect(priceOf('gpt-4.1')).toEqual({ inputPerMTok: 2, outputPerMTok: 8 });
    expect(priceOf('gpt-4.1-2025-04-14')).toEqual(priceOf('gpt-4.1'));
    expect(priceOf('claude-sonnet-4-5-20250929')).toEqual({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(priceOf('o3-mini')).toBeUndefined();
    expect(priceOf('o3-mini', { inputPerMTok: 1, outputPerMTok: 2 })).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(costOf({ inputPerMTok: 3, outputPerMTok: 15 }, { input: 1_000_000, output: 100_000 })).toBeCloseTo(4.5);
  });
});
