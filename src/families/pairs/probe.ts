/**
 * A pair probe from one promptfoo test case as promptfoo hands it to a provider: the
 * rendered prompt (plain text, or the JSON message list of a chat prompt) is the
 * behaviour request; the test's assertions (its own and `defaultTest`'s) are the checks;
 * `metadata.saydo` says which protocols ask and, for the reference models only, which
 * answers they may give.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ChatMessage, ChatRequest, Probe } from '../../types.js';
import { absoluteFileReference } from '../../file-references.js';
import { describeIssues } from '../../validate.js';
import { pairAssertions, type Check, type SuiteAssertion, type Unpaired } from './checks.js';

export const PAIR_PROTOCOLS = ['retrospective', 'prospective'] as const;
export type PairProtocol = (typeof PAIR_PROTOCOLS)[number];

/** A pair: one behaviour request, and a question per check under each protocol. */
export interface PairItem {
  /** The test's description, or its first var values, for people reading the results. */
  title: string;
  request: ChatRequest;
  /** The rendered prompt as promptfoo gave it, for assertions that read `prompt`. */
  prompt: string;
  vars: Record<string, unknown>;
  /** The test's `options.transform`, applied to the answer before every check, as promptfoo does. */
  transform?: string;
  /** The test's grader (`options.provider`) for model-graded checks, as the suite gave it. */
  grader?: unknown;
  checks: Check[];
  unpaired: Unpaired[];
  protocols: PairProtocol[];
  /** Answers a reference model picks from (never sent to any model); empty for real suites. */
  candidates: string[];
}

/** What `metadata.saydo` of a test may hold. */
const pairMetadataSchema = z
  .object({
    protocols: z.array(z.enum(PAIR_PROTOCOLS)).min(1).default(['retrospective']),
    candidates: z.array(z.string()).default([]),
  })
  .strict();

/** The test case as promptfoo passes it in a provider's context. */
export interface TestContext {
  description?: string;
  vars?: Record<string, unknown>;
  assert?: SuiteAssertion[];
  options?: { transform?: unknown; provider?: unknown; [key: string]: unknown };
  metadata?: Record<string, unknown>;
}

/** A chat prompt's JSON message list, or undefined for a plain-text prompt. */
function chatMessages(prompt: string): { role: string; content: string }[] | undefined {
  if (!prompt.trimStart().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(prompt);
    const isMessage = (m: unknown): m is { role: string; content: string } =>
      !!m && typeof m === 'object' && typeof (m as { role?: unknown }).role === 'string' && typeof (m as { content?: unknown }).content === 'string';
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every(isMessage) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The behaviour request a rendered prompt makes: system turns become the system prompt, the rest the conversation. */
export function requestOf(prompt: string): ChatRequest {
  const messages = chatMessages(prompt);
  if (!messages) return { messages: [{ role: 'user', content: prompt }] };
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  const turns: ChatMessage[] = messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content }));
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages: turns };
}

/** A short, stable id for what makes the pair: the prompt, the vars and the assertions. */
function pairId(prompt: string, vars: Record<string, unknown>, assertions: readonly SuiteAssertion[]): string {
  return createHash('sha256').update(JSON.stringify([prompt, vars, assertions])).digest('hex').slice(0, 12);
}

/** promptfoo's own vars (`__evalId`, ...) are bookkeeping of one run, not the test's. */
function ownVars(vars: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(vars).filter(([key]) => !key.startsWith('__')));
}

/**
 * The pair probe of a test case. Throws, naming the test, on a `metadata.saydo` it cannot
 * read or a `selfReport` on an assertion that cannot be paired. A test with nothing to
 * pair is a probe with no checks: its answer is still given (promptfoo grades the rest),
 * and `unpaired` says why it has no unit.
 */
export function pairProbe(prompt: string, test: TestContext, options: { basePath?: string; where?: string } = {}): Probe<PairItem> {
  const vars = ownVars(test.vars ?? {});
  const where = options.where ?? `test "${test.description ?? JSON.stringify(vars).slice(0, 60)}"`;
  const metadata = pairMetadataSchema.safeParse(test.metadata?.saydo ?? {});
  if (!metadata.success) throw new Error(`${where}: ${describeIssues('metadata.saydo', metadata.error)}`);
  const basePath = options.basePath ?? process.cwd();
  const assertions = (test.assert ?? []).map((a) => ({ ...a, value: absoluteFileReference(a.value, basePath), ...(a.provider !== undefined ? { provider: absoluteFileReference(a.provider, basePath) } : {}) }));
  const hasGrader = test.options?.provider !== undefined;
  const { checks, unpaired } = pairAssertions(assertions, hasGrader, where, vars);
  if (checks.length === 0 && unpaired.length === 0) unpaired.push({ index: 0, type: 'none', reason: 'is missing: the test has no assertion to ask about' });
  const transform = test.options?.transform;
  const id = pairId(prompt, vars, assertions);
  return {
    id: `pairs/${id}`,
    family: 'pairs',
    protocol: metadata.data.protocols.includes('retrospective') ? 'retrospective' : 'prospective',
    item: {
      title: test.description ?? Object.values(vars).map(String).join(' | ').slice(0, 80),
      request: requestOf(prompt),
      prompt,
      vars,
      ...(typeof transform === 'string' ? { transform } : {}),
      ...(hasGrader ? { grader: absoluteFileReference(test.options?.provider, basePath) } : {}),
      checks,
      unpaired,
      protocols: metadata.data.protocols,
      candidates: metadata.data.candidates,
    },
  };
}
