/**
 * Model calls served from promptfoo's cache, so a rerun costs nothing. The key is the
 * target, the whole request and the repeat index; failures are never cached.
 */
import { createHash } from 'node:crypto';
import type { CallContext, ChatModel, ChatRequest, ChatResponse } from './types.js';

/** The part of promptfoo's cache (`context.getCache()`) saydo uses. */
export interface ResponseCache {
  get<T>(key: string): Promise<T | undefined | null>;
  set(key: string, value: unknown): Promise<unknown>;
}

/** Whether this promptfoo run allows caching: `--no-cache` or PROMPTFOO_CACHE_ENABLED=false turn it off. */
export function cachingEnabled(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  // promptfoo tells custom providers nothing about --no-cache, so read what it reads.
  return !argv.includes('--no-cache') && !/^(false|0|no)$/i.test(env.PROMPTFOO_CACHE_ENABLED ?? '');
}

/** The cache key of one call: everything that could change the answer. */
function cacheKey(modelId: string, scope: string, request: ChatRequest): string {
  const digest = createHash('sha256').update(JSON.stringify({ modelId, scope, request })).digest('hex');
  return `saydo:${modelId}:${digest}`;
}

/** `model` with answers looked up in, and saved to, `cache`; `scope` separates what the request alone does not (repeat index, target settings). */
export function withCache(model: ChatModel, cache: ResponseCache, scope: string): ChatModel {
  return {
    id: model.id,
    async complete(request: ChatRequest, context?: CallContext): Promise<ChatResponse> {
      const key = cacheKey(model.id, scope, request);
      const hit = await cache.get<ChatResponse>(key);
      if (hit) return { ...hit, cached: true };
      const response = await model.complete(request, context);
      await cache.set(key, response);
      return response;
    },
  };
}
