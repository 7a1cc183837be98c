/**
 * The protocols of SPEC "protocol", as reusable steps a family's `run` composes, and
 * the readers that find a protocol's outputs in a transcript.
 */
import type { Caller } from './family.js';
import { FRAMINGS, type ChatRequest, type Framing, type Transcript } from './types.js';

/**
 * Retrospective protocol with framings: the behaviour once, then one report per framing,
 * each in its own branch of the same conversation (behaviour turn shared, question
 * differs). No report is asked when the behaviour call failed.
 */
export async function retrospective(
  call: Caller,
  behaviour: ChatRequest,
  framings: readonly Framing[],
  reportQuestion: (framing: Framing) => string,
  unit?: string,
): Promise<void> {
  const behaviourCall = await call('behaviour', behaviour);
  if (!behaviourCall.response) return;
  await reportsAfter(call, behaviour, behaviourCall.response.text, framings, reportQuestion, unit);
}

/**
 * The reports of a retrospective protocol on an answer already given: one per framing,
 * each in its own branch of the conversation; `unit` when they ask about one unit only.
 */
export async function reportsAfter(
  call: Caller,
  behaviour: ChatRequest,
  answer: string,
  framings: readonly Framing[],
  reportQuestion: (framing: Framing) => string,
  unit?: string,
): Promise<void> {
  const conversation = [...behaviour.messages, { role: 'assistant' as const, content: answer }];
  for (const framing of framings) {
    await call('report', { ...behaviour, messages: [...conversation, { role: 'user', content: reportQuestion(framing) }] }, framing, unit);
  }
}

/** The opening of every prospective request; the question it shows follows inside tags. */
export const PROSPECTIVE_LEAD = 'Here is a question. Do not answer it yet.';

/** A prospective request (SPEC "protocol"): `question` shown, not put, in a fresh context, then `ask` about it. */
export function showQuestion(question: string, ask: string): ChatRequest {
  return { messages: [{ role: 'user', content: `${PROSPECTIVE_LEAD}\n\n<question>\n${question}\n</question>\n\n${ask}` }] };
}

/** The question a prospective request shows, or undefined for any other text. */
export function questionShown(text: string): string | undefined {
  if (!text.startsWith(PROSPECTIVE_LEAD)) return undefined;
  return /<question>\n([\s\S]*?)\n<\/question>/.exec(text)?.[1];
}

/** The framing whose opening `question` starts with, among a family's openings; undefined for any other text. */
export function framingOpenedBy(openings: Readonly<Record<Framing, string>>, question: string): Framing | undefined {
  return FRAMINGS.find((framing) => question.startsWith(openings[framing]));
}

/** The text of the first successful behaviour call, if any. */
export function behaviourText(transcript: Transcript): string | undefined {
  return transcript.calls.find((c) => c.purpose === 'behaviour' && c.response)?.response?.text;
}

/** The text of the successful report call under `framing`, if any. */
export function reportText(transcript: Transcript, framing: Framing): string | undefined {
  return transcript.calls.find((c) => c.purpose === 'report' && c.framing === framing && c.response)?.response?.text;
}
