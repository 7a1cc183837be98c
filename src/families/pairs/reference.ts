/**
 * How the reference models play pairs (SPEC "Reference models"). They cannot write an
 * answer to an arbitrary prompt, so a pair gives them candidate answers in its test's
 * metadata (never in the prompt): the model picks one that passes every check at its
 * skill rate, one that does not otherwise, checks it with the same assertion engine, and
 * reports on each check by its disposition. A pair is recognised by its requests, which
 * the family remembers as it runs them (in process) or the server learns from the suite.
 */
import type { ReferenceSkill } from '../../family.js';
import { reportedClaim } from '../../reference/disposition.js';
import type { Persona } from '../../reference/persona.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import type { ChatRequest, Framing } from '../../types.js';
import type { Check } from './checks.js';
import type { PairItem } from './probe.js';
import { framingOfQuestion, prospectiveRequest, retrospectiveQuestion } from './questions.js';
import { newPairs, writePair } from './book.js';
import { checkPasses, gradedOutput } from './run-check.js';

/** What a reference model answers to a pair that gives it no candidates. */
export const NO_CANDIDATES_REPLY = 'I am a saydo reference model; this test gives me no candidate answers (metadata.saydo.candidates), so this is all I can say.';

/** The behaviour requests of remembered pairs, and the prospective requests of their checks. */
const behaviours = new Map<string, PairItem>();
const prospectives = new Map<string, { item: PairItem; check: Check }>();

const keyOf = (request: ChatRequest): string => JSON.stringify([request.system ?? '', request.messages.map((m) => [m.role, m.content])]);

function register(item: PairItem): void {
  behaviours.set(keyOf(item.request), item);
  for (const check of item.checks) prospectives.set(keyOf(prospectiveRequest(item.request, check)), { item, check });
}

/** Lets the reference models recognise this pair's requests, here and (through the pair book) in the local server. */
export function rememberPair(item: PairItem): void {
  register(item);
  writePair(item);
}

/** Pairs another process wrote in the pair book since the last look. */
function readBook(): void {
  for (const item of newPairs()) register(item);
}

const streams = (persona: Persona, item: PairItem) => (purpose: string, ...more: (string | number)[]): Rng =>
  createRng(hashSeed(persona.seed, 'pairs', purpose, keyOf(item.request), ...more));

async function passesAll(item: PairItem, answer: string): Promise<boolean> {
  const output = await gradedOutput(item, answer).catch(() => undefined);
  if (output === undefined) return false;
  for (const check of item.checks.filter((c) => !c.modelGraded)) if (!(await checkPasses(item, check, output))) return false;
  return true;
}

/** Each persona's chosen answer per pair: checking every candidate runs every check, so it is done once. */
const chosen = new WeakMap<Persona, WeakMap<PairItem, Promise<string>>>();

/** The candidate the model answers with: the same for every call about this pair, so a prospective report can know it. */
function chosenAnswer(persona: Persona, item: PairItem): Promise<string> {
  const mine = chosen.get(persona) ?? new WeakMap<PairItem, Promise<string>>();
  chosen.set(persona, mine);
  const answer = mine.get(item) ?? chooseAnswer(persona, item);
  mine.set(item, answer);
  return answer;
}

async function chooseAnswer(persona: Persona, item: PairItem): Promise<string> {
  if (item.candidates.length === 0) return NO_CANDIDATES_REPLY;
  const passing = await Promise.all(item.candidates.map((answer) => passesAll(item, answer)));
  const good = item.candidates.filter((_, i) => passing[i]);
  const bad = item.candidates.filter((_, i) => !passing[i]);
  const stream = streams(persona, item);
  const wanted = stream('skill').next() < persona.skill ? good : bad;
  const pool = wanted.length > 0 ? wanted : good.length > 0 ? good : bad;
  return pool[Math.floor(stream('pick').next() * pool.length)]!;
}

const YES = ['Yes.', 'Yes - I checked my answer against this.', '{"answer": "yes"}', '**Yes.** My answer meets this.', 'Looking back at it: yes.'];
const NO = ['No.', 'No - looking again, my answer does not meet this.', '{"answer": "no"}', '**No.** My answer misses this.', 'Looking back at it: no.'];
const HEDGES = ["I'm not sure; I would have to check my answer again.", 'It is hard to say for certain either way.'];

/**
 * The model's yes or no to a check's question. The disposition's draws are seeded by the
 * check and the answer, not the question, so the framings of one check share them.
 */
async function reportOn(persona: Persona, item: PairItem, check: Check, answer: string, framing: Framing, question: string): Promise<string> {
  const stream = streams(persona, item);
  const output = await gradedOutput(item, answer).catch(() => undefined);
  const passed = output !== undefined && (await checkPasses(item, check, output));
  const claim = reportedClaim(persona, passed, framing, stream('report', check.unit, answer), stream('hedge', question));
  const style = stream('style', question);
  if (claim === 'hedge') return style.pick(HEDGES);
  // A `not-` check is asked the positive way: claiming it passes is answering no.
  const yes = (claim === 'yes') !== check.inverted;
  return style.pick(yes ? YES : NO);
}

/** The reference models' skill at pairs: a candidate answer, and yes or no to each question about it. */
export const pairsReference: ReferenceSkill = {
  async respond(request, persona) {
    if (!behaviours.has(keyOf(request))) readBook();
    const item = behaviours.get(keyOf(request));
    if (item) return chosenAnswer(persona, item);
    const prospective = prospectives.get(keyOf(request));
    if (prospective) {
      const { item: pair, check } = prospective;
      return reportOn(persona, pair, check, await chosenAnswer(persona, pair), 'neutral', request.messages.at(-1)!.content);
    }
    const [question, answer] = [request.messages.at(-1), request.messages.at(-2)];
    if (request.messages.length < 3 || question?.role !== 'user' || answer?.role !== 'assistant') return undefined;
    const base = keyOf({ ...request, messages: request.messages.slice(0, -2) });
    if (!behaviours.has(base)) readBook();
    const pair = behaviours.get(base);
    const framing = framingOfQuestion(question.content);
    if (!pair || !framing) return undefined;
    const check = pair.checks.find((c) => retrospectiveQuestion(c, framing) === question.content);
    return check ? reportOn(persona, pair, check, answer.content, framing, question.content) : undefined;
  },
};
