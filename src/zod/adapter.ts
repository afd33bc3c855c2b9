/** Turns any core check `(input) => Result<T>` into a zod 4 schema. The schema adds no rule of its own. */
import { z } from 'zod';
import type { Issue, Result } from '../core/result.js';

/** What `fromResult` puts in a zod custom issue's `params`: our code, severity and facts. */
export interface PreflightZodParams {
  /** The pic-preflight issue code, e.g. `fqdn.label_too_long`. */
  code: Issue['code'];
  severity: Issue['severity'];
  /** The issue's structured facts, when it has any. */
  params?: Issue['params'];
  /** The concrete fix, when there is one. */
  hint?: string;
}

/** What `fromResult` makes: a schema with input `unknown` and output `T`. */
export type ResultSchema<T> = z.ZodPipe<z.ZodUnknown, z.ZodTransform<Awaited<T>, unknown>>;

/** Options of `fromResult`. */
export interface FromResultOptions {
  /**
   * Metadata for the schema (zod's `.meta()`): `description`, and JSON Schema keywords such as
   * `{ type: 'string', format: 'hostname' }` that `z.toJSONSchema(schema, { io: 'input' })` emits.
   * @default undefined
   */
  meta?: Record<string, unknown>;
}

/**
 * Our issue as a zod custom issue: the path (relative to the schema), our code in `params.code`,
 * the facts in `params.params`, and the message. zod reads error maps only for issues without a
 * message, so the message is chosen here, the zod way: zod's global error map
 * (`z.config({ customError })`) first, given the issue with `params.code`; our English message when
 * it returns nothing.
 */
export function toZodIssue(issue: Issue, input: unknown): z.core.$ZodRawIssue {
  const params: PreflightZodParams = { code: issue.code, severity: issue.severity };
  if (issue.params !== undefined) params.params = issue.params;
  if (issue.hint !== undefined) params.hint = issue.hint;
  const raw: z.core.$ZodRawIssue = { code: 'custom', path: issue.path, params, input };
  return { ...raw, message: customMessage(raw) ?? issue.message };
}

/** What zod's global error map says about an issue, if anything. */
function customMessage(raw: z.core.$ZodRawIssue): string | undefined {
  const map = z.config().customError;
  if (map === undefined) return undefined;
  const answer = map(raw as Parameters<typeof map>[0]);
  if (typeof answer === 'string') return answer;
  return answer !== null && typeof answer === 'object' && typeof answer.message === 'string'
    ? answer.message
    : undefined;
}

/**
 * Makes a zod schema from a core check: parsing calls `check`, outputs its normalised value, and
 * reports each error issue as a zod custom issue with `params.code` and our path. Warnings and infos
 * do not fail a parse (call the core function to see them).
 * @param check a core check such as `checkFqdn`; it must accept `unknown` and never throw
 * @param options `meta` for documentation and JSON Schema
 * @returns a schema with input `unknown` and output `T`
 * @example const fqdnSchema = fromResult((input) => checkFqdn(input), { meta: { type: 'string' } });
 */
export function fromResult<T>(
  check: (input: unknown) => Result<T>,
  options?: FromResultOptions,
): ResultSchema<T> {
  const schema = z.unknown().transform((input, ctx) => {
    const result = check(input);
    if (result.ok) return result.value;
    for (const issue of result.issues) {
      if (issue.severity === 'error') ctx.addIssue(toZodIssue(issue, input));
    }
    return z.NEVER;
  });
  return options?.meta === undefined ? schema : schema.meta(options.meta);
}
