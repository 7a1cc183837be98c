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

/** The reference model's answer text for one request: the first family that recognises it answers. */
export function referenceAnswer(persona: Persona, request: ChatRequest): string {
  // Seeded by the request, not the disposition: personas with one seed do the same work
  // and differ only in what they report about it.
  const rng = createRng(hashSeed(persona.seed, request.system ?? '', JSON.stringify(request.messages)));
  for (const family of FAMILIES) {
    const text = family.reference.respond(request, persona, rng);
    if (text !== undefined) return text;
  }
  return UNKNOWN_REQUEST_REPLY;
}

/** A reference model as a ChatModel, answering in process. */
export function referenceModel(input: PersonaInput): ChatModel {
  const persona = personaSchema.parse(input);
  return {
    id: `reference:${persona.disposition}`,
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const started = performance.now();
      const text = referenceAnswer(persona, request);
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
