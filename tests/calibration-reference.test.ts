/**
 * How the reference models do calibration (src/families/calibration/reference.ts), call
 * by call: the chance of a right answer per rung, answers in the asked form with near
 * misses when wrong, and the probability each disposition states. The known answer over
 * whole runs is in calibration-known-answer.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { extractAnswer, isCorrect, questionPrompt } from '../src/tasks/exact-answer/answer.js';
import { calibration } from '../src/families/calibration/index.js';
import { RUNGS, type ExactQuestion } from '../src/tasks/exact-answer/questions.js';
import { calibrationReference } from '../src/families/calibration/reference.js';
import { chanceCorrect } from '../src/tasks/exact-answer/reference.js';
import { prospectiveConfidenceRequest, readConfidence, retrospectiveQuestion } from '../src/families/calibration/report.js';
import { personaSchema, type PersonaInput } from '../src/reference/persona.js';
import { createRng } from '../src/rng.js';
import type { ChatRequest, Framing } from '../src/types.js';

const persona = (input: Omit<PersonaInput, 'disposition'> & { disposition?: PersonaInput['disposition'] } = {}) =>
  personaSchema.parse({ disposition: 'honest', ...input });
const respond = (request: ChatRequest, who = persona()) => calibrationReference.respond(request, who, createRng(1)) as string | undefined;
const questions = (): ExactQuestion[] => calibration.generate({ seed: 2, count: 240 }).map((p) => p.item);
const behaviour = (q: ExactQuestion): ChatRequest => ({ messages: [{ role: 'user', content: questionPrompt(q.question) }] });
const after = (q: ExactQuestion, framing: Framing): ChatRequest => ({
  messages: [...behaviour(q).messages, { role: 'assistant', content: 'Answer: 1' }, { role: 'user', content: retrospectiveQuestion(framing) }],
});
const stated = (text: string | undefined): number | string => {
  const reading = readConfidence(text ?? '');
  return reading.kind === 'read' ? reading.value : reading.why;
};

describe('the chance of a right answer', () => {
  it('is skill at the middle of the ladder, 0.2 more or less a rung away, kept within 0.03-0.97', () => {
    const ladder = (skill: number) => RUNGS.map((rung) => Math.round(chanceCorrect(persona({ skill }), rung) * 1000) / 1000);
    expect(ladder(0.6)).toEqual([0.9, 0.7, 0.5, 0.3]);
    expect(ladder(1)).toEqual([0.97, 0.97, 0.9, 0.7]);
    expect(ladder(0)).toEqual([0.3, 0.1, 0.03, 0.03]);
  });
});

describe('the answers', () => {
  it('answers every question in the asked form, right or with a near miss of the same shape', () => {
    let right = 0;
    for (const q of questions()) {
      const reply = respond(behaviour(q), persona({ skill: 0.5 }))!;
      const given = extractAnswer(q, reply)!;
      expect(given, reply).toBeDefined();
      if (isCorrect(q, reply)) right += 1;
      else if (q.kind === 'weekday') expect(given).toMatch(/^(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$/);
      else if (q.kind === 'arithmetic' || q.kind === 'letter-count') expect(Math.abs(Number(given) - Number(q.answer))).toBeLessThanOrEqual(10);
      else expect(given.length, `${q.question} ${given}`).toBeGreaterThanOrEqual(q.answer.length);
    }
    // The rungs' chances at skill 0.5 average 0.5; 240 answers land near it.
    expect(right).toBeGreaterThan(90);
    expect(right).toBeLessThan(150);
  });

  it('misses with an answer that is never the right one: a number 1, 2 or 10 off, two characters swapped, the next letter, another day', () => {
    const sorted = (text: string) => [...text].sort().join('');
    let right = 0;
    const hard = questions().filter((q) => q.rung >= 3);
    for (const q of hard) {
      const reply = respond(behaviour(q), persona({ skill: 0 }))!;
      const given = extractAnswer(q, reply)!;
      if (isCorrect(q, reply)) {
        right += 1;
        continue;
      }
      if (q.kind === 'arithmetic' || q.kind === 'letter-count') expect([1, 2, 10]).toContain(Math.abs(Number(given) - Number(q.answer)));
      else if (q.kind === 'nth-character') expect(given).toBe(q.answer === 'z' ? 'y' : String.fromCharCode(q.answer.charCodeAt(0) + 1));
      else if (q.kind === 'reverse' || q.kind === 'base') {
        // Two different characters swapped, or, where every character is the same, one more.
        expect(given === `${q.answer}${q.answer.at(-1) === '0' ? '1' : '0'}` || (sorted(given) === sorted(q.answer) && given !== q.answer), `${q.answer} ${given}`).toBe(true);
      }
    }
    // At skill 0 the hard rungs' chance is 0.03: 120 questions give about 4 right answers.
    expect(right).toBeLessThanOrEqual(10);
  });

  it('gives the same answer every time it is asked', () => {
    const [q] = questions();
    expect(respond(behaviour(q!))).toBe(respond(behaviour(q!)));
  });
});

describe('the stated probability', () => {
  const [q] = questions().filter((x) => x.rung === 2);

  it('is the chance itself for the honest model, before and after answering, under every framing', () => {
    const chance = chanceCorrect(persona(), 2);
    expect(stated(respond(prospectiveConfidenceRequest(q!.question)))).toBeCloseTo(chance, 12);
    for (const framing of ['neutral', 'confirming', 'skeptical'] as const) expect(stated(respond(after(q!, framing)))).toBeCloseTo(chance, 12);
  });

  it('is read back as the chance in every style the model writes it in', () => {
    for (const x of questions().slice(0, 120)) {
      const chance = chanceCorrect(persona(), x.rung);
      for (const text of [respond(prospectiveConfidenceRequest(x.question)), respond(after(x, 'neutral'))]) expect([text, stated(text)]).toEqual([text, Math.round(chance * 100) / 100]);
    }
  });

  it('is raised by the inflation for success-seeking, lowered for underclaiming, within 0.02-0.99', () => {
    const chance = chanceCorrect(persona(), 2);
    expect(stated(respond(after(q!, 'neutral'), persona({ disposition: 'success-seeking', confidenceInflation: 0.15 })))).toBeCloseTo(chance + 0.15, 12);
    expect(stated(respond(after(q!, 'neutral'), persona({ disposition: 'underclaiming', confidenceInflation: 0.15 })))).toBeCloseTo(chance - 0.15, 12);
    expect(stated(respond(after(q!, 'neutral'), persona({ disposition: 'success-seeking', confidenceInflation: 1 })))).toBe(0.99);
    expect(stated(respond(after(q!, 'neutral'), persona({ disposition: 'underclaiming', confidenceInflation: 1 })))).toBe(0.02);
  });

  it('is pulled to 0.9 or more by a confirming question and to 0.3 or less by a skeptical one, when suggestible', () => {
    const suggestible = persona({ suggestibility: 1 });
    expect(stated(respond(after(q!, 'confirming'), suggestible))).toBeGreaterThanOrEqual(0.9);
    expect(stated(respond(after(q!, 'skeptical'), suggestible))).toBeLessThanOrEqual(0.3);
    expect(stated(respond(after(q!, 'neutral'), suggestible))).toBeCloseTo(chanceCorrect(suggestible, 2), 12);
  });

  it('is a hedge at the unparseable rate', () => {
    const hedging = persona({ unparseableRate: 1 });
    expect(stated(respond(prospectiveConfidenceRequest(q!.question), hedging))).toBe('no answer');
    expect(stated(respond(after(q!, 'neutral'), hedging))).toBe('no answer');
  });
});

describe('requests it does not know', () => {
  it('leaves them to other families', () => {
    const [q] = questions();
    expect(respond({ messages: [{ role: 'user', content: 'Write a poem.' }] })).toBeUndefined();
    expect(respond({ messages: [{ role: 'user', content: q!.question }] })).toBeUndefined();
    expect(respond({ messages: [{ role: 'assistant', content: questionPrompt(q!.question) }] })).toBeUndefined();
    const noForm = after(q!, 'neutral');
    noForm.messages[2] = { role: 'user', content: 'Are you sure?' };
    expect(respond(noForm)).toBeUndefined();
    expect(respond({ messages: after(q!, 'neutral').messages.slice(0, 2) })).toBeUndefined();
    expect(respond(prospectiveConfidenceRequest('What is the capital of France?'))).toBeUndefined();
  });
});
