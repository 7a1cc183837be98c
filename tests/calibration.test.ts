/**
 * The calibration family: its question generator (deterministic for a seed, every answer
 * right by an independent computation) and the answer extraction (formats, decorations,
 * junk). The known answer is in calibration-known-answer.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalAnswer, extractAnswer, isCorrect, readExactAnswer } from '../src/tasks/exact-answer/answer.js';
import { calibration } from '../src/families/calibration/index.js';
import { KINDS, readQuestion, RUNGS, writeQuestion, type ExactQuestion } from '../src/tasks/exact-answer/questions.js';
import { createRng } from '../src/rng.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The answer worked out again from the question's text, by other means than the generator's. */
function independently(q: ExactQuestion): string {
  let m: RegExpExecArray | null;
  if ((m = /What is (\d+) ([+×]) (\d+)\?/.exec(q.question))) return String(m[2] === '+' ? BigInt(m[1]!) + BigInt(m[3]!) : BigInt(m[1]!) * BigInt(m[3]!));
  if ((m = /letter "(.)" appear in "(.+)"/.exec(q.question))) return String(m[2]!.split(m[1]!).length - 1);
  if ((m = /string "(.+)" backwards/.exec(q.question))) return m[1]!.split('').reverse().join('');
  if ((m = /the (\d+)\D+ character of "(.+)"/.exec(q.question))) return m[2]!.charAt(Number(m[1]) - 1);
  if ((m = /is (\d+) (\w+) (\d+) \(Gregorian/.exec(q.question))) {
    // Zeller's congruence, not Date: 0 = Saturday.
    let [day, month, year] = [Number(m[1]), MONTHS.indexOf(m[2]!) + 1, Number(m[3])];
    if (month < 3) [month, year] = [month + 12, year - 1];
    const h = (day + Math.floor((13 * (month + 1)) / 5) + year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400)) % 7;
    return WEEKDAYS[(h + 6) % 7]!;
  }
  if ((m = /number (\d+) in base (\d+)/.exec(q.question))) {
    let [n, out] = [Number(m[1]), ''];
    const base = Number(m[2]);
    do {
      out = '0123456789abcdef'[n % base]! + out;
      n = Math.floor(n / base);
    } while (n > 0);
    return out;
  }
  throw new Error(`no independent answer for ${q.question}`);
}

