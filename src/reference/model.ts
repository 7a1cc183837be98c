/**
 * The reference models: deterministic simulated models that answer the same chat
 * requests a real model answers (SPEC "Reference models"). Not LLMs, and never
 * presented as one.
 */
import { FAMILIES } from '../families/index.js';
import { createRng, hashSeed } from '../rng.js';
import type { ChatModel, ChatRequest, ChatResponse } from '../types.js';
import { personaSchema, type Persona, type PersonaInput } from './persona.js';

/** What a reference model says to a request no family of saydo made. */
const UNKNOWN_REQUEST_REPLY =
  'I am a saydo reference model, a deterministic simulator. I only answer the requests of saydo probe families.';

/** A rough token count (4 characters a token), so usage columns mean something offline. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The input tokens of a request as the reference models count them, in process or behind the server. */
export function estimatePromptTokens(request: ChatRequest): number {
  return estimateTokens([request.system ?? '', ...request.messages.map((m) => m.content)].join('\n'));
}

/** The seed of a request's own draws: the persona's seed and what the model reads, never its disposition. */
function requestSeed(persona: Persona, purpose: string, request: ChatRequest): number {
  return hashSeed(persona.seed, purpose, request.system ?? '', JSON.stringify(request.messages));
}

/**
 * Why this request fails, or undefined when it does not: at `errorRate`, drawn from the
 * request itself, so the same request fails every time it is sent (a retry cannot save
 * it), in process and behind the server alike.
 */
export function simulatedFailure(persona: Persona, request: ChatRequest): string | undefined {
  if (!createRng(requestSeed(persona, 'error', request)).chance(persona.errorRate)) return undefined;
  return `simulated failure of the saydo reference model reference:${persona.disposition} (errorRate ${persona.errorRate}); this request fails every time it is sent`;
}

/** The reference model's answer text for one request: the first family that recognises it answers. */
export async function referenceAnswer(persona: Persona, request: ChatRequest): Promise<string> {
  // Seeded by the request, not the disposition: personas with one seed do the same work
  // and differ only in what they report about it.
  const rng = createRng(requestSeed(persona, 'answer', request));
  for (const family of FAMILIES) {
    const text = await family.reference.respond(request, persona, rng);
    if (text !== undefined) return text;
  }
  return UNKNOWN_REQUEST_REPLY;
}

/** A reference model as a ChatModel, answering in process; a simulated failure (`errorRate`) throws. */
export function referenceModel(input: PersonaInput): ChatModel {
  const persona = personaSchema.parse(input);
  return {
    id: `reference:${persona.disposition}`,
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const started = performance.now();
      const failure = simulatedFailure(persona, request);
      if (failure) throw new Error(failure);
      const text = await referenceAnswer(persona, request);
      return {
        text,
        stopReason: 'end',
        usage: { input: estimatePromptTokens(request), output: estimateTokens(text) },
        latencyMs: performance.now() - started,
        model: `reference:${persona.disposition}`,
      };
    },
  };
}
