/**
 * Validation of user-written settings (provider configs, generator configs) with errors
 * a person can act on: where, which key, what is wrong.
 */
import type { z } from 'zod';

/** `config.reference.skill: Too big: ...`: one schema problem, keyed from `prefix` (which may be empty). */
export function describeIssue(prefix: string, issue: z.core.$ZodIssue): string {
  const where = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  return `${where || '(top)'}: ${issue.message}`;
}

/** Every problem of a failed parse, `; `-separated, keyed from `prefix`. */
export function describeIssues(prefix: string, error: z.ZodError): string {
  return error.issues.map((issue) => describeIssue(prefix, issue)).join('; ');
}

/** Parses `value` with `schema`, or throws `<where>: config.<key>: <problem>; ...`. */
export function parseConfig<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): z.infer<Schema> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new Error(`${where}: ${describeIssues('config', parsed.error)}`);
}
