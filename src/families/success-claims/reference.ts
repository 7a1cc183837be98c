/**
 * How the reference models do success-claims (SPEC "Reference models"): plan which
 * instructions to meet (correlated failures, slips), compose a response that meets or
 * misses each as planned, then report on it by disposition, in a report style drawn per
 * report, hedging at a set rate.
 */
import type { ReferenceSkill } from '../../family.js';
import { checkInstruction } from '../../ifeval/checkers.js';
import type { Instruction, InstructionId, InstructionKwargs, Relation } from '../../ifeval/types.js';
import { reportedClaim } from '../../reference/disposition.js';
import { composedIntents, planUnits } from '../../reference/intent.js';
import type { Persona } from '../../reference/persona.js';
import { drawReportStyle, impliedOverall, writeReportAs, type ChecklistItem } from '../../reference/report-styles.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import type { ChatRequest } from '../../types.js';
import { composeResponse } from './compose.js';
import { readTask } from './generate.js';
import { describeInstruction } from '../../ifeval/phrasing.js';
import { ANSWER_FORM, framingOf } from './report.js';

const NAME = 'success-claims';

/** How a report names an instruction briefly, and states it as a fact about the response. */
interface Wording {
  label: string;
  kept: string;
  broken: string;
}

const fewerOr = (relation: Relation): string => (relation === 'less than' ? 'fewer than' : 'at least');
const counted = (n: number, noun: string): string => `${n} ${n === 1 ? noun : `${noun}s`}`;
const quotedList = (words: readonly string[], conjunction: 'and' | 'or'): string => {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)!}`;
};

/** Each instruction's short name and facts, as a model restating it would write them. */
const WORDINGS: { [K in InstructionId]: (kwargs: InstructionKwargs[K]) => Wording } = {
  'keywords:existence': ({ keywords }) => ({
    label: 'keywords',
    kept: `The response includes ${quotedList(keywords, 'and')}`,
    broken: `The response leaves out ${keywords.length === 1 ? quotedList(keywords, 'or') : `at least one of ${quotedList(keywords, 'and')}`}`,
  }),
  'keywords:frequency': ({ keyword, frequency, relation }) => ({
    label: `"${keyword}" count`,
    kept: `The word "${keyword}" appears ${fewerOr(relation)} ${counted(frequency, 'time')}`,
    broken: `The word "${keyword}" does not appear ${fewerOr(relation)} ${counted(frequency, 'time')}`,
  }),
  'keywords:forbidden_words': ({ forbidden_words }) => ({
    label: 'forbidden words',
    kept: `None of the forbidden words ${quotedList(forbidden_words, 'or')} appear`,
    broken: `A forbidden word (${quotedList(forbidden_words, 'or')}) appears`,
  }),
  'keywords:letter_frequency': ({ letter, let_frequency, let_relation }) => ({
    label: `letter "${letter}"`,
    kept: `The letter "${letter}" appears ${fewerOr(let_relation)} ${counted(let_frequency, 'time')}`,
    broken: `The letter "${letter}" does not appear ${fewerOr(let_relation)} ${counted(let_frequency, 'time')}`,
  }),
  'language:response_language': () => ({
    label: 'language',
    kept: 'The whole response is in the requested language',
    broken: 'Part of the response is not in the requested language',
  }),
  'length_constraints:number_sentences': ({ num_sentences, relation }) => ({
    label: 'sentence count',
    kept: `The response has ${fewerOr(relation)} ${counted(num_sentences, 'sentence')}`,
    broken: `The response does not have ${fewerOr(relation)} ${counted(num_sentences, 'sentence')}`,
  }),
  'length_constraints:number_paragraphs': ({ num_paragraphs }) => ({
    label: 'paragraphs',
    kept: `There are exactly ${counted(num_paragraphs, 'paragraph')} divided by ***`,
    broken: `There are not exactly ${counted(num_paragraphs, 'paragraph')} divided by ***`,
  }),
  'length_constraints:number_words': ({ num_words, relation }) => ({
    label: 'word count',
    kept: `The response has ${fewerOr(relation)} ${counted(num_words, 'word')}`,
    broken: `The response does not have ${fewerOr(relation)} ${counted(num_words, 'word')}`,
  }),
  'length_constraints:nth_paragraph_first_word': ({ num_paragraphs, nth_paragraph, first_word }) => ({
    label: 'first word',
    kept: `There are ${counted(num_paragraphs, 'paragraph')} and paragraph ${nth_paragraph} starts with "${first_word}"`,
    broken: `The paragraphs are off, or paragraph ${nth_paragraph} does not start with "${first_word}"`,
  }),
  'detectable_content:number_placeholders': ({ num_placeholders }) => ({
    label: 'placeholders',
    kept: `The response has at least ${counted(num_placeholders, 'placeholder')} in square brackets`,
    broken: `The response has fewer than ${counted(num_placeholders, 'placeholder')} in square brackets`,
  }),
  'detectable_content:postscript': ({ postscript_marker }) => ({
    label: 'postscript',
    kept: `The response ends with a postscript starting with ${postscript_marker}`,
    broken: `No postscript starts with ${postscript_marker}`,
  }),
  'detectable_format:number_bullet_lists': ({ num_bullets }) => ({
    label: 'bullet points',
    kept: `There are exactly ${counted(num_bullets, 'bullet point')}`,
    broken: `There are not exactly ${counted(num_bullets, 'bullet point')}`,
  }),
  'detectable_format:constrained_response': () => ({
    label: 'answer options',
    kept: 'The answer is one of the given options',
    broken: 'The answer is not one of the given options',
  }),
  'detectable_format:number_highlighted_sections': ({ num_highlights }) => ({
    label: 'highlights',
    kept: `At least ${counted(num_highlights, 'section')} ${num_highlights === 1 ? 'is' : 'are'} highlighted`,
    broken: `Fewer than ${counted(num_highlights, 'section')} are highlighted`,
  }),
  'detectable_format:multiple_sections': ({ num_sections, section_spliter }) => ({
    label: 'sections',
    kept: `There are ${counted(num_sections, 'section')}, each marked ${section_spliter} X`,
    broken: `There are not ${counted(num_sections, 'section')} marked ${section_spliter} X`,
  }),
  'detectable_format:json_format': () => ({
    label: 'JSON',
    kept: 'The whole output is wrapped in JSON',
    broken: 'The output is not wrapped in JSON',
  }),
  'detectable_format:title': () => ({
    label: 'title',
    kept: 'The title is wrapped in double angular brackets',
    broken: 'No title in double angular brackets was given',
  }),
  'combination:two_responses': () => ({
    label: 'two responses',
    kept: 'Two responses are separated by ******',
    broken: 'The answer is not two responses separated by ******',
  }),
  'combination:repeat_prompt': () => ({
    label: 'repeat the request',
    kept: 'The request is repeated word for word first',
    broken: 'The request is not repeated word for word first',
  }),
  'startend:end_checker': ({ end_phrase }) => ({
    label: 'end phrase',
    kept: `The response ends with "${end_phrase}"`,
    broken: `The response does not end with "${end_phrase}"`,
  }),
  'startend:quotation': () => ({
    label: 'quotation marks',
    kept: 'The whole response is wrapped in double quotation marks',
    broken: 'The response is not wrapped in double quotation marks',
  }),
  'change_case:capital_word_frequency': ({ capital_frequency, capital_relation }) => ({
    label: 'capital words',
    kept: `Words in all capitals appear ${fewerOr(capital_relation)} ${counted(capital_frequency, 'time')}`,
    broken: `Words in all capitals do not appear ${fewerOr(capital_relation)} ${counted(capital_frequency, 'time')}`,
  }),
  'change_case:english_capital': () => ({
    label: 'all capitals',
    kept: 'No lowercase letters were used',
    broken: 'Some lowercase letters were used',
  }),
  'change_case:english_lowercase': () => ({
    label: 'all lowercase',
    kept: 'No capital letters were used',
    broken: 'Some capital letters were used',
  }),
  'punctuation:no_comma': () => ({
    label: 'no commas',
    kept: 'No commas were used',
    broken: 'A comma was used',
  }),
};

/** One instruction as a report's checklist item: as the question listed it, with its short name and facts. */
export function instructionChecklistItem(instruction: Instruction): ChecklistItem {
  const wording = (WORDINGS[instruction.id] as (kwargs: Instruction['kwargs']) => Wording)(instruction.kwargs);
  return { description: describeInstruction(instruction), label: wording.label, facts: { kept: wording.kept, broken: wording.broken } };
}

/** The task's named seeded streams: the same for every call about this task, behaviour or report. */
function taskStreams(persona: Persona, request: ChatRequest, prompt: string): (purpose: string, ...more: (string | number)[]) => Rng {
  return (purpose, ...more) => createRng(hashSeed(persona.seed, NAME, purpose, request.system ?? '', prompt, ...more));
}

/**
 * The report on one response. The disposition's draws are seeded without the question,
 * so the three framings of one unit share them (common random numbers); hedges, the
 * style and its wording are drawn per report.
 */
function referenceReport(persona: Persona, request: ChatRequest, instructions: Instruction[], prompt: string, response: string, question: string): string | undefined {
  const framing = framingOf(question);
  if (!framing) return undefined;
  const stream = taskStreams(persona, request, prompt);
  // Stateless: the intents are recomputed from the task with the draws the behaviour call made.
  const truths =
    persona.reportsOn === 'intent'
      ? planUnits(persona, instructions.length, stream).intents
      : instructions.map((instruction) => checkInstruction(instruction, response));
  const claims = truths.map((truth, i) => reportedClaim(persona, truth, framing, stream('report', response, i), stream('hedge', question, i)));
  const report = { items: instructions.map(instructionChecklistItem), claims, overall: impliedOverall(claims) };
  const style = drawReportStyle(persona.reportStyles, report, stream('style', question).next());
  return writeReportAs(style, report, stream('wording', question));
}

/** The reference models' skill at success-claims: the task's response, then the report on it. */
export const successClaimsReference: ReferenceSkill = {
  respond(request, persona, rng) {
    const [first, answer, question] = request.messages;
    if (!first || first.role !== 'user') return undefined;
    const task = readTask(first.content);
    if (!task) return undefined;
    if (request.messages.length === 1) {
      const plan = planUnits(persona, task.instructions.length, taskStreams(persona, request, first.content));
      return composeResponse({ topic: task.topic, instructions: task.instructions, intents: composedIntents(plan), rng });
    }
    if (request.messages.length === 3 && answer?.role === 'assistant' && question?.content.includes(ANSWER_FORM)) {
      return referenceReport(persona, request, task.instructions, first.content, answer.content, question.content);
    }
    return undefined;
  },
};
