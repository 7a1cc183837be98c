/**
 * What the two wire formats share: request errors, the reconstructed chat request, and
 * the reference model's answer fitted to a token budget.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { estimatePromptTokens, estimateTokens, referenceAnswer } from '../reference/model.js';
import { DISPOSITIONS, type Disposition, type Persona } from '../reference/persona.js';
import type { ChatRequest } from '../types.js';

/** The kinds of error response, named apart from any one API's spelling of them. */
export type ErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'not_found'
  | 'no_route'
  | 'request_too_large'
  | 'rate_limit'
  | 'server_error'
  | 'overloaded';

/** A request the server refuses, with the message the client will read. */
export class WireError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** The request field at fault, where there is one. */
    readonly param?: string,
  ) {
    super(message);
  }
}

/** An error response in one API's envelope. */
export interface ErrorReply {
  status: number;
  body: unknown;
}

/** A wire request read into saydo's terms, plus what shapes the reply. */
export interface ParsedRequest {
  /** The model the request named, if any. */
  model?: string;
  /** The chat request an in-process caller would have built; its `maxTokens` is the request's output-token limit. */
  chat: ChatRequest;
  /** Whether a reasoning block goes before the answer (Anthropic extended thinking). */
  thinking: boolean;
  /** OpenAI's `logprobs: true`, with how many alternatives per token were asked for. */
  logprobs?: { top: number };
}

/** One API's wire format: how it authenticates, reads requests, and spells replies. */
export interface Dialect {
  /** The response header that carries the request id. */
  requestIdHeader: string;
  newRequestId(): string;
  /** Whether the request carries credentials of this API's kind (any non-empty key is accepted). */
  authorized(headers: IncomingHttpHeaders): boolean;
  /** The message of a 401. */
  missingKeyMessage: string;
  /** Reads a request body; throws a WireError for one the API would refuse. */
  parse(body: unknown): ParsedRequest;
  /** The 200 body of an answer. */
  success(parsed: ParsedRequest, model: string, answer: Answer): unknown;
  /** An error response in this API's envelope. */
  error(error: WireError): ErrorReply;
}

/** The reference model's reply, fitted to the request's limits. */
export interface Answer {
  text: string;
  thinking?: string;
  stop: 'end' | 'max_tokens';
  inputTokens: number;
  outputTokens: number;
}

const REFERENCE_PREFIXES = ['reference:', 'reference-', ''];

/** The disposition a model name denotes (`reference:honest`, `reference-honest`, `honest`), or undefined. */
export function dispositionOf(model: string): Disposition | undefined {
  for (const prefix of REFERENCE_PREFIXES) {
    if (!model.startsWith(prefix)) continue;
    const rest = model.slice(prefix.length);
    const found = DISPOSITIONS.find((d) => d === rest);
    if (found) return found;
  }
  return undefined;
}

/** The names the server lists and answers with. */
export const REFERENCE_MODEL_NAMES = DISPOSITIONS.map((d) => `reference:${d}`);

/** The 404 message for a model name the server does not serve. */
export function unknownModelMessage(model: string): string {
  return `model "${model}" is not served here; use one of ${REFERENCE_MODEL_NAMES.join(', ')} (or reference-<disposition>, or the bare disposition)`;
}

/** The token of an `Authorization: Bearer <token>` header, if non-empty. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** A random hex id, for response and request ids. */
export function randomId(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

/** A plain object, not an array or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws an invalid-request error naming the field. */
export function invalid(field: string, problem: string): never {
  throw new WireError('invalid_request', `${field}: ${problem}`, field);
}

/** An optional integer field, at least `min`. */
export function optionalInt(body: Record<string, unknown>, field: string, min: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) invalid(field, `must be an integer >= ${min}`);
  return value;
}

/** An optional finite number field. */
export function optionalNumber(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(field, 'must be a number');
  return value;
}

/** Refuses `stream: true`: the reference server answers whole responses only. */
export function refuseStreaming(body: Record<string, unknown>): void {
  if (body.stream === true) {
    invalid('stream', 'streaming is not supported by the saydo reference server; send the request without stream: true');
  }
}

/**
 * Message content as text: a string as is, or text blocks joined with "". Reasoning
 * blocks a client hands back (`thinking`, `redacted_thinking`) are not part of what the
 * model reads, as with the real API; any other block is refused.
 */
export function contentText(content: unknown, field: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) invalid(field, 'must be a string or a list of text blocks');
  return content
    .map((block, i) => {
      if (!isRecord(block)) invalid(`${field}.${i}`, 'must be a content block object');
      if (block.type === 'thinking' || block.type === 'redacted_thinking') return '';
      if (block.type !== 'text') invalid(`${field}.${i}`, `only text blocks are supported by the reference models (got ${JSON.stringify(block.type)})`);
      if (typeof block.text !== 'string') invalid(`${field}.${i}.text`, 'must be a string');
      return block.text;
    })
    .join('');
}

/** Cuts text to at most `length` UTF-16 units, never through a surrogate pair. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  const splitsPair = length > 0 && code >= 0xd800 && code <= 0xdbff;
  return text.slice(0, splitsPair ? length - 1 : length);
}

/** The answer's tokens as `estimateTokens` counts them: four UTF-16 units each, surrogate pairs kept whole. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const token = cutAt(rest, 4);
    tokens.push(token);
    rest = rest.slice(token.length);
  }
  return tokens;
}

/** Says openly that the reasoning is simulated, so nobody mistakes it for a model's. */
function simulatedThinking(model: string): string {
  return `Simulated reasoning of the saydo reference model ${model}: a deterministic simulator, not an LLM; it composes its answer from the request without reasoning.`;
}

/**
 * The reference model's reply to a parsed request: exactly `referenceAnswer`, cut to the
 * token limit (a thinking block counts towards it, as with the real API) and, for the
 * `truncated` fault, cut in half.
 */
export async function composeAnswer(persona: Persona, model: string, parsed: ParsedRequest, truncated: boolean): Promise<Answer> {
  const full = await referenceAnswer(persona, parsed.chat);
  const thinking = parsed.thinking ? simulatedThinking(model) : undefined;
  const thinkingTokens = thinking === undefined ? 0 : estimateTokens(thinking);
  const limit = parsed.chat.maxTokens;
  const budget = limit === undefined ? Infinity : Math.max(0, limit - thinkingTokens);
  let text = estimateTokens(full) > budget ? cutAt(full, budget * 4) : full;
  let stop: Answer['stop'] = text === full ? 'end' : 'max_tokens';
  if (truncated) {
    text = cutAt(text, Math.floor(text.length / 2));
    stop = 'max_tokens';
  }
  return {
    text,
    ...(thinking === undefined ? {} : { thinking }),
    stop,
    inputTokens: estimatePromptTokens(parsed.chat),
    outputTokens: thinkingTokens + estimateTokens(text),
  };
}
