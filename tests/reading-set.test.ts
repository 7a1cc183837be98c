/**
 * The reading layer judged by the hand-labelled reading test set (tests/reading/): what
 * a careful person reads in reports written the way real models write them. A confident
 * misread (a value where the label says otherwise, or any value where the label is
 * `unclear`) is the worst error a reader can make; there must be none, and at least 95%
 * of the labels that are not `unclear` must be read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { readInstructions } from '../src/ifeval/phrasing.js';
import { readReport } from '../src/families/success-claims/report.js';
import { readLetter, readOption, readShortAnswer } from '../src/reading/choices.js';
import { readInteger, readProbability } from '../src/reading/numbers.js';
import { read, type Reading } from '../src/reading/reading.js';
import { readYesNo } from '../src/reading/yes-no.js';
import { canonicalAnswer, readExactAnswer } from '../src/tasks/exact-answer/answer.js';
import { readQuestion } from '../src/tasks/exact-answer/questions.js';

const label = z.enum(['yes', 'no', 'unclear']);
const reportSet = z.object({
  reports: z.array(
    z.object({
      id: z.string(),
      style: z.string(),
      framing: z.enum(['neutral', 'confirming', 'skeptical']),
      instructions: z.array(z.string()).min(1),
      text: z.string(),
      expect: z.object({ items: z.array(label), overall: label }),
      why: z.string().optional(),
    }),
  ),
});
const answerSet = z.object({
  answers: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['probability', 'integer', 'option', 'short-answer', 'yes-no', 'letter', 'exact-answer']),
      turn: z.enum(['first', 'challenged']).optional(),
      question: z.string(),
      scale: z.enum(['percent', 'unit']).optional(),
      options: z.array(z.string()).optional(),
      text: z.string(),
      expect: z.union([z.number(), z.string()]),
      why: z.string().optional(),
    }),
  ),
});

/** The set the reader was built against, and a held-out set written apart from it and never tuned on. */
const tuning = reportSet.parse(parse(readFileSync('tests/reading/checklist-reports.yaml', 'utf8'))).reports;
const heldOut = reportSet.parse(parse(readFileSync('tests/reading/held-out-reports.yaml', 'utf8'))).reports;
const heldOutTwo = reportSet.parse(parse(readFileSync('tests/reading/held-out-2-reports.yaml', 'utf8'))).reports;
const heldOutThree = reportSet.parse(parse(readFileSync('tests/reading/held-out-3-reports.yaml', 'utf8'))).reports;
const answers = answerSet.parse(parse(readFileSync('tests/reading/answers.yaml', 'utf8'))).answers;
const heldOutAnswers = answerSet.parse(parse(readFileSync('tests/reading/answers-held-out.yaml', 'utf8'))).answers;
const readAnswerSet = (file: string) => answerSet.parse(parse(readFileSync(`tests/reading/${file}`, 'utf8'))).answers;
const letters = readAnswerSet('answers-letters.yaml');
const optionsAndShort = readAnswerSet('answers-options-short.yaml');
const exactAnswers = readAnswerSet('answers-exact.yaml');
const keepAnswers = readAnswerSet('answers-keep.yaml');

/** One labelled value and what the reader made of it. */
interface Outcome {
  group: string;
  where: string;
  expected: string | number;
  got: Reading<unknown>;
}

const shown = (reading: Reading<unknown>): string =>
  reading.kind === 'read' ? (typeof reading.value === 'boolean' ? (reading.value ? 'yes' : 'no') : String(reading.value)) : `unparseable (${reading.why})`;

/** Whether a reading agrees with its label: the same value, or unparseable where the label is unclear. */
function agrees(expected: string | number, got: Reading<unknown>): boolean {
  if (expected === 'unclear') return got.kind === 'unparseable';
  if (got.kind !== 'read') return false;
  if (typeof got.value === 'boolean') return (expected === 'yes') === got.value && (expected === 'yes' || expected === 'no');
  if (typeof expected === 'number' && typeof got.value === 'number') return Math.abs(expected - got.value) < 1e-9;
  return String(got.value).toLowerCase() === String(expected).toLowerCase();
}

/** A confident misread: a value that is not the label's. */
const misread = (o: Outcome): boolean => o.got.kind === 'read' && !agrees(o.expected, o.got);

function reportOutcomes(reports: typeof tuning): Outcome[] {
  return reports.flatMap((report) => {
    const instructions = report.instructions.map((description) => {
      const [instruction, ...more] = readInstructions(description);
      if (!instruction || more.length > 0) throw new Error(`${report.id}: "${description}" is not one saydo instruction`);
      return instruction;
    });
    const reading = readReport(report.text, instructions);
    return [
      ...reading.instructions.map((got, i) => ({ group: report.style, where: `${report.id} #${i + 1}`, expected: report.expect.items[i]!, got })),
      { group: report.style, where: `${report.id} overall`, expected: report.expect.overall, got: reading.overall },
    ];
  });
}

/** The option letters and their texts, from a question such as "(A) Venus (B) Mercury ...". */
function optionTexts(question: string, letters: readonly string[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const letter of letters) {
    const match = new RegExp(`\\(?${letter}\\)\\s*([^()]+?)(?=\\s*\\(?[A-Z]\\)|\\.\\s|$)`).exec(question);
    if (match) texts[letter] = match[1]!.trim();
  }
  return texts;
}

/**
 * The answer a reply gives to one of saydo's exact-answer questions, in the question's
 * canonical form (as the verifier compares it), or unparseable where it gives none.
 */
