/**
 * GPT models through the official OpenAI SDK (Chat Completions), and any
 * OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio) by base URL.
 */
import OpenAI from 'openai';
import type { CallContext, ChatModel, ChatRequest, ChatResponse, StopReason } from '../types.js';
import { ModelCallError } from './errors.js';
import { saydoHeaders, type BackendOptions } from './options.js';

const FINISH_REASONS: Record<string, StopReason> = {
  stop: 'end',
  length: 'max_tokens',
  content_filter: 'refusal',
};

/** Reasoning text as local servers return it (vLLM, llama.cpp: `reasoning_content`; others: `reasoning`). */
function reasoningOf(message: object): string | undefined {
  const { reasoning_content: content, reasoning } = message as { reasoning_content?: unknown; reasoning?: unknown };
  const text = typeof content === 'string' ? content : typeof reasoning === 'string' ? reasoning : undefined;
  return text || undefined;
}

/**
 * A ChatModel answering through `client.chat.completions.create`. `idPrefix` names the
 * target (`openai` or `openai-compatible`); compatible servers get `max_tokens`, which
 * they all read, and OpenAI itself `max_completion_tokens`, which its newer models require.
 */
export function openaiModel(options: BackendOptions, idPrefix: 'openai' | 'openai-compatible'): ChatModel {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl ?? null, maxRetries: 0 });
  return {
    id: `${idPrefix}:${options.model}`,
    async complete(request: ChatRequest, context?: CallContext): Promise<ChatResponse> {
      const started = performance.now();
      const maxTokens = request.maxTokens ?? options.maxTokens;
      const temperature = request.temperature ?? options.temperature;
      const seed = request.seed ?? options.seed;
      const completion = await client.chat.completions.create(
        {
          model: options.model,
          messages: [
            ...(request.system !== undefined ? [{ role: 'system' as const, content: request.system }] : []),
            ...request.messages.map((m) => ({ role: m.role, content: m.content })),
          ],
          ...(idPrefix === 'openai' ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens }),
          ...(temperature !== undefined ? { temperature } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(request.logprobs ? { logprobs: true } : {}),
        },
        { headers: saydoHeaders(context), ...(context?.timeoutMs ? { timeout: context.timeoutMs } : {}) },
      );
      const choice = completion.choices[0];
      if (!choice) throw new ModelCallError('the response has no choices', true);
      const reasoning = reasoningOf(choice.message);
      const logprobs = choice.logprobs?.content?.map(({ token, logprob }) => ({ token, logprob }));
      return {
        text: choice.message.content ?? '',
        ...(reasoning ? { reasoning } : {}),
        ...(logprobs ? { logprobs } : {}),
        stopReason: FINISH_REASONS[choice.finish_reason] ?? 'other',
        usage: { input: completion.usage?.prompt_tokens ?? 0, output: completion.usage?.completion_tokens ?? 0 },
        latencyMs: performance.now() - started,
        model: completion.model,
      };
    },
  };
}
