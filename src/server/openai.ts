/**
 * OpenAI's Chat Completions wire format (`POST /v1/chat/completions`), as the official
 * SDK and promptfoo's `openai:chat:*` provider speak it.
 */
import type { ChatMessage, ChatRequest } from '../types.js';
import {
  bearerToken,
  contentText,
  invalid,
  isRecord,
  optionalInt,
  optionalNumber,
  randomId,
  refuseStreaming,
  tokenize,
  type Answer,
  type Dialect,
  type ErrorKind,
  type ParsedRequest,
  type WireError,
} from './wire.js';

/** OpenAI's status, error type and code for each kind of error. */
const ERRORS: Record<ErrorKind, { status: number; type: string; code: string | null }> = {
  invalid_request: { status: 400, type: 'invalid_request_error', code: null },
  authentication: { status: 401, type: 'invalid_request_error', code: 'invalid_api_key' },
  not_found: { status: 404, type: 'invalid_request_error', code: 'model_not_found' },
  no_route: { status: 404, type: 'invalid_request_error', code: null },
  request_too_large: { status: 413, type: 'invalid_request_error', code: 'request_too_large' },
  rate_limit: { status: 429, type: 'requests', code: 'rate_limit_exceeded' },
  server_error: { status: 500, type: 'server_error', code: null },
  overloaded: { status: 503, type: 'server_error', code: null },
};

/** The most alternatives per token the real API returns. */
const MAX_TOP_LOGPROBS = 20;

/** System and developer messages become the system prompt; the rest the conversation. */
function readMessages(value: unknown): { system?: string; messages: ChatMessage[] } {
  if (!Array.isArray(value) || value.length === 0) invalid('messages', 'must be a non-empty list');
  const system: string[] = [];
  const messages: ChatMessage[] = [];
  value.forEach((message, i) => {
    if (!isRecord(message)) invalid(`messages.${i}`, 'must be an object');
    const { role } = message;
    const content = (): string => contentText(message.content, `messages.${i}.content`);
    if (role === 'system' || role === 'developer') system.push(content());
    // Built as {role, content} in that order: the reference model's seed hashes the messages' JSON.
    else if (role === 'user' || role === 'assistant') messages.push({ role, content: content() });
    else invalid(`messages.${i}.role`, 'must be "system", "developer", "user" or "assistant" (the reference models use no tools)');
  });
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages };
}

/** `logprobs` and `top_logprobs`, validated as the real API does. */
function readLogprobs(body: Record<string, unknown>): { top: number } | undefined {
  if (body.logprobs !== undefined && body.logprobs !== null && typeof body.logprobs !== 'boolean') invalid('logprobs', 'must be a boolean');
  const top = optionalInt(body, 'top_logprobs', 0);
  if (top !== undefined && top > MAX_TOP_LOGPROBS) invalid('top_logprobs', `must be at most ${MAX_TOP_LOGPROBS}`);
  if (body.logprobs !== true) {
    if (top !== undefined) invalid('top_logprobs', 'requires logprobs: true');
    return undefined;
  }
  return { top: top ?? 0 };
}

/** A Chat Completions request read and validated as the real API would. */
function parse(body: unknown): ParsedRequest {
  if (!isRecord(body)) invalid('body', 'must be a JSON object');
  refuseStreaming(body);
  if (body.model !== undefined && typeof body.model !== 'string') invalid('model', 'must be a string');
  const n = optionalInt(body, 'n', 1);
  if (n !== undefined && n > 1) invalid('n', 'must be 1: a reference model has exactly one answer to a request');
  const maxTokens = optionalInt(body, 'max_completion_tokens', 1) ?? optionalInt(body, 'max_tokens', 1);
  const { system, messages } = readMessages(body.messages);
  const temperature = optionalNumber(body, 'temperature');
  const seed = optionalInt(body, 'seed', Number.MIN_SAFE_INTEGER);
  const logprobs = readLogprobs(body);
  const chat: ChatRequest = {
    ...(system === undefined ? {} : { system }),
    messages,
    ...(temperature === undefined ? {} : { temperature }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(seed === undefined ? {} : { seed }),
    ...(logprobs ? { logprobs: true } : {}),
  };
  return {
    ...(body.model === undefined ? {} : { model: body.model }),
    chat,
    thinking: false,
    ...(logprobs ? { logprobs } : {}),
  };
}

/** Log-probabilities of the answer's tokens: the reference model is deterministic, so each chosen token has logprob 0 and is its own only alternative. */
function logprobsOf(text: string, top: number): unknown {
  return {
    content: tokenize(text).map((token) => {
      const entry = { token, logprob: 0, bytes: [...Buffer.from(token, 'utf8')] };
      return { ...entry, top_logprobs: top > 0 ? [entry] : [] };
    }),
    refusal: null,
  };
}

/** The chat.completion object of an answer. */
function success(parsed: ParsedRequest, model: string, answer: Answer): unknown {
  return {
    id: `chatcmpl-${randomId(29)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.text, refusal: null, annotations: [] },
        logprobs: parsed.logprobs ? logprobsOf(answer.text, parsed.logprobs.top) : null,
        finish_reason: answer.stop === 'end' ? 'stop' : 'length',
      },
    ],
    usage: {
      prompt_tokens: answer.inputTokens,
      completion_tokens: answer.outputTokens,
      total_tokens: answer.inputTokens + answer.outputTokens,
    },
    system_fingerprint: null,
  };
}

/** OpenAI's Chat Completions API. */
export const openaiDialect: Dialect = {
  requestIdHeader: 'x-request-id',
  newRequestId: () => `req_${randomId(32)}`,
  authorized: (headers) => bearerToken(headers) !== undefined,
  missingKeyMessage: "You didn't provide an API key. Send it as Authorization: Bearer <key> (any non-empty value).",
  parse,
  success,
  error: (error: WireError) => {
    const { status, type, code } = ERRORS[error.kind];
    return { status, body: { error: { message: error.message, type, param: error.param ?? null, code } } };
  },
};
