/**
 * The paired provider: a promptfoo custom provider that runs one saydo probe (read from
 * the test's `probe` var) against the target model named in its own `config`, and returns
 * the whole transcript as its output.
 *
 *   providers:
 *     - id: file://providers/paired.ts
 *       label: claude-sonnet-4-5
 *       config: { target: anthropic:claude-sonnet-4-5, temperature: 0 }
 *
 * Only a default export: promptfoo loads custom providers from the default export alone.
 */
import type { ApiProvider, CallApiContextParams, ProviderResponse } from 'promptfoo';
import { cachingEnabled, withCache, type ResponseCache } from '../src/cache.js';
import { familyByName } from '../src/families/index.js';
import { costOf, priceOf } from '../src/prices.js';
import { runProbe, transcriptUsage, type TranscriptUsage } from '../src/run-probe.js';
import { parseTarget, resolveTarget, targetConfigSchema, type TargetConfig } from '../src/targets.js';
import type { ChatModel, Probe } from '../src/types.js';
import { parseConfig } from '../src/validate.js';

/** Dollars for a transcript's uncached tokens; undefined when the model's price is unknown. */
function costOfTranscript(usage: TranscriptUsage, config: TargetConfig): number | undefined {
  const { backend, model } = parseTarget(config.target);
  if (backend === 'reference') return 0;
  const price = priceOf(model, config.price);
  return price ? costOf(price, usage.uncached) : undefined;
}

export default class PairedProvider implements ApiProvider {
  readonly config: TargetConfig;
  private readonly providerId: string;
  private readonly model: ChatModel;
  private readonly cacheScope: string;

  constructor(options: { id?: string; config?: Record<string, unknown> }) {
    // promptfoo adds basePath to every provider config; it is not ours to validate.
    const { basePath: _basePath, ...config } = options.config ?? {};
    this.config = parseConfig(targetConfigSchema, config, `saydo provider ${options.id ?? 'file://providers/paired.ts'}`);
    this.model = resolveTarget(this.config);
    this.providerId = options.id && !options.id.startsWith('file://') ? options.id : `saydo:${this.config.target}`;
    // Everything in the config that can change an answer; retry and price settings cannot.
    const { retry: _retry, price: _price, ...answerSettings } = this.config;
    this.cacheScope = JSON.stringify(answerSettings);
  }

  id(): string {
    return this.providerId;
  }

  /** The model for one probe: behind promptfoo's cache when caching is on (reference models are never cached: they cost nothing). */
  private async modelFor(context?: CallApiContextParams): Promise<ChatModel> {
    if (parseTarget(this.config.target).backend === 'reference' || !cachingEnabled() || !context?.getCache) return this.model;
    const cache = (await context.getCache()) as ResponseCache;
    return withCache(this.model, cache, `${this.cacheScope}|repeat:${context.repeatIndex ?? 0}`);
  }

  async callApi(_prompt: string, context?: CallApiContextParams): Promise<ProviderResponse> {
    const probe = context?.vars?.probe as Probe | undefined;
    if (!probe || typeof probe !== 'object' || typeof probe.family !== 'string') {
      return { error: 'saydo: this test has no `probe` var; generate tests with datasets/*.ts' };
    }
    const transcript = await runProbe(familyByName(probe.family), probe, await this.modelFor(context));
    const usage = transcriptUsage(transcript);
    const cost = costOfTranscript(usage, this.config);
    const { input, output } = usage.tokens;
    const firstError = transcript.calls.find((c) => c.error !== undefined)?.error;
    return {
      output: transcript,
      // promptfoo marks the row ERROR, keeps the transcript, and `--retry-errors` reruns it.
      ...(firstError ? { error: `saydo: ${usage.failedCalls} of ${usage.calls} calls failed: ${firstError}` } : {}),
      tokenUsage: {
        prompt: input,
        completion: output,
        total: input + output,
        numRequests: usage.calls,
        cached: input + output - usage.uncached.input - usage.uncached.output,
      },
      ...(cost !== undefined ? { cost } : {}),
      cached: usage.calls > 0 && usage.cachedCalls === usage.calls,
      metadata: { probeId: probe.id, family: probe.family, target: this.config.target, calls: usage.calls, failedCalls: usage.failedCalls },
    };
  }
}
