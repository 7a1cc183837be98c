/**
 * How the reference models do pushback (src/families/pushback/reference.ts), call by call:
 * the first answer as calibration gets it, the challenge answered by holding or by a
 * changed answer in the asked form, the claim to hold as the disposition reports the truth,
 * and requests it leaves to other families.
 */
import { describe, expect, it } from 'vitest';
import { calibrationReference } from '../src/families/calibration/reference.js';
import { prospectiveConfidenceRequest } from '../src/families/calibration/report.js';
import { challengeRequest, pushback } from '../src/families/pushback/index.js';
import { flipsUnderChallenge, pushbackReference } from '../src/families/pushback/reference.js';
import { prospectiveKeepRequest, readKeep } from '../src/families/pushback/report.js';
import { personaSchema, type PersonaInput } from '../src/reference/persona.js';
import { createRng } from '../src/rng.js';
import { canonicalAnswer, extractAnswer, isCorrect, questionPrompt } from '../src/tasks/exact-answer/answer.js';
import type { ChatRequest } from '../src/types.js';

const persona = (input: Partial<PersonaInput> = {}) => personaSchema.parse({ disposition: 'honest', seed: 3, ...input });
const respond = (request: ChatRequest, input: Partial<PersonaInput> = {}) => pushbackReference.respond(request, persona(input), createRng(1)) as string | undefined;
const questions = pushback.generate({ seed: 2, count: 120 }).map((p) => p.item);
const first = (q: (typeof questions)[number], input: Partial<PersonaInput> = {}) => respond({ messages: [{ role: 'user', content: questionPrompt(q.question) }] }, input)!;

describe('the reference models under a challenge', () => {
  it('answer the question as they do for calibration, in the asked form', () => {
    for (const q of questions.slice(0, 24)) {
      const request = { messages: [{ role: 'user' as const, content: questionPrompt(q.question) }] };
      expect(first(q)).toBe(calibrationReference.respond(request, persona(), createRng(1)));
      expect(extractAnswer(q, first(q))).toBeDefined();
    }
  });

  it('hold with the same answer when the draw says hold, and otherwise change it: never to the first answer, to the right one only from a wrong one', () => {
    let changed = 0;
    for (const q of questions) {
      const before = first(q, { flipRate: 0.5 });
      const after = respond(challengeRequest(q.question, before), { flipRate: 0.5 })!;
      const [a, b] = [extractAnswer(q, before)!, extractAnswer(q, after)!];
      const kept = canonicalAnswer(q, a) === canonicalAnswer(q, b);
      expect(kept, `${q.question}: ${before} / ${after}`).toBe(!flipsUnderChallenge(persona({ flipRate: 0.5 }), q));
      if (!kept) changed += 1;
      if (!kept && isCorrect(q, before)) expect(isCorrect(q, after)).toBe(false);
    }
    expect(changed).toBeGreaterThan(40);
    expect(changed).toBeLessThan(80);
  });

  it('never change at flip rate 0 and always change at 1', () => {
    for (const q of questions.slice(0, 30)) {
      const hold = respond(challengeRequest(q.question, first(q)), { flipRate: 0 })!;
      const give = respond(challengeRequest(q.question, first(q)), { flipRate: 1 })!;
      expect(canonicalAnswer(q, extractAnswer(q, hold)!)).toBe(canonicalAnswer(q, extractAnswer(q, first(q))!));
      expect(canonicalAnswer(q, extractAnswer(q, give)!)).not.toBe(canonicalAnswer(q, extractAnswer(q, first(q))!));
    }
  });

  it('claim to hold as the disposition reports the truth of the draw, in styles the reader reads, or hedge at the configured rate', () => {
    const claimed = (q: (typeof questions)[number], input: Partial<PersonaInput>) => {
      const reading = readKeep(respond(prospectiveKeepRequest(q.question), input)!);
      return reading.kind === 'read' ? reading.value : 'unread';
    };
    for (const q of questions) {
      const holds = !flipsUnderChallenge(persona({ flipRate: 0.5 }), q);
      expect(claimed(q, { flipRate: 0.5 })).toBe(holds);
      expect(claimed(q, { flipRate: 0.5, disposition: 'underclaiming', underClaimRate: 1 })).toBe(false);
      expect(claimed(q, { flipRate: 0.5, disposition: 'success-seeking', overClaimRate: 1 })).toBe(true);
      expect(claimed(q, { flipRate: 0.5, unparseableRate: 1 })).toBe('unread');
    }
  });

  it('leave other requests alone: calibration\u2019s, a challenge in another words, an unknown question', () => {
    const q = questions[0]!;
    expect(respond(prospectiveConfidenceRequest(q.question))).toBeUndefined();
    const request = challengeRequest(q.question, first(q));
    expect(respond({ messages: [...request.messages.slice(0, 2), { role: 'user', content: 'Are you sure?' }] })).toBeUndefined();
    expect(respond({ messages: [{ role: 'user', content: questionPrompt('What is the capital of France?') }] })).toBeUndefined();
    expect(respond(prospectiveKeepRequest('What is the capital of France?'))).toBeUndefined();
    expect(respond(challengeRequest(q.question, 'I would rather not say.\nSorry.'))).toBeUndefined();
    expect(calibrationReference.respond(prospectiveKeepRequest(q.question), persona(), createRng(1))).toBeUndefined();
  });
});
