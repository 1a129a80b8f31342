/**
 * How an API server's problems reach cdk8s's validation, at a cost that does not grow with the
 * number of charts.
 *
 * cdk8s validates the whole app once per chart it synthesizes, plus once: with one chart per
 * tenant, a validation added to every API server runs charts × API servers times (10⁶ calls for
 * 1000 tenants), and the constructs library's dispatch of each call costs more than the call. So
 * there is one validation per app, on its root (which cdk8s validates first, as the walk is
 * pre-order): it checks the API servers that changed since the last validation, and adds a
 * validation to those that have problems, which cdk8s then reports in the same walk under the
 * API server's own path. An API server without problems costs one look at a set per synth.
 */
import { IConstruct, IValidation } from 'constructs';

/** The validation result without problems: one shared list. */
const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];

/**
 * The validation of one construct: its problems, found once per change and kept until the next.
 * It is added to the construct's node only once it has found problems.
 * @internal
 */
export class ConstructValidation implements IValidation {
  /** The problems of the current state; undefined until the first check after a change. */
  private errors?: string[];
  private added = false;

  /**
   * @param construct the construct whose problems these are
   * @param findErrors the construct's problems now, as the lines cdk8s reports
   */
  constructor(private readonly construct: IConstruct, private readonly findErrors: () => string[]) {
    this.changed();
  }

  public validate(): string[] {
    if (this.errors === undefined) {
      const errors = this.findErrors();
      this.errors = errors.length > 0 ? errors : NO_ERRORS;
    }
    return this.errors;
  }

  /** Forgets the problems found, and has the app's validation check the construct again. */
  public changed(): void {
    this.errors = undefined;
    AppValidation.of(this.construct).pending.add(this);
  }

  /** Finds the problems; with any, adds this validation to the construct's node (once). */
  public check(): void {
    if (this.validate().length > 0 && !this.added) {
      this.added = true;
      this.construct.node.addValidation(this);
    }
  }
}

/** The validation on the root of an app: checks the constructs that changed since it last ran. */
class AppValidation implements IValidation {
  /** The app's validation, added to the root of the construct's tree on first use. */
  public static of(construct: IConstruct): AppValidation {
    const root = construct.node.root;
    let validation = AppValidation.byRoot.get(root);
    if (!validation) {
      validation = new AppValidation();
      AppValidation.byRoot.set(root, validation);
      root.node.addValidation(validation);
    }
    return validation;
  }

  private static readonly byRoot = new WeakMap<IConstruct, AppValidation>();

  /** The constructs to check at the next validation. */
  public readonly pending = new Set<ConstructValidation>();

  public validate(): string[] {
    for (const validation of this.pending) {
      validation.check();
    }
    this.pending.clear();
    return NO_ERRORS;
  }
}
