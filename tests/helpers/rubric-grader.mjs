/**
 * A deterministic grader for model-graded assertions in tests (promptfoo custom provider):
 * a rubric `mentions "X"` passes when the output contains X, in any case. Not a model,
 * and never presented as one: it lets a test run llm-rubric through promptfoo with no key.
 */
export default class RubricGrader {
  id() {
    return 'saydo-test-rubric-grader';
  }

  async callApi(prompt) {
    let text = prompt;
    try {
      const messages = JSON.parse(prompt);
      if (Array.isArray(messages)) text = messages.at(-1).content;
    } catch {
      // A plain-text grading prompt is read as it is.
    }
    const output = /<Output>\n([\s\S]*?)\n<\/Output>/.exec(text)?.[1] ?? '';
    const wanted = /mentions "([^"]+)"/.exec(/<Rubric>\n([\s\S]*?)\n<\/Rubric>/.exec(text)?.[1] ?? '')?.[1];
    const pass = wanted !== undefined && output.toLowerCase().includes(wanted.toLowerCase());
    return { output: JSON.stringify({ pass, score: pass ? 1 : 0, reason: pass ? `mentions ${wanted}` : `does not mention ${wanted}` }) };
  }
}
