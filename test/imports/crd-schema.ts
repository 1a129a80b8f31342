/**
 * Validation of custom resources against the structural schemas in src/imports/*.schema.json
 * (written by scripts/import-crds.ts), with ajv.
 *
 * Stricter than the API server in one way on purpose: a field the schema does not declare is an
 * error here, where the API server would prune it silently (and so lose what we meant to say).
 * The Kubernetes extensions are handled as follows:
 * - x-kubernetes-int-or-string: the schemas carry `anyOf: [integer, string]` beside it;
 * - x-kubernetes-preserve-unknown-fields: lets undeclared fields through;
 * - x-kubernetes-list-type set / map (with list-map-keys): items, or their keys, must be unique;
 * - x-kubernetes-validations: the CEL rules these schemas use, by their exact text (an unknown rule
 *   fails at compile time, so a new rule upstream is noticed, not skipped);
 * - formats int32, int64, byte and date-time are checked; x-kubernetes-map-type and
 *   x-kubernetes-embedded-resource are annotations only.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

type Schema = Record<string, any>;

/** One src/imports/<module>.schema.json file. */
export interface CrdSchemaFile {
  readonly group: string;
  readonly kind: string;
  readonly versions: Record<string, Schema>;
}

/** JavaScript versions of the CEL rules found in the imported schemas, keyed by the rule text. */
const CEL_RULES: Record<string, (self: any) => boolean> = {
  'has(self.minAvailable) || has(self.maxUnavailable)':
    self => self.minAvailable !== undefined || self.maxUnavailable !== undefined,
  '!(has(self.minAvailable) && has(self.maxUnavailable))':
    self => !(self.minAvailable !== undefined && self.maxUnavailable !== undefined),
  '(has(self.tpp) ? 1 : 0) + (has(self.cloud) ? 1 : 0) + (has(self.ngts) ? 1 : 0) == 1':
    self => ['tpp', 'cloud', 'ngts'].filter(k => self[k] !== undefined).length === 1,
};

const INT32 = { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 } as const;
const INT64 = { type: 'number', validate: (n: number) => Number.isSafeInteger(n) } as const;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
  ajv.addFormat('int32', INT32);
  ajv.addFormat('int64', INT64);
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat('date-time', RFC3339);
  for (const annotation of [
    'x-kubernetes-int-or-string', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource',
    'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-list-map-keys',
  ]) {
    ajv.addKeyword({ keyword: annotation });
  }
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    type: 'array',
    schemaType: 'string',
    compile: (listType: string, parent: Schema) => {
      const keys: string[] = parent['x-kubernetes-list-map-keys'] ?? [];
      return (items: any[]) => {
        if (listType === 'atomic') return true;
        const identities = items.map(item => JSON.stringify(listType === 'map' ? keys.map(k => item?.[k]) : item));
        return new Set(identities).size === identities.length;
      };
    },
    error: { message: cxt => `items are not unique by ${cxt.schema === 'map' ? 'their list-map keys' : 'value'} (x-kubernetes-list-type: ${cxt.schema})` },
  });
  ajv.addKeyword({
    keyword: 'x-kubernetes-validations',
    schemaType: 'array',
    compile: (rules: { rule: string; message?: string }[]) => {
      const checks = rules.map(r => {
        const check = CEL_RULES[r.rule];
        if (!check) throw new Error(`no JavaScript version of the CEL rule ${JSON.stringify(r.rule)}: add it to CEL_RULES`);
        return check;
      });
      return (self: any) => checks.every(check => check(self));
    },
    error: { message: cxt => `fails a CEL rule: ${JSON.stringify((cxt.schema as any[]).map(r => r.message ?? r.rule))}` },
  });
  return ajv;
}

/**
 * The schema as JSON Schema with undeclared fields rejected: `additionalProperties: false` wherever
 * `properties` is given and neither additionalProperties nor preserve-unknown-fields is.
 */
export function closedSchema(schema: Schema): Schema {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closedSchema(sub as Schema)]));
    } else if (key === 'default' || key === 'enum' || key === 'x-kubernetes-validations') {
      out[key] = value;
    } else {
      out[key] = closedSchema(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

/** A validator for one served version of a CRD. */
export class CrdValidator {
  private readonly validateFn: ValidateFunction;

  constructor(private readonly file: CrdSchemaFile, public readonly version: string) {
    const schema = file.versions[version];
    if (!schema) throw new Error(`${file.kind}.${file.group} serves no version ${version}`);
    this.validateFn = makeAjv().compile(closedSchema(schema));
  }

  /** Problems of one object, one line each as `<path>: <message>`; empty when valid. */
  public problems(obj: unknown): string[] {
    const problems: string[] = [];
    const o = obj as any;
    if (o?.apiVersion !== `${this.file.group}/${this.version}`) problems.push(`/apiVersion: not ${this.file.group}/${this.version}`);
    if (o?.kind !== this.file.kind) problems.push(`/kind: not ${this.file.kind}`);
    if (!this.validateFn(obj)) problems.push(...(this.validateFn.errors ?? []).map(describe));
    return problems;
  }

  /** Throws with every problem if the object is not valid. */
  public validate(obj: unknown): void {
    const problems = this.problems(obj);
    if (problems.length > 0) {
      throw new Error(`${this.file.kind} ${(obj as any)?.metadata?.name ?? ''} is not valid:\n  ${problems.join('\n  ')}`);
    }
  }
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown field ${JSON.stringify(e.params.additionalProperty)}`;
  if (e.keyword === 'enum') return `${where}: ${e.message} ${JSON.stringify(e.params.allowedValues)}`;
  return `${where}: ${e.message}`;
}
