/**
 * The paired provider: a promptfoo custom provider that runs one saydo probe (read from
 * the test's `probe` var) against the target model named in its own `config`, and returns
 * the whole transcript as its output.
 *
 *   providers:
 *     - id: file://providers/paired.ts
 *       label: honest
 *       config: { target: reference:honest, reference: { skill: 0.7 } }
 *
 * Only a default export: promptfoo loads custom providers from the default export alone.
 */
import type { ApiProvider, CallApiContextParams, ProviderResponse } from 'promptfoo';
import { familyByName } from '../src/families/index.js';
import { runProbe, transcriptUsage } from '../src/run-probe.js';
import { resolveTarget, targetConfigSchema, type TargetConfig } from '../src/targets.js';
import type { ChatModel, Probe } from '../src/types.js';
import { parseConfig } from '../src/validate.js';

export default class PairedProvider implements ApiProvider {
  readonly config: TargetConfig;
  private readonly providerId: string;
  private readonly model: ChatModel;

  constructor(options: { id?: string; config?: Record<string, unknown> }) {
    // promptfoo adds basePath to every provider config; it is not ours to validate.
    const { basePath: _basePath, ...config } = options.config ?? {};
    this.config = parseConfig(targetConfigSchema, config, `saydo provider ${options.id ?? 'file://providers/paired.ts'}`);
    this.model = resolveTarget(this.config);
    this.providerId = options.id && !options.id.startsWith('file://') ? options.id : `saydo:${this.config.target}`;
  }

  id(): string {
    return this.providerId;
  }

  async callApi(_prompt: string, context?: CallApiContextParams): Promise<ProviderResponse> {
    const probe = context?.vars?.probe as Probe | undefined;
    if (!probe || typeof probe !== 'object' || typeof probe.family !== 'string') {
      return { error: 'saydo: this test has no `probe` var; generate tests with datasets/*.ts' };
    }
    const transcript = await runProbe(familyByName(probe.family), probe, this.model);
    const usage = transcriptUsage(transcript);
    const failed = transcript.calls.filter((c) => c.error !== undefined).length;
    return {
      output: transcript,
      tokenUsage: {
        prompt: usage.input,
        completion: usage.output,
        total: usage.input + usage.output,
        numRequests: usage.calls,
      },
      metadata: { probeId: probe.id, family: probe.family, target: this.config.target, calls: usage.calls, failedCalls: failed },
    };
  }
}
