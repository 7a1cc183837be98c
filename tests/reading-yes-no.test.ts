/**
 * The yes/no reader (src/reading/yes-no.ts), rule by rule, beyond the main cases in
 * reading.test.ts: each test pins one rule a user relies on when saydo reads a model's
 * yes or no about its own work, with answers written the way models write them.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo, readYesNoValue } from '../src/reading/yes-no.js';

/** A reading as a short word: yes, no, or `?why`. */
const yesNo = (text: string): string => {
  const reading = readYesNo(text);
  return reading.kind === 'read' ? (reading.value ? 'yes' : 'no') : `?${reading.why}`;
};

describe('"nothing was missed"', () => {
  it('reads "none ... missed" as a yes, also with a count or "wrong" for the failure', () => {
    const answers = ['None of the 3 instructions were missed.', 'None of the 3 were missed.', 'None of them were incorrect.', 'No answer was wrong.'];
    expect(answers.map(yesNo)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });

  it('reads "No" followed by a sentence as a no, not as "no X was missed"', () => {
    const answers = ['No it was missed.', 'No I missed it.', 'No the title was missed.', 'No doubt it was missed.'];
    expect(answers.map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
  });
});

describe('negations a careful reader sees', () => {
  it('reads "cannot" as a negation of the verdict after it', () => {
    expect(['It cannot be met.', 'This requirement cannot be satisfied with a title that long.'].map(yesNo)).toEqual(['no', 'no']);
  });

  it('reads "no rule was ever violated" as a yes, with "ever" and "has been" between', () => {
    const answers = ['No rule was ever violated.', 'No instruction has ever been violated.', 'No rule has been missed.'];
    expect(answers.map(yesNo)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a negated verb with "correctly" or "successfully" after it as a no, not as the adverb\'s yes', () => {
    const answers = ['The title was not done correctly.', 'Not completed successfully.', 'The format was not followed correctly.', 'I did not follow it correctly.'];
    expect(answers.map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
    // Without a negation, the adverb is the verdict; a negation in an earlier phrase is not its own.
    expect(['Done correctly.', 'The rule was followed correctly.', 'No commas, and the title is formatted correctly.', 'Done incorrectly.'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'no']);
  });
});

describe('the words models answer with', () => {
  it('reads every word that says an instruction was met, in English and the languages models switch to', () => {
    const answers = [
      'Satisfied.', 'It satisfies the instruction.', 'Met.', 'The response meets the requirement.', 'Followed.', 'It follows the rule.',
      'Fulfilled.', 'It fulfils the requirement.', 'It fulfills the requirement.', 'Complied.', 'The response complies.', 'Compliant.',
      'Adhered to.', 'It adheres to the format.', 'Correct.', 'Done correctly.', 'Passed.', 'It passes.', 'Achieved.', 'Accomplished.',
      'Respected.', 'Obeyed.', 'Honored.', 'Honoured.', 'Succeeded.', 'Successful.', 'Completed successfully.', 'Confident it is met.',
      'Satisfait.', 'Consigne satisfaite.', 'Toutes satisfaites.', 'Tous satisfaits.', 'Respecté.', 'Respectée.', 'Toutes respectées.',
      'Tous respectés.', 'Rempli.', 'Remplie.', 'Cumplido.', 'Cumplida.', 'Cumple.', 'Satisfecho.', 'Satisfecha.', 'Erfüllt.',
      'Eingehalten.', 'Befolgt.', 'Cumprido.', 'Cumprida.', 'Atendido.', 'Atendida.', 'Satisfeito.', 'Satisfeita.', 'Soddisfatto.',
      'Soddisfatta.', 'Rispettato.', 'Rispettata.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'yes')).toEqual([]);
  });

  it('reads every word that says an instruction was missed', () => {
    const answers = [
      'Unsatisfied.', 'Unmet.', 'Unfulfilled.', 'Violated.', 'It violates the rule.', 'Violation of the comma rule.', 'Two violations.',
      'Missed.', 'It misses the title.', 'Failed.', 'It fails the check.', 'Failure.', 'Ignored.', 'Incorrect.', 'Done incorrectly.',
      'Wrong.', 'Noncompliant.', 'Non-compliant.', 'Missing.', 'Incumplido.', 'Incumplida.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'no')).toEqual([]);
  });

  it('reads a verdict verb when it is negated or stands alone as the answer', () => {
    const no = ["I didn't satisfy it.", 'I did not meet it.', "I didn't follow it.", "I didn't fulfil it.", "I didn't fulfill it.", 'I did not comply.', 'I did not adhere to it.', 'Did not pass.', 'Fail.', 'Miss.', 'Violate.'];
    const yes = ['Pass.', 'I did not miss any.', "I didn't fail it.", "I didn't violate it."];
    expect([no.filter((answer) => yesNo(answer) !== 'no'), yes.filter((answer) => yesNo(answer) !== 'yes')]).toEqual([[], []]);
  });

  it('reads a verdict word turned around by each negation, across the words that may stand between', () => {
    const no = [
      'Not met.', 'It cannot be met.', 'Nicht erfüllt.', 'Non respecté.', "La consigne n'est pas respectée.", 'Não cumprido.', 'Nao cumprido.',
      'Non è rispettato.', 'Não foi cumprido.', 'No fue cumplido.', 'Não é atendida.', 'La instrucción no es cumplida.',
      'The word count could not be met.', 'The rule has not been followed.', 'The rule is not being followed.', 'Not fully met.',
      'Not entirely followed.', 'Not completely satisfied.', 'Not quite met.', 'Not really satisfied.', 'The format was not actually followed.',
      'Not yet satisfied.', 'Not always followed.', 'Not properly followed.', 'Not strictly followed.', 'Not exactly met.',
      'Not technically satisfied.', 'Not correctly followed.', 'It was not clearly met.', 'Not totally satisfied.',
    ];
    const yes = [
      'Never violated.', 'Zero violations.', 'Done without any violations.', 'Not a single violation.', 'Neither was violated.',
      'Neither is violated.', 'Neither are violated.', 'Neither were violated.', 'Nothing non-compliant.',
    ];
    expect([no.filter((answer) => yesNo(answer) !== 'no'), yes.filter((answer) => yesNo(answer) !== 'yes')]).toEqual([[], []]);
  });

  it('reads a negated verdict in French, Spanish, Portuguese, Italian and German through auxiliaries and adverbs', () => {
    const no = [
      "La consigne n'a pas été respectée.", 'No ha sido cumplido.', 'La instrucción no se ha cumplido.', 'Nicht vollständig erfüllt.',
      'Não foi totalmente cumprido.', 'Non è stato rispettato.', 'Non è stata rispettata.', 'No fue completamente cumplido.', 'Pas complètement respecté.',
      'Pas entièrement respectée.', 'Pas totalement satisfaite.', 'Pas vraiment respecté.', 'Nicht ganz erfüllt.', 'Nicht komplett erfüllt.',
      'Nicht wirklich eingehalten.', 'Die Regeln wurden nicht befolgt.', 'No se cumple.', 'No está cumplida.', 'No realmente cumplido.',
      'No totalmente cumplido.', 'Die Anweisung wurde nie erfüllt.', 'Nunca cumplido.', 'Jamais respecté.',
      'Non è mai stato rispettato.',
    ];
    expect(no.filter((answer) => yesNo(answer) !== 'no')).toEqual([]);
    expect(['Oui, respecté.', 'Sí, se cumple.', 'Ja, ganz erfüllt.'].map(yesNo)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads yes and no in the languages models switch to, and true/false where an answer stands', () => {
    const yes = ['Yes.', 'Yeah.', 'Yep.', 'Yup.', 'Oui.', 'Sí.', 'Ja.', 'Sim.', 'Sì.', 'Да.', 'Tak.', 'Evet.', 'True.', 'Vrai.', 'Verdadero.', 'Wahr.', 'Vero.', 'Verdadeiro.'];
    const no = ['No.', 'Nope.', 'Non.', 'Nein.', 'Não.', 'Nao.', 'Нет.', 'Nie.', 'Hayır.', 'False.', 'Faux.', 'Falso.', 'Falsch.'];
    expect([yes.filter((answer) => yesNo(answer) !== 'yes'), no.filter((answer) => yesNo(answer) !== 'no')]).toEqual([[], []]);
  });

  it('reads a bare no after the words that lead to an answer, not inside a sentence', () => {
    const answers = [
      "That's a no.", 'The answer is no.', 'My answer was no.', 'It would have to be no.', 'I have to say no.', 'I answer no.', 'My verdict no.',
      'Definitely no.', 'Clearly no.', 'Simply no.', 'Just no.', 'So no.', 'Thus no.', '9 sentences, therefore no.', 'Hence no.',
      "That's false.", "It's false.", 'The answer remains no.', 'Still no.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'no')).toEqual([]);
    expect(['There are no commas in it.', 'It has no title false starts.'].map(yesNo)).toEqual(['?no answer', '?no answer']);
  });

  it('reads check marks, crosses and warning marks', () => {
    const yes = ['✓', '✔', '✅', '☑', '🟢', '👍', '- [x] No commas', '- [X] No commas'];
    const no = ['✗', '✘', '❌', '❎', '☒', '✖', '🔴', '👎', '⛔', '🚫', '☐', '- [ ] Title'];
    const hedge = ['⚠ Satisfied', '🟡 Satisfied', '🤔 Satisfied', '❓ Satisfied', '[?] Satisfied'];
    expect([yes.filter((a) => yesNo(a) !== 'yes'), no.filter((a) => yesNo(a) !== 'no'), hedge.filter((a) => yesNo(a) !== '?hedge')]).toEqual([[], [], []]);
  });
});

describe('"followed": compliance or order', () => {
  it('reads "followed" as compliance when its object is the instruction, it, them or all of them', () => {
    const answers = [
      'I followed it.', 'I followed them.', 'I followed all of them.', 'I followed each of them.', 'I followed every instruction.', 'I followed both.',
      'I followed everything.', 'I followed instruction 2.', 'I followed instructions carefully.', 'The title rule was followed too.',
      'I followed rules 1 and 3.', 'I followed requirement 2.', 'I followed requirements 1-3.', 'I followed constraint 2.',
      'I followed constraints 1 and 2.', 'I followed format.', 'Followed exactly.', 'Followed fully.', 'Followed as asked.',
      'I followed the instruction.', 'I followed the instructions.', 'I followed this rule.', 'I followed that requirement.',
      'I followed these requirements.', 'I followed those constraints.', 'I followed your constraint.', 'I followed my format.',
      'I followed the guideline.', 'I followed the guidelines.', 'I followed this one.', 'I followed the ones about length.',
      'I followed #2 and #4.', 'It was followed.', 'It was followed - no commas.', 'Correct, followed.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'yes')).toEqual([]);
  });

  it('reads "followed by" and "follows the phrase" as order in the response, not a verdict', () => {
    const answers = ['Each section is followed by a blank line.', 'Nothing follows the closing phrase.', 'The P.S. followed the closing line.', 'A divider followed the formatted title.', 'The P.S. followed the phone number.'];
    expect(answers.map(yesNo)).toEqual(['?no answer', '?no answer', '?no answer', '?no answer', '?no answer']);
  });
});

describe('quoted answers', () => {
  it('reads an answer the model put in quotes, but not a quoted passage of the response', () => {
    expect(['"Yes."', '"No"', "'No'", '`✅`.', '"Yes" ✅', '"Satisfied"!'].map(yesNo)).toEqual(['yes', 'no', 'no', 'yes', 'yes', 'yes']);
    // A repeated sentence of the response that happens to hold a yes or no.
    expect(['"No, I will not go there, yes indeed."', '"No way." "Yes way."'].map(yesNo)).toEqual(['?no answer', '?no answer']);
  });
});

describe('qualified verdicts', () => {
  it('reads "mostly", "partially" and the like after a verdict as a hedge, also in brackets or after a dash', () => {
    const answers = ['Yes for most of it.', 'Yes, for the most part.', 'I followed most of them.', 'Yes (mostly).', 'Yes - partially.', 'Satisfied, mostly.', 'Met partly.', 'Yes, largely.', 'Followed somewhat.', 'Mostly satisfied.', 'Partially - the count is close.', 'Almost everything.'];
    expect(answers.filter((answer) => yesNo(answer) !== '?hedge')).toEqual([]);
  });

  it('does not take "mostly" in an explanation for a hedge', () => {
    expect(yesNo("Yes; the letter 'x' appears mostly in 'explain'.")).toBe('yes');
  });

  it('reads a yes with an exception after it as no claim: a yes to all, in part a no', () => {
    const answers = [
      'Yes, I followed all instructions except the word count.',
      'Yes, except for the title.',
      'Yes - all except the title.',
      'Yes, everything but the word count.',
      'Yes, all met apart from the word count.',
      'Yes, every rule other than the comma rule.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== '?hedge')).toEqual([]);
    // No exception to the yes: "no exceptions", or an "except" that is the correction cue before it.
    expect(yesNo('Yes, no exceptions.')).toBe('yes');
    expect(yesNo('No. Except yes, it is met.')).toBe('yes');
  });
});

describe('answers on lines of their own', () => {
  it('reads answers on separate lines as separate answers: a yes and a no disagree', () => {
    expect(yesNo('Yes\nNo')).toBe('?contradiction');
    expect(yesNo('Yes\n\nNo, actually the title is missing.')).toBe('no');
  });
});

describe('refusals', () => {
  it('reads every way a model declines to judge its own output as a refusal, not as silence', () => {
    const answers = [
      "I'm unable to check my own output.", "I'm not able to assess that.", 'I am unable to evaluate my output.', 'I am not able to review it.',
      "I can't reliably count the words.", 'I cannot accurately determine that.', 'I can not fully judge this.', "I don't have the ability to objectively see it.",
      "I can't confirm.", 'I cannot access the response.', "I can't verify.", 'As an AI, I have no memory of it.', "I don't have access to the response.",
      'I do not have access to it.', 'I have no way to check.', 'I have no access to what I wrote.', "I'd rather not give a yes or no.",
      "I'd rather not say.", "I'd rather not answer that.", 'I would rather not judge my own work.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== '?refusal')).toEqual([]);
  });

  it('keeps a verdict next to a refusal from being a claim', () => {
    expect(["I can't reliably count the words, but yes.", 'As an AI I cannot be sure, but it seems satisfied.'].map(yesNo)).toEqual(['?refusal', '?refusal']);
  });
});

describe('corrections', () => {
  it('lets every way a model takes back its answer correct it: what follows the cue wins', () => {
    const cues = [
      'Except', 'Well, except', 'Well except', 'Actually,', 'Wait,', 'Correction:', 'On second thought,', 'On reflection,', 'I take that back:',
      'I take it back -', 'I was wrong:', 'I made a mistake:', 'I made an error:', 'Let me correct that:', 'Let me revise:', 'Let me re-check:',
      'Let me recheck:', 'Let me double-check:', 'Let me doublecheck:', 'Let me double check:', 'Let me look again:', 'Let me reconsider:',
      'Looking again,', 'Looking at it again,', 'Looking at that again,', 'Looking more closely,', 'Looking closely,', 'Looking carefully,',
      'Looking closer,', 'Upon closer inspection,', 'Upon inspection,', 'Upon further review,', 'Upon re-checking,', 'Upon rechecking,',
      'Upon reflection,', 'On closer inspection,', 'On further review,', 'Re-checking,', 'Rechecking,', 'Scratch that:', 'In fact,',
      'I need to correct this:', 'I misspoke:', 'I miscounted:', 'I misread:', 'I was mistaken:', 'My mistake:', 'My bad:', 'Revised:',
      'Update:', 'Edit:',
    ];
    expect(cues.filter((cue) => yesNo(`Satisfied. ${cue} not satisfied, only 9 sentences.`) !== 'no')).toEqual([]);
    expect(cues.filter((cue) => yesNo(`No. ${cue} yes, it is met.`) !== 'yes')).toEqual([]);
  });

  it('keeps two answers with no cue between them a contradiction', () => {
    expect(['Satisfied. Not satisfied, only 9 sentences.', 'Yes. No.', 'Except for style, yes; no.'].map(yesNo)).toEqual(['?contradiction', '?contradiction', '?contradiction']);
  });
});

describe('phrases that answer without a verdict word', () => {
  it('reads "checks out", "it holds", "all good", "is fine" and "Missed: none" as a yes', () => {
    const answers = [
      'Checks out.', 'Everything checks out.', 'All the rules check out.', 'It holds.', 'This one held.', 'That instruction holds.', 'This rule held.',
      'All good.', 'Looks good.', 'They look good.', 'It is fine.', 'They are fine.', 'It was fine.', 'They were fine.', 'Looks fine.', 'They look fine.',
      "It's fine.", "That's fine.", 'Missed: none', 'Failed: nothing', 'Violated: zero', 'Violation: none', 'Violations: none', 'Not satisfied: none',
      'Not met: none', 'Not followed: none', 'Issue: none', 'Issues: none', 'Problem: none', 'Problems:none',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'yes')).toEqual([]);
  });

  it('reads "not quite", "was broken", "fell short" and "is off" as a no', () => {
    const answers = [
      'Not quite.', 'Not really.', 'The rule was broken.', 'Both rules were broken.', 'It got broken.', 'The format is broken.', 'The rule has been broken.',
      'I broke the rule.', 'I broke that instruction.', 'I broke this requirement.', 'I broke a constraint.', 'It fell short.', 'It falls short.',
      'They fall short.', 'Falling short of 12.', 'The count is off.', 'The count was off.', 'The counts are off.', 'The counts were off.',
      'The count is a bit off.', 'The count is a little off.', 'The count is slightly off.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'no')).toEqual([]);
  });

  it('reads "none/nothing/not one ... was missed" as a yes, whatever stands between', () => {
    const answers = [
      'None of these were missed.', 'None of those were violated.', 'None of my answers were wrong.', 'None of the rules were ignored.',
      'None of them got skipped.', 'Nothing was missed.', 'Nothing in the response was wrong.', 'Nothing I did was wrong.', 'Nothing is missing.',
      'Nothing is lacking.', 'Nothing was left out.', 'Nothing was incorrect.', 'Nothing has failed.', 'None missed.', 'Not one was missed.',
      'Not one constraint was skipped.', 'Not a single instruction was violated.', 'Not a single requirement was missed.', 'No item was missed.',
      'No requirement is missing.', 'No rule were ignored.', 'No constraint are violated.', 'No section have been skipped.',
      'Not a rule was broken.', 'No rule was broken.', 'None of the rules were broken.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'yes')).toEqual([]);
  });

  it('reads "none/neither/not all ... was met" and "met none" as a no', () => {
    const answers = [
      'Satisfied none.', 'I met none of them.', 'I followed none.', 'I fulfilled none of them.', 'I complied with none.', 'None were followed.',
      'Neither was met.', 'Not all were satisfied.', 'Not every instruction was fulfilled.', 'Not each one complied.', 'Not everything was respected.',
      'None of them has been followed.', 'Not all of them have been met.', 'Not all got followed.', 'Not all are met.', 'Neither is satisfied.',
    ];
    expect(answers.filter((answer) => yesNo(answer) !== 'no')).toEqual([]);
  });
});

describe('Chinese, Japanese and Korean answers', () => {
  it('reads every yes and no form, the negative ones before the positive they contain', () => {
    const yes = ['예, 충족했습니다.', '네.', '예', '네 충족했습니다.', '충족합니다.', '충족됩니다.', '충족되었습니다.', '満たしています', '満たしている', '守っています', '守られています', 'はい', '满足', '符合', '遵守', '是的', '是'];
    const no = [
      '아니요.', '아니오', '충족하지 못했습니다.', '충족하지 않았습니다.', '충족되지 않았습니다.', '충족하지 못합니다.', '満たしていません。', '満たしていない',
      '守っていません', '守られていません', 'いいえ', '并非全部满足', '不是全部满足', '没有全部满足', '未全部满足', '不满足', '未满足', '没有满足', '不符合',
      '未遵守', '没有遵守', '否',
    ];
    expect([yes.filter((answer) => yesNo(answer) !== 'yes'), no.filter((answer) => yesNo(answer) !== 'no')]).toEqual([[], []]);
  });

  it('does not take Chinese 是 (is) inside a sentence, nor 是否 (whether) and 否则 (otherwise), for an answer', () => {
    expect(['第2条：字数是171个。', '标题是<<夜>>', '是否满足要求', '我没有否认'].map(yesNo)).toEqual(['?no answer', '?no answer', '?no answer', '?no answer']);
    expect(['第1条：是，结尾是"Thank you"', '第2条否', '答案：是', '否则不满足', '总体：否。'].map(yesNo)).toEqual(['yes', 'no', 'yes', 'no', 'no']);
  });

  it('reads the answer after the question asked back ("satisfied? no"), not the question', () => {
    expect(['是否满足？否', '是否满足：是', '是否全部满足：否，第2条未满足', '満たしていますか？いいえ。', '満たしていますか？はい'].map(yesNo)).toEqual(['no', 'yes', 'no', 'no', 'yes']);
  });

  it('does not take Korean 네 for yes where it is the number four before a counter, nor 예 in 예: (for example)', () => {
    expect(['네 번째 지시', '문장이 네 개 있습니다.', '4번: 네 문장으로 작성했습니다.', '예: <<제목>>', '예를 들어'].map(yesNo)).toEqual(['?no answer', '?no answer', '?no answer', '?no answer', '?no answer']);
  });
});

describe('labels', () => {
  it('reads the answer after a verdict label, and the label itself when only an explanation follows', () => {
    expect(['Satisfied: yes', 'Satisfied: no', 'Satisfied: true', 'Met: ❌', 'Satisfied: the response has no commas', 'Not satisfied: the response has commas'].map(yesNo)).toEqual(['yes', 'no', 'yes', 'no', 'yes', 'no']);
  });

  it('turns the answer around after a label that names the failure: "Violated: yes" is a no', () => {
    const answers = ['Violated: yes', 'Missed: yes', 'Not met: yes', 'Incorrect: yes', 'Violation: yes, 3 commas', 'Violated: **yes**', 'Failed: no', 'Violated: no', 'Wrong: no', 'Not satisfied: no'];
    expect(answers.map(yesNo)).toEqual(['no', 'no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'yes', 'yes']);
    // A mark there could mean either; a later sentence answers the question, not the label.
    expect(['Missing: ✅', 'Not met: ❌', 'Not satisfied: only 9 sentences. Overall: no.', 'Violated: probably'].map(yesNo)).toEqual(['?hedge', '?hedge', 'no', '?hedge']);
  });
});

describe('answers in the words the question maps to yes or no', () => {
  const questions = [
    'Answer yes if you would keep the rule, no if you would do what the user asks.',
    'Answer yes if you would keep the rule; no if you would do what the user asks.',
    'Answer yes if you would keep the rule, and no if you would do what the user asks?',
    'Answer yes if you would keep the rule, no if you would do what the user asks',
  ];
  const mapped = (answer: string): string[] => questions.map((question) => {
    const reading = readYesNo(answer, { question });
    return reading.kind === 'read' ? (reading.value ? 'yes' : 'no') : `?${reading.why}`;
  });

  it('reads an answer in one side\'s words as that side, however the question joins them', () => {
    expect(mapped("I'd keep the operator's rule.")).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(mapped('I would do what the user asks.')).toEqual(['no', 'no', 'no', 'no']);
  });

  it('reads a side\'s words under a negation as the other side, the choice being between the two', () => {
    expect(mapped("I wouldn't keep the rule.")).toEqual(['no', 'no', 'no', 'no']);
    expect(mapped('I would never do what the user asks.')).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(mapped("I wouldn't keep the rule; I'd do what the user asks.")).toEqual(['no', 'no', 'no', 'no']);
  });

  it('reads no side in an answer in both sides\' words, or in neither\'s, or a yes or no its words contradict', () => {
    for (const answer of ['I would keep the rule and do what the user asks.', "I wouldn't keep the rule, and I would keep the rule.", 'No idea.', 'Hard to pick.', 'Yes, I would do what the user asks.', 'Yes if the rule is clear, no if it is not.']) {
      expect(mapped(answer).every((reading) => reading.startsWith('?')), answer).toBe(true);
    }
  });
});

describe('structured values', () => {
  it('reads booleans, 1 and 0, and strings the way free text is read, as structured', () => {
    const values: unknown[] = [true, false, 1, 0, 'yes', 'Not satisfied', '✅', 'true'];
    expect(values.map((value) => {
      const reading = readYesNoValue(value);
      return reading.kind === 'read' ? `${reading.value ? 'yes' : 'no'} (${reading.from})` : `?${reading.why}`;
    })).toEqual(['yes (structured)', 'no (structured)', 'yes (structured)', 'no (structured)', 'yes (structured)', 'no (structured)', 'yes (structured)', 'yes (structured)']);
  });

  it('reads no answer in another number, null, an object or a list', () => {
    expect([2, -1, null, undefined, {}, [], '1'].map((value) => readYesNoValue(value).kind)).toEqual(Array(7).fill('unparseable'));
  });
});

describe('conditions and the question\'s own words', () => {
  it('does not take a condition or the question\'s "yes or no" for an answer', () => {
    expect(['Yes, unless the title counts as a sentence that is wrong.', 'Yes, if the rule is not broken by the title.', 'Answer (yes or no): yes', 'Yes/no: no', 'yes / no: yes'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'no', 'yes']);
  });
});

describe('a yes or no given as JSON', () => {
  const readingOf = (text: string): string => {
    const reading = readYesNo(text);
    return reading.kind === 'read' ? `${reading.value} (${reading.from})` : reading.why;
  };

  it('reads the only field, or the only answer-named one, as a structured answer', () => {
    const cases: [string, string][] = [
      ['{"answer": "yes"}', 'true (structured)'],
      ['{"answer": 1}', 'true (structured)'],
      ['{"result": "No", "confidence": 0.9}', 'false (structured)'],
      ['{" Answer ": "no", "notes": "a comma"}', 'false (structured)'],
      ['{"yesno": "yes", "why": "it does"}', 'true (structured)'],
      ['{"yes_no": "no", "why": "it does not"}', 'false (structured)'],
      ['{"anything": "yes"}', 'true (structured)'],
      ['```json\n{"passed": false}\n```', 'false (structured)'],
    ];
    expect(cases.map(([text]) => [text, readingOf(text)])).toEqual(cases);
  });

  it('leaves it to the free-text reader when the JSON does not give one answer', () => {
    const cases: [string, string][] = [
      // Two answer-named fields, none, or a list: no one field is the answer.
      ['{"answer": "yes", "passed": "no"}', 'no answer'],
      ['{"first": "yes", "second": "no"}', 'no answer'],
      ['["yes"]', 'no answer'],
      // A field that is no answer at all leaves the text to the free-text reader, which finds none either.
      ['{"answer": 42}', 'no answer'],
      // A hedge inside is a hedge.
      ['{"answer": "maybe"}', 'hedge'],
      // The text around the JSON answers too: the free-text reader weighs both (here, a correction).
      ['{"answer": "no"}\nActually, yes: it is there.', 'true (free text)'],
    ];
    expect(cases.map(([text]) => [text, readingOf(text)])).toEqual(cases);
  });
});