function exactAnswerReading(question: string, text: string): Reading<string> {
  const asked = readQuestion(question);
  if (!asked) throw new Error(`"${question}" is not a question saydo writes`);
  const reading = readExactAnswer(asked, text);
  return reading.kind === 'read' ? read(canonicalAnswer(asked, reading.value), reading.from) : reading;
}

function answerOutcomes(list: typeof answers = answers): Outcome[] {
  return list.map((answer) => {
    if (answer.kind === 'exact-answer') {
      const expected = answer.expect === 'unclear' ? 'unclear' : canonicalAnswer(readQuestion(answer.question)!, String(answer.expect));
      return { group: `exact-answer (${answer.turn ?? 'first'})`, where: answer.id, expected, got: exactAnswerReading(answer.question, answer.text) };
    }
    const got: Reading<unknown> =
      answer.kind === 'letter' ? readLetter(answer.text) :
      answer.kind === 'probability'
        ? readProbability(answer.text, answer.scale ?? 'percent')
        : answer.kind === 'integer'
          ? readInteger(answer.text)
          : answer.kind === 'option'
            ? readOption(answer.text, optionTexts(answer.question, answer.options ?? []))
            : answer.kind === 'short-answer'
              ? readShortAnswer(answer.text)
              : readYesNo(answer.text, { question: answer.question });
    return { group: answer.kind, where: answer.id, expected: answer.expect, got };
  });
}

/** Per group: labels, how many of the clear ones were read right, unclear ones left unread, misreads. */
function rates(outcomes: readonly Outcome[]): string {
  const groups = [...new Set(outcomes.map((o) => o.group))];
  const rows = groups.map((group) => {
    const mine = outcomes.filter((o) => o.group === group);
    const clear = mine.filter((o) => o.expected !== 'unclear');
    const readRight = clear.filter((o) => agrees(o.expected, o.got)).length;
    const unclear = mine.length - clear.length;
    const unclearLeft = mine.filter((o) => o.expected === 'unclear' && o.got.kind === 'unparseable').length;
    return `| ${group} | ${mine.length} | ${readRight}/${clear.length} (${((100 * readRight) / Math.max(1, clear.length)).toFixed(1)}%) | ${unclearLeft}/${unclear} | ${mine.filter(misread).length} |`;
  });
  return ['| style | labels | clear labels read | unclear left unparseable | confident misreads |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * No confident misread, and at least `minimumRead` of the clear labels read. The set the
 * reader was built against must reach 95%; a held-out set measures how that generalises
 * (docs/reading.md records the figures), and its floor only guards against regressions.
 */
function expectTrustworthy(outcomes: readonly Outcome[], name: string, minimumRead = 0.95): void {
  const misreads = outcomes.filter(misread).map((o) => `${o.where}: labelled ${o.expected}, read ${shown(o.got)}`);
  const clear = outcomes.filter((o) => o.expected !== 'unclear');
  const unread = clear.filter((o) => !agrees(o.expected, o.got)).map((o) => `${o.where}: labelled ${o.expected}, read ${shown(o.got)}`);
  console.log(`${name}: ${clear.length - unread.length}/${clear.length} clear labels read\n${rates(outcomes)}`);
  expect(misreads, `confident misreads in ${name}`).toEqual([]);
  expect((clear.length - unread.length) / clear.length, `unread clear labels in ${name}:\n${unread.join('\n')}`).toBeGreaterThanOrEqual(minimumRead);
}

describe('the reading test set', () => {
  it(`reads ${tuning.length} success-claims reports with no confident misread and at least 95% of clear labels`, () => {
    expectTrustworthy(reportOutcomes(tuning), 'success-claims reports');
  });

  it(`reads ${heldOut.length} held-out success-claims reports the same way`, () => {
    expectTrustworthy(reportOutcomes(heldOut), 'held-out success-claims reports', 0.8);
  });

  it(`reads ${heldOutTwo.length} reports of a second held-out set the same way`, () => {
    expectTrustworthy(reportOutcomes(heldOutTwo), 'second held-out success-claims reports', 0.8);
  });

  it(`reads ${heldOutThree.length} reports of a third held-out set the same way`, () => {
    expectTrustworthy(reportOutcomes(heldOutThree), 'third held-out success-claims reports', 0.8);
  });

  it(`reads ${answers.length} probabilities, counts, options, short answers and yes/no answers the same way`, () => {
    expectTrustworthy(answerOutcomes(), 'short answers');
  });

  it(`reads ${heldOutAnswers.length} held-out probabilities and counts the same way`, () => {
    expectTrustworthy(answerOutcomes(heldOutAnswers), 'held-out short answers', 0.8);
  });

  it(`reads ${optionsAndShort.length} more option letters and short answers, written apart from the reader`, () => {
    expectTrustworthy(answerOutcomes(optionsAndShort), 'more options and short answers', 0.8);
  });

  it(`reads ${exactAnswers.length} replies to exact-answer questions and to the pushback challenge`, () => {
    expectTrustworthy(answerOutcomes(exactAnswers), 'exact answers', 0.8);
  });

  it(`reads ${keepAnswers.length} answers to pushback's question whether the model would keep its answer`, () => {
    // Explanations full of doubt ("I'm not confident in a date that far out, so no") stay unread: a floor of 75% (27/34 now).
    expectTrustworthy(answerOutcomes(keepAnswers), 'keep answers', 0.75);
  });

  it(`reads ${letters.length} letters a model says its answer would start with or have second`, () => {
    expectTrustworthy(answerOutcomes(letters), 'letters', 0.8);
  });
});
