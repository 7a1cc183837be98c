/**
 * Any model promptfoo reaches (Bedrock, Vertex, Azure, Ollama, ...), through promptfoo's
 * own provider loader: the target `promptfoo:<provider id>`.
 */
import type { ApiProvider } from 'promptfoo';
import type { CallContext, ChatModel, ChatRequest, ChatResponse } from '../types.js';
import { ModelCallError } from './errors.js';

/** A ChatModel that sends the chat as promptfoo's JSON message list to the provider `providerId`. */
export function promptfooModel(providerId: string, config: Record<string, unknown> = {}): ChatModel {
  let provider: Promise<ApiProvider> | undefined;
  const load = async (): Promise<ApiProvider> => {
    // Loaded on first use: importing promptfoo's library costs seconds, and most targets never need it.
    const library = await import('promptfoo');
    // This is a second copy of promptfoo, blind to the CLI's --no-cache and able to clobber
    // its cache file; saydo's own cache layer (src/cache.ts) caches these calls instead.
    library.cache.disableCache();
    return library.loadApiProvider(providerId, { options: { config } });
  };
  return {
    id: `promptfoo:${providerId}`,
    async complete(request: ChatRequest, context?: CallContext): Promise<ChatResponse> {
      provider ??= load();
      const started = performance.now();
      const messages = [...(request.system !== undefined ? [{ role: 'system', content: request.system }] : []), ...request.messages];
      const call = (await provider).callApi(JSON.stringify(messages));
      const response = await (context?.timeoutMs ? withTimeout(call, context.timeoutMs) : call);
      if (response.error) throw new ModelCallError(`promptfoo provider ${providerId}: ${response.error}`, true);
      const output = response.output;
      return {
        text: typeof output === 'string' ? output : JSON.stringify(output ?? ''),
        stopReason: response.finishReason === 'length' ? 'max_tokens' : 'end',
        usage: { input: response.tokenUsage?.prompt ?? 0, output: response.tokenUsage?.completion ?? 0 },
        latencyMs: performance.now() - started,
      };
    },
  };
}

/** `promise`, or a retryable timeout error after `ms`: promptfoo providers take no per-call timeout. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ModelCallError(`timed out after ${ms} ms`, true)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
