/**
 * Claude through the official Anthropic SDK (Messages API).
 */
import Anthropic from '@anthropic-ai/sdk';
import type { CallContext, ChatModel, ChatRequest, ChatResponse, StopReason } from '../types.js';
import { saydoHeaders, type BackendOptions } from './options.js';

const STOP_REASONS: Record<string, StopReason> = {
  end_turn: 'end',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  refusal: 'refusal',
};

/** A ChatModel answering through `client.messages.create`; thinking text is kept apart as `reasoning`. */
export function anthropicModel(options: BackendOptions): ChatModel {
  // Retries are saydo's (src/retry.ts), so the SDK makes one attempt per call.
  const client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseUrl ?? null, maxRetries: 0 });
  return {
    id: `anthropic:${options.model}`,
    async complete(request: ChatRequest, context?: CallContext): Promise<ChatResponse> {
      const started = performance.now();
      // With extended thinking, max_tokens covers thinking and answer alike; the answer keeps its own budget.
      const maxTokens = (request.maxTokens ?? options.maxTokens) + (options.thinkingBudget ?? 0);
      const message = await client.messages.create(
        {
          model: options.model,
          max_tokens: maxTokens,
          messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
          ...(request.system !== undefined ? { system: request.system } : {}),
          ...((request.temperature ?? options.temperature) !== undefined
            ? { temperature: request.temperature ?? options.temperature }
            : {}),
          ...(options.thinkingBudget ? { thinking: { type: 'enabled', budget_tokens: options.thinkingBudget } } : {}),
        },
        { headers: saydoHeaders(context), ...(context?.timeoutMs ? { timeout: context.timeoutMs } : {}) },
      );
      const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      const reasoning = message.content.flatMap((block) => (block.type === 'thinking' ? [block.thinking] : [])).join('\n');
      return {
        text,
        ...(reasoning ? { reasoning } : {}),
        stopReason: STOP_REASONS[message.stop_reason ?? ''] ?? 'other',
        usage: { input: message.usage.input_tokens, output: message.usage.output_tokens },
        latencyMs: performance.now() - started,
        model: message.model,
      };
    },
  };
}