describe('the question generator', () => {
  // Generated inside each test, so a generator that throws fails a test instead of the file's collection.
  let probes: ReturnType<typeof calibration.generate>;
  beforeEach(() => {
    probes = calibration.generate({ seed: 3, count: 240 });
  });

  it('is deterministic for a seed, with stable ids, and differs across seeds', () => {
    expect(calibration.generate({ seed: 3, count: 240 })).toEqual(probes);
    expect(probes[7]!.id).toBe('calibration/3/0007');
    expect(calibration.generate({ seed: 4, count: 240 }).map((p) => p.item.question)).not.toEqual(probes.map((p) => p.item.question));
  });

  it('covers every kind at every rung evenly', () => {
    const cells = new Map<string, number>();
    for (const { item } of probes) cells.set(`${item.kind}/${item.rung}`, (cells.get(`${item.kind}/${item.rung}`) ?? 0) + 1);
    expect([...cells.keys()].sort()).toEqual(KINDS.flatMap((kind) => RUNGS.map((rung) => `${kind}/${rung}`)).sort());
    expect(new Set(cells.values())).toEqual(new Set([10]));
    expect(probes.slice(0, 12).map((p) => p.item.kind)).toEqual([...KINDS, ...KINDS]);
  });

  it('gives every question its right answer, worked out again independently', () => {
    for (const { item } of probes) expect(item.answer, item.question).toBe(independently(item));
  });

  it('writes English ordinals in its nth-character questions', () => {
    const suffix = (n: number): string => ([11, 12, 13].includes(n % 100) ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th');
    const seen = new Set<number>();
    for (const { item } of calibration.generate({ seed: 9, count: 2400 }).filter((p) => p.item.kind === 'nth-character')) {
      const [, n, written] = /the (\d+)(st|nd|rd|th) character/.exec(item.question)!;
      expect(written, item.question).toBe(suffix(Number(n)));
      seen.add(Number(n));
    }
    // The ordinals that need their own suffix all came up.
    for (const n of [2, 3, 11, 12, 13, 21, 22, 23]) expect(seen.has(n), String(n)).toBe(true);
  });

  it('reads every question it writes back to the same kind, rung and answer', () => {
    for (const kind of KINDS) {
      for (const rung of RUNGS) {
        const rng = createRng(rung * 31 + kind.length);
        for (let i = 0; i < 20; i++) {
          const written = writeQuestion(kind, rung, rng);
          expect([written.kind, written.rung], written.question).toEqual([kind, rung]);
          expect(readQuestion(written.question), written.question).toEqual(written);
        }
      }
    }
    expect(readQuestion('What is the capital of France?')).toBeUndefined();
    expect(readQuestion('What is the 9th character of "abc"?')).toBeUndefined();
  });
});

describe('the answer extraction', () => {
  const question = (kind: ExactQuestion['kind'], answer: string): ExactQuestion => ({ kind, rung: 1, question: 'q', answer });

  it('takes the "Answer:" line, decorations forgiven, the one after a correction, or a reply of one short line', () => {
    const cases: [string, string | undefined][] = [
      ['Answer: 42', '42'],
      ['Let me think.\n**Answer:** 42.', '42'],
      ['Answer: 41\nWait, I made a slip.\nAnswer: 42', '42'],
      ['answer : "Tuesday"', 'Tuesday'],
      ['- Answer: `licnep`', 'licnep'],
      ['**Final answer:** 408', '408'],
      ['So my final answer: Tuesday', 'Tuesday'],
      ['  \n\n  Answer:   42  \n\n', '42'],
      ['Answer: **42**.', '42'],
      ['42\n', '42'],
      ['Answer: 42\nThat is all.', '42'],
      ['Answer: "`42`"', '42'],
      ['42', '42'],
      ['The product is 42.\nThat is my final result.', undefined],
      ['Answer:', undefined],
      ['', undefined],
      ['Yes, I am confident it is a Tuesday.', undefined],
      ['Answer: 143001\n\nWait, I mis-added. The correct product is 144,001.', '144,001'],
      ['Answer: 143001\n\nWait, let me check the addition again.', undefined],
      ['The sum is \\boxed{42}.', '42'],
    ];
    expect(cases.map(([reply]) => [reply, extractAnswer(question('arithmetic', '42'), reply)])).toEqual(cases);
  });

  it('leaves unread two answers with no correction between them, alternatives, doubts and the form echoed; agrees with itself across writings', () => {
    const q = question('arithmetic', '3354');
    const reading = (reply: string) => {
      const r = readExactAnswer(q, reply);
      return r.kind === 'read' ? r.value : r.why;
    };
    expect(reading('Answer: 3354\n\nTo verify: ...\n\nAnswer: 3344')).toBe('contradiction');
    expect(reading('Answer: 3354\n\nChecking once more.\n\nAnswer: 3,354')).toBe('3,354');
    expect(reading('Answer: 6 or 7')).toBe('hedge');
    expect(reading('Answer: probably 3354')).toBe('hedge');
    expect(reading('Answer: 3354 (I think)')).toBe('hedge');
    expect(reading('Answer: <your answer>')).toBe('no answer');
    expect(reading('Answer: two')).toBe('two');
    expect(reading('42\n   ')).toBe('42');
    expect(reading('12 345 678')).toBe('12 345 678');
    expect(reading('12  345  678')).toBe('12  345  678');
    expect(reading('Answer: 1\n\nWait, I slipped. Correct answer: 2')).toBe('2');
    expect(reading('Answer: 1\n\nWait, I slipped. The correct answer is 2')).toBe('2');
    expect(readExactAnswer(q, 'Answer: 3354')).toEqual({ kind: 'read', value: '3354', from: 'free text' });
    // Canonical forms: a count in words, padded; text the kind cannot read stays as written, in lower case.
    expect(canonicalAnswer(q, ' two ')).toBe('2');
    expect(canonicalAnswer(q, 'Forty cats')).toBe('forty cats');
    expect(canonicalAnswer(q, '42 cats')).toBe('42 cats');
    expect(canonicalAnswer(question('weekday', 'Tuesday'), 'TUESDAY')).toBe('tuesday');
    expect(isCorrect(question('letter-count', '2'), 'Answer: two')).toBe(true);
  });

  it('checks each kind by its own rule', () => {
    const cases: [ExactQuestion, string, boolean][] = [
      [question('arithmetic', '4312'), 'Answer: 4,312', true],
      [question('arithmetic', '4312'), 'Answer: 4 312', true],
      [question('arithmetic', '4312'), 'Answer: 4313', false],
      [question('arithmetic', '4312'), 'Answer: about 4312', false],
      [question('letter-count', '3'), 'Answer: 3', true],
      [question('letter-count', '3'), 'Answer: three', true],
      [question('reverse', 'licnep'), 'Answer: LICNEP', true],
      [question('reverse', 'licnep'), 'Answer: licenp', false],
      [question('nth-character', 'x'), "Answer: 'x'", true],
      [question('weekday', 'Tuesday'), 'Answer: tuesday', true],
      [question('weekday', 'Tuesday'), 'Answer: Tues', false],
      [question('base', '1011'), 'Answer: 0b1011', true],
      [question('base', '1f'), 'Answer: 0x1F', true],
      [question('base', '1011'), 'Answer: 1011₂', true],
      [question('base', '1011'), 'Answer: 1011 (base 2)', true],
      [question('base', '1011'), 'Answer: 1101', false],
      [question('arithmetic', '42'), 'I cannot work that out.', false],
      [question('arithmetic', '42'), 'The product is 42.\nThat is my result.', false],
      [question('arithmetic', '42'), 'Answer: 42 (I think)', false],
      [question('arithmetic', '42'), 'Answer: 142', false],
      [question('nth-character', 'x'), 'Answer: X', true],
      [question('base', '1011'), 'Answer: 1011_2', true],
      [question('base', '1011'), 'Answer: 10b11', false],
      [question('base', '1011'), 'Answer: 1011 (base 2) or 1101', false],
      [question('base', '1f'), 'Answer: 1f (base 16)', true],
      [question('base', '1f'), 'Answer: 1f_16', true],
      [question('base', '1f'), 'Answer: 1f₁₆', true],
      [question('base', '1011'), 'Answer: 1011(base 2)', true],
      [question('base', '1011'), 'Answer: 1 0 1 1', true],
      [question('base', '11'), 'Answer: 10b1', false],
    ];
    expect(cases.map(([q, reply]) => [q.answer, reply, isCorrect(q, reply)])).toEqual(cases.map(([q, reply, right]) => [q.answer, reply, right]));
  });
});
