/**
 * Anthropic's Messages API wire format (`POST /v1/messages`), as the official SDK and
 * promptfoo's `anthropic:messages:*` provider speak it.
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
  type Answer,
  type Dialect,
  type ErrorKind,
  type ParsedRequest,
  type WireError,
} from './wire.js';

/** Anthropic's status and error type for each kind of error. */
const ERRORS: Record<ErrorKind, { status: number; type: string }> = {
  invalid_request: { status: 400, type: 'invalid_request_error' },
  authentication: { status: 401, type: 'authentication_error' },
  not_found: { status: 404, type: 'not_found_error' },
  no_route: { status: 404, type: 'not_found_error' },
  request_too_large: { status: 413, type: 'request_too_large' },
  rate_limit: { status: 429, type: 'rate_limit_error' },
  server_error: { status: 500, type: 'api_error' },
  overloaded: { status: 529, type: 'overloaded_error' },
};

/** The smallest thinking budget the real API accepts. */
const MIN_THINKING_BUDGET = 1024;

/** Whether extended thinking is on; validated as the real API does. */
function readThinking(body: Record<string, unknown>, maxTokens: number): boolean {
  const thinking = body.thinking;
  if (thinking === undefined || thinking === null) return false;
  if (!isRecord(thinking)) invalid('thinking', 'must be an object');
  if (thinking.type === 'disabled') return false;
  if (thinking.type === 'adaptive') return true;
  if (thinking.type !== 'enabled') invalid('thinking.type', 'must be "enabled", "adaptive" or "disabled"');
  const budget = optionalInt(thinking, 'budget_tokens', MIN_THINKING_BUDGET);
  if (budget === undefined) invalid('thinking.budget_tokens', 'Field required');
  if (budget >= maxTokens) invalid('max_tokens', `must be greater than thinking.budget_tokens (${budget})`);
  return true;
}

/** The conversation, each message's content as one string. */
function readMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) invalid('messages', 'must be a non-empty list');
  return value.map((message, i) => {
    if (!isRecord(message)) invalid(`messages.${i}`, 'must be an object');
    const { role } = message;
    if (role !== 'user' && role !== 'assistant') invalid(`messages.${i}.role`, 'must be "user" or "assistant"');
    // Built as {role, content} in that order: the reference model's seed hashes the messages' JSON.
    return { role, content: contentText(message.content, `messages.${i}.content`) };
  });
}

/** A Messages request read and validated as the real API would. */
function parse(body: unknown): ParsedRequest {
  if (!isRecord(body)) invalid('body', 'must be a JSON object');
  refuseStreaming(body);
  if (body.model !== undefined && typeof body.model !== 'string') invalid('model', 'must be a string');
  const maxTokens = optionalInt(body, 'max_tokens', 1);
  if (maxTokens === undefined) invalid('max_tokens', 'Field required');
  const messages = readMessages(body.messages);
  const system = body.system === undefined || body.system === null ? undefined : contentText(body.system, 'system');
  const temperature = optionalNumber(body, 'temperature');
  const chat: ChatRequest = {
    ...(system === undefined ? {} : { system }),
    messages,
    ...(temperature === undefined ? {} : { temperature }),
    maxTokens,
  };
  return {
    ...(body.model === undefined ? {} : { model: body.model }),
    chat,
    thinking: readThinking(body, maxTokens),
  };
}

/** The Message object of an answer. */
function success(_parsed: ParsedRequest, model: string, answer: Answer): unknown {
  return {
    id: `msg_${randomId(24)}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [
      ...(answer.thinking === undefined
        ? []
        : [{ type: 'thinking', thinking: answer.thinking, signature: Buffer.from(`saydo-reference:${model}`).toString('base64') }]),
      { type: 'text', text: answer.text },
    ],
    stop_reason: answer.stop === 'end' ? 'end_turn' : 'max_tokens',
    stop_sequence: null,
    usage: { input_tokens: answer.inputTokens, output_tokens: answer.outputTokens },
  };
}

/** The Anthropic Messages API. */
export const anthropicDialect: Dialect = {
  requestIdHeader: 'request-id',
  newRequestId: () => `req_${randomId(24)}`,
  // The SDK sends x-api-key for an API key and Authorization: Bearer for an auth token.
  authorized: (headers) => {
    const key = headers['x-api-key'];
    return (typeof key === 'string' && key.trim() !== '') || bearerToken(headers) !== undefined;
  },
  missingKeyMessage: 'x-api-key header is required (any non-empty value; or Authorization: Bearer <token>)',
  parse,
  success,
  error: (error: WireError) => {
    const { status, type } = ERRORS[error.kind];
    return { status, body: { type: 'error', error: { type, message: error.message } } };
  },
};
