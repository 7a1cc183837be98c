/**
 * From a target name in a config to a ChatModel. Backends are chosen here only, so
 * families never know which model they talk to. API keys come from the environment only.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { anthropicModel } from './backends/anthropic.js';
import { openaiModel } from './backends/openai.js';
import type { BackendOptions } from './backends/options.js';
import { promptfooModel } from './backends/promptfoo.js';
import { priceSchema } from './prices.js';
import { referenceModel } from './reference/model.js';
import { DISPOSITIONS, personaSchema, type Disposition } from './reference/persona.js';
import { retryPolicySchema, withRetries } from './retry.js';
import type { ChatModel } from './types.js';

/** The `config` block of a saydo provider entry in a promptfoo config. */
export const targetConfigSchema = z
  .object({
    /**
     * Which model to probe: `reference:<disposition>`, `anthropic:<model>`, `openai:<model>`,
     * `openai-compatible:<model>` (with `baseUrl`), or `promptfoo:<any promptfoo provider id>`.
     */
    target: z.string().superRefine((target, context) => {
      const problem = targetNameProblem(target);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
    /** Settings of a reference target: seed, skill, overClaimRate, underClaimRate, suggestibility. */
    reference: personaSchema.omit({ disposition: true }).partial().strict().optional(),
    /** Where an SDK target is served; defaults to the SDK's own, or ANTHROPIC_BASE_URL / OPENAI_BASE_URL. */
    baseUrl: z.url().optional(),
    maxTokens: z.number().int().positive().default(2048),
    temperature: z.number().min(0).max(2).optional(),
    seed: z.number().int().optional(),
    /** Anthropic extended thinking budget in tokens; the thinking text is kept apart from the answer. */
    thinkingBudget: z.number().int().min(1024).optional(),
    retry: retryPolicySchema.prefault({}),
    /** Overrides the price table (src/prices.ts) for this target. */
    price: priceSchema.optional(),
    /** Config passed to a `promptfoo:` target's provider; secrets belong in the environment, never here. */
    providerConfig: z
      .record(z.string(), z.unknown())
      .superRefine((config, context) => {
        for (const key of Object.keys(config).filter((name) => SECRET_KEY.test(name))) {
          context.addIssue({ code: 'custom', path: [key], message: 'secrets go in the environment, not in a config that promptfoo stores' });
        }
      })
      .optional(),
  })
  .strict()
  .refine((config) => config.thinkingBudget === undefined || config.temperature === undefined, {
    message: 'temperature cannot be set with thinkingBudget: Anthropic runs extended thinking at its default temperature',
    path: ['temperature'],
  });

export type TargetConfig = z.infer<typeof targetConfigSchema>;

/** How a suite names saydo's paired provider (`file://providers/paired.ts`, relative or absolute). */
export const PAIRED_PROVIDER_FILE = /providers\/paired\.ts$/;

/** saydo's paired provider as an absolute `file://` reference, for suites saydo writes. */
export const PAIRED_PROVIDER_REFERENCE = `file://${resolve(import.meta.dirname, '../providers/paired.ts')}`;

const BACKENDS = ['reference', 'anthropic', 'openai', 'openai-compatible', 'promptfoo'] as const;
const SECRET_KEY = /key|token|secret|password/i;

/** What is wrong with a target name, or undefined when saydo can make it. */
function targetNameProblem(target: string): string | undefined {
  const { backend, model } = parseTarget(target);
  if (!(BACKENDS as readonly string[]).includes(backend)) {
    return `unknown target "${target}"; use reference:<${DISPOSITIONS.join('|')}>, anthropic:<model>, openai:<model>, openai-compatible:<model> or promptfoo:<provider id>`;
  }
  if (!model) return `target "${target}" names no model`;
  if (backend === 'reference' && !(DISPOSITIONS as readonly string[]).includes(model)) {
    return `unknown reference model "${target}"; known: ${DISPOSITIONS.map((d) => `reference:${d}`).join(', ')}`;
  }
  return undefined;
}

/** A target name split into its backend and model: `anthropic:messages:claude-x` -> (anthropic, claude-x). */
export function parseTarget(target: string): { backend: string; model: string } {
  const [backend = '', ...rest] = target.split(':');
  // promptfoo's own spellings of the same backends are accepted too.
  if ((backend === 'anthropic' && rest[0] === 'messages') || (backend === 'openai' && rest[0] === 'chat')) rest.shift();
  return { backend, model: rest.join(':') };
}

/** The environment variable a backend's key comes from, if it needs one. */
export const KEY_VARIABLES: Readonly<Record<string, string>> = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
};

const BASE_URL_VARIABLES: Readonly<Record<string, string>> = {
  anthropic: 'ANTHROPIC_BASE_URL',
  openai: 'OPENAI_BASE_URL',
  'openai-compatible': 'OPENAI_COMPATIBLE_BASE_URL',
};

function requireVariable(name: string, env: NodeJS.ProcessEnv, target: string): string {
  const value = env[name];
  if (!value) throw new Error(`target ${target} needs ${name} in the environment`);
  return value;
}

/** The chat model a (validated) target config names, retried under its policy; throws when the environment lacks what it needs. */
export function resolveTarget(config: TargetConfig, env: NodeJS.ProcessEnv = process.env): ChatModel {
  const { backend, model } = parseTarget(config.target);
  if (backend === 'reference') return referenceModel({ ...config.reference, disposition: model as Disposition });
  if (backend === 'promptfoo') return withRetries(promptfooModel(model, config.providerConfig), config.retry);
  const baseUrl = config.baseUrl ?? (BASE_URL_VARIABLES[backend] ? env[BASE_URL_VARIABLES[backend]] || undefined : undefined);
  const options = (apiKey: string): BackendOptions => ({
    model,
    apiKey,
    maxTokens: config.maxTokens,
    ...(baseUrl ? { baseUrl } : {}),
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.seed !== undefined ? { seed: config.seed } : {}),
    ...(config.thinkingBudget !== undefined ? { thinkingBudget: config.thinkingBudget } : {}),
  });
  if (backend === 'openai-compatible') {
    if (!baseUrl) throw new Error(`target ${config.target} needs config.baseUrl or OPENAI_COMPATIBLE_BASE_URL`);
    // Local servers mostly ignore the key, but the SDK insists on one.
    return withRetries(openaiModel(options(env.OPENAI_COMPATIBLE_API_KEY || 'none'), 'openai-compatible'), config.retry);
  }
  const apiKey = requireVariable(KEY_VARIABLES[backend]!, env, config.target);
  const sdkModel = backend === 'anthropic' ? anthropicModel(options(apiKey)) : openaiModel(options(apiKey), 'openai');
  return withRetries(sdkModel, config.retry);
}
