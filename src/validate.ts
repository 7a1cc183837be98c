/**
 * Validation of user-written settings (provider configs, generator configs) with errors
 * a person can act on: where, which key, what is wrong.
 */
import type { z } from 'zod';

/** `config.reference.skill: Too big: ...`: one schema problem, keyed from `prefix`. */
export function describeIssue(prefix: string, issue: z.core.$ZodIssue): string {
  return `${prefix}${issue.path.map((key) => `.${String(key)}`).join('')}: ${issue.message}`;
}

/** Parses `value` with `schema`, or throws `<where>: config.<key>: <problem>; ...`. */
export function parseConfig<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): z.infer<Schema> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => describeIssue('config', issue)).join('; ');
  throw new Error(`${where}: ${details}`);
}
