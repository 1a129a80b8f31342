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

  /** The problems so far, in the order they were found. */
  public get list(): readonly Problem[] {
    return this.items;
  }
}
