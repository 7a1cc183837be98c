/**
 * The retry policy every real backend runs under: exponential backoff with full jitter,
 * `retry-after` honoured, a timeout per attempt and a bound on the whole call. An answer
 * cut at max tokens is retried too: it is a transport accident, not the model's behaviour.
 */
import { z } from 'zod';
import { classifySdkError, ModelCallError } from './backends/errors.js';
import type { CallContext, ChatModel, ChatRequest, ChatResponse } from './types.js';

export const retryPolicySchema = z
  .object({
    /** Attempts in all, the first included. */
    maxAttempts: z.number().int().min(1).default(5),
    /** Backoff before the second attempt; doubles each time, capped by maxDelayMs. */
    initialDelayMs: z.number().min(0).default(1000),
    maxDelayMs: z.number().min(0).default(30_000),
    /** One attempt's timeout. */
    timeoutMs: z.number().positive().default(120_000),
    /** The whole call, every attempt and wait included. */
    totalTimeoutMs: z.number().positive().default(600_000),
  })
  .strict();

export type RetryPolicy = z.infer<typeof retryPolicySchema>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before attempt `attempt + 1`: full jitter over the exponential cap, at least what the server asked. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, retryAfter?: number, random = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return Math.max(retryAfter ?? 0, random() * cap);
}

/** `model`, with every call retried under `policy`; a call that still fails throws a ModelCallError with its attempts. */
export function withRetries(model: ChatModel, policy: RetryPolicy): ChatModel {
  return {
    id: model.id,
    async complete(request: ChatRequest, context?: CallContext): Promise<ChatResponse> {
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        const remaining = policy.totalTimeoutMs - (Date.now() - started);
        let failure: ModelCallError;
        try {
          const response = await model.complete(request, { ...context, timeoutMs: Math.min(policy.timeoutMs, remaining) });
          if (response.stopReason !== 'max_tokens') return response;
          failure = new ModelCallError(
            `the answer was cut at max tokens${request.maxTokens ? ` (${request.maxTokens})` : ''}; raise the target's maxTokens`,
            true,
          );
        } catch (error) {
          failure = classifySdkError(error);
        }
        failure.attempts = attempt;
        if (!failure.retryable || attempt >= policy.maxAttempts) throw failure;
        const delay = backoffDelayMs(policy, attempt, failure.retryAfterMs);
        if (Date.now() - started + delay >= policy.totalTimeoutMs) {
          failure.message += ` (gave up: ${policy.totalTimeoutMs} ms total)`;
          throw failure;
        }
        await sleep(delay);
      }
    },
  };
}
