/**
 * JSON as models write it: inside code fences or prose, with `//` comments, trailing
 * commas, single quotes, Python's `True`/`False`/`None`, unquoted keys. Only what parses
 * after those repairs is returned; nothing is guessed.
 */

/** One JSON value found in a text, with where it sits. */
export interface JsonSpan {
  /** Offsets in the text: `text.slice(start, end)` is the value's source. */
  start: number;
  end: number;
  value: unknown;
}

/** Every balanced top-level `{...}` or `[...]` of the text, in order; quotes are respected only inside them. */
function balancedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const stack: string[] = [];
  let start = -1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      else if (ch === '\n' && quote === "'") quote = undefined; // an apostrophe in prose, not a string
      continue;
    }
    if (stack.length > 0 && (ch === '"' || ch === "'")) {
      quote = ch;
    } else if (ch === '{' || ch === '[') {
      if (stack.length === 0) start = i;
      stack.push(ch === '{' ? '}' : ']');
    } else if (ch === '}' || ch === ']') {
      if (stack.at(-1) !== ch) {
        // A stray closer, or one that does not match: give up on this span and look again from here.
        stack.length = 0;
        continue;
      }
      stack.pop();
      if (stack.length === 0) spans.push({ start, end: i + 1 });
    }
  }
  return spans;
}

/** Python literals, unquoted keys and trailing commas, fixed in code outside strings. */
function repairCode(code: string): string {
  return code
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null')
    .replace(/([{,]\s*)([A-Za-z_][\w-]*)(\s*:)/g, '$1"$2"$3')
    .replace(/,(\s*[}\]])/g, '$1');
}

/**
 * The source with the usual non-JSON habits repaired, string contents untouched: comments
 * removed, single-quoted strings double-quoted, Python literals and unquoted keys fixed,
 * trailing commas dropped.
 */
function repairJson(source: string): string {
  let out = '';
  let code = '';
  const flushCode = (): void => {
    out += repairCode(code);
    code = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'") {
      // A string, re-quoted with double quotes.
      let j = i + 1;
      let body = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\' && j + 1 < source.length) {
          const next = source[j + 1]!;
          body += next === "'" ? "'" : `\\${next}`;
          j += 2;
          continue;
        }
        body += source[j] === '"' ? '\\"' : source[j] === '\n' ? '\\n' : source[j];
        j++;
      }
      flushCode();
      out += `"${body}"`;
      i = j;
    } else if ((ch === '/' && source[i + 1] === '/') || (ch === '#' && /(^|[\s,{[])$/.test(code))) {
      // A line comment, `//` or Python's `#` where a value or key could start.
      while (i < source.length && source[i] !== '\n') i++;
      code += '\n';
    } else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close === -1 ? source.length : close + 1;
    } else {
      code += ch;
    }
  }
  flushCode();
  return out;
}

/** Parses JSON as written, then as repaired; undefined when neither parses. */
export function parseLenientJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    try {
      return JSON.parse(repairJson(source));
    } catch {
      return undefined;
    }
  }
}

/** Every top-level JSON object or array in the text that parses (leniently), in order. */
export function jsonValues(text: string): JsonSpan[] {
  const found: JsonSpan[] = [];
  for (const { start, end } of balancedSpans(text)) {
    const value = parseLenientJson(text.slice(start, end));
    // A span is `{...}` or `[...]`, so what parses is an object or an array.
    if (value !== undefined) found.push({ start, end, value });
  }
  return found;
}
