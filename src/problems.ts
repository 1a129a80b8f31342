/**
 * Validation problems: what is wrong, in which field, and how to fix it.
 *
 * Checks never throw: they add problems to a list, so that one synth reports every mistake of a
 * construct at once. cdk8s prefixes each message with the construct path.
 */

/** One thing wrong with the input. */
export interface Problem {
  /** The prop or field at fault, for example `sidecarContainers[0].ports[1].containerPort`. */
  readonly field: string;
  /** What is wrong. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
}

/**
 * Renders a problem as one line: `<field>: <message>. Fix: <fix>`. Line breaks in user text are
 * written `\n`, so that one problem is always one line.
 */
export function formatProblem(problem: Problem): string {
  return `${problem.field}: ${problem.message}. Fix: ${problem.fix}`
    .replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Collects problems; checks take one and add to it. */
export class Problems {
  private readonly items: Problem[] = [];

  /** Records a problem. */
  public add(field: string, message: string, fix: string): void {
    this.items.push({ field, message, fix });
  }

  /** Whether a problem was recorded at this field (a later check can leave the field to it). */
  public has(field: string): boolean {
    return this.items.some((p) => p.field === field);
  }

  /** The problems so far, in the order they were found. */
  public get list(): readonly Problem[] {
    return this.items;
  }
}

/** User text, quoted as a JSON string: newlines and quotes escaped, so a message stays on one line. */
export function q(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const text = JSON.stringify(typeof value === 'string' ? value : String(value));
  return text.length > 120 ? `${text.slice(0, 100)}…" (${text.length} characters)` : text;
}

/**
 * The field of a map entry: `labels.app` for a plain key, else `labels["odd key"]` (quoted; a `:` is
 * written `\u003a` so that the field never contains the `: ` that ends it in a message).
 */
export function keyField(base: string, key: string): string {
  if (/^[A-Za-z0-9_./-]+$/.test(key)) {
    return base === '' ? key : `${base}.${key}`;
  }
  return `${base}[${JSON.stringify(key).replace(/:/g, '\\u003a')}]`;
}

/** A name suggestion: the value lowercased, with runs of other characters turned into `-`. */
export function suggestName(value: unknown, maxLength = 63): string {
  const s = String(value ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength);
  return s.replace(/-+$/, '') || 'name';
}
