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
 * A test with a `probe` var (a generated family's) returns the transcript as its output.
 * Any other test is a pair (src/families/pairs/): its own prompt and assertions make the
 * probe, the output is the model's answer, so the test's assertions grade it as in plain
 * promptfoo, and the transcript goes with it in `metadata.saydo` for the saydo scorer.
 *
 * Only a default export: promptfoo loads custom providers from the default export alone.
 */
import type { ApiProvider, CallApiContextParams, ProviderResponse } from 'promptfoo';
import { cachingEnabled, withCache, type ResponseCache } from '../src/cache.js';
import { familyByName } from '../src/families/index.js';
import { pairProbe, type TestContext } from '../src/families/pairs/index.js';
import { behaviourText } from '../src/protocols.js';
import { costOf, priceOf } from '../src/prices.js';
import { runProbe, transcriptUsage, type TranscriptUsage } from '../src/run-probe.js';
import { parseTarget, resolveTarget, targetConfigSchema, type TargetConfig } from '../src/targets.js';
import type { ChatModel, Probe, Transcript } from '../src/types.js';
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
  /** The suite's directory, against which a pair's `file://` assertion values are resolved. */
  private readonly basePath?: string;

  constructor(options: { id?: string; config?: Record<string, unknown> }) {
    // promptfoo adds basePath to every provider config; it is not ours to validate.
    const { basePath, ...config } = options.config ?? {};
    if (typeof basePath === 'string') this.basePath = basePath;
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

  async callApi(prompt: string, context?: CallApiContextParams): Promise<ProviderResponse> {
    const probeVar = context?.vars?.probe as Probe | undefined;
    if (probeVar === undefined) return this.callPair(prompt, context);
    if (!probeVar || typeof probeVar !== 'object' || typeof probeVar.family !== 'string') {
      return { error: 'saydo: the `probe` var is not a saydo probe; generate tests with datasets/*.ts' };
    }
    return this.respond(probeVar, context, (transcript) => ({ output: transcript }));
  }

  /** A test of the suite's own, paired: the model's answer as the output, the transcript beside it. */
  private async callPair(prompt: string, context?: CallApiContextParams): Promise<ProviderResponse> {
    let probe: Probe;
    try {
      probe = pairProbe(prompt, (context?.test ?? {}) as TestContext, { ...(this.basePath ? { basePath: this.basePath } : {}) });
    } catch (error) {
      return { error: `saydo: ${error instanceof Error ? error.message : String(error)}` };
    }
    return this.respond(probe, context, (transcript) => ({ output: behaviourText(transcript) ?? '', metadata: { saydo: { probe, transcript } } }));
  }

  /** Runs the probe and answers promptfoo: `shape` says where the transcript goes. */
  private async respond(
    probe: Probe,
    context: CallApiContextParams | undefined,
    shape: (transcript: Transcript) => Pick<ProviderResponse, 'output' | 'metadata'>,
  ): Promise<ProviderResponse> {
    const transcript = await runProbe(familyByName(probe.family), probe, await this.modelFor(context));
    const usage = transcriptUsage(transcript);
    const cost = costOfTranscript(usage, this.config);
    const { input, output } = usage.tokens;
    const firstError = transcript.calls.find((c) => c.error !== undefined)?.error;
    const shaped = shape(transcript);
    return {
      ...shaped,
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
      metadata: {
        ...shaped.metadata,
        probeId: probe.id,
        family: probe.family,
        target: this.config.target,
        calls: usage.calls,
        failedCalls: usage.failedCalls,
      },
    };
  }
}
