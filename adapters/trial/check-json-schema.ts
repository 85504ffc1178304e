import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonSchemaCheck } from '../../src/trial/grade-answer.js';

/** A compiled schema, or why it does not compile; kept per schema object, so a trial compiles its schema once, not once per answer. */
const compiled = new WeakMap<object, ValidateFunction | string>();

/** Checks a value against a JSON Schema with ajv: null when valid, else the first error in words. */
export const checkJsonSchema: JsonSchemaCheck = (schema, value) => {
  const validate = compile(schema);
  if (typeof validate === 'string') return validate;
  return validate(value) ? null : describeError(validate.errors?.[0]);
};

function compile(schema: Record<string, unknown>): ValidateFunction | string {
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached;
  let result: ValidateFunction | string;
  try {
    // An instance per schema: two schemas with the same $id would clash in a shared one.
    // Not strict: teams paste schemas with keywords ajv does not know (formats, examples); those are ignored, not refused.
    result = ajvFor(schema).compile(schema);
  } catch (error) {
    result = `a bad schema (${(error as Error).message})`;
  }
  compiled.set(schema, result);
  return result;
}

/** The draft a schema names in `$schema`; draft-07 (ajv's default) when it names none. */
function ajvFor(schema: Record<string, unknown>): Ajv {
  const options = { strict: false, logger: false } as const;
  const draft = String(schema.$schema ?? '');
  if (draft.includes('2020-12')) return new Ajv2020(options);
  if (draft.includes('2019-09')) return new Ajv2019(options);
  return new Ajv(options);
}

/** Ajv's first error, worded for a person: what is wrong, and where in the answer when it is not the top. */
function describeError(error: ErrorObject | undefined): string {
  if (error === undefined) return 'it does not match the schema';
  const subject = error.instancePath === '' ? 'the answer' : error.instancePath;
  const inside = error.instancePath === '' ? '' : ` in ${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `"${String(params.missingProperty)}" is missing${inside}`;
    case 'additionalProperties':
      return `"${String(params.additionalProperty)}" is not allowed${inside}`;
    case 'enum':
      return `${subject} is not one of ${(params.allowedValues as unknown[]).map((allowed) => JSON.stringify(allowed)).join(', ')}`;
    default:
      return `${subject} ${error.message ?? 'does not match the schema'}`;
  }
}
