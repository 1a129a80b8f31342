/**
 * What the validators share: the issue type, a collector, JSON paths, and typed access to plain
 * JSON as cdk8s synthesizes it.
 *
 * Paths follow the JSON document: `spec.template.spec.initContainers[0].env[1].name`, with map
 * keys as the props' fields write them: `metadata.labels.example.com/team`, `metadata.labels["a b"]`.
 */
import { keyField } from '../../problems';

/** One thing the Kubernetes API server would refuse, found in a rendered object. */
export interface ValidationIssue {
  /** The JSON path of the field at fault, within the object. */
  readonly path: string;
  /** What is wrong, in one line. */
  readonly message: string;
  /** What to change, in one line. */
  readonly fix: string;
}

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** Collects issues; each validator adds to the one it is given. */
export class Report {
  private readonly found: ValidationIssue[] = [];

  /** Records an issue. */
  public add(path: string, message: string, fix: string): void {
    this.found.push({ path, message, fix });
  }

  /** The issues so far, in the order they were found. */
  public get issues(): ValidationIssue[] {
    return [...this.found];
  }
}

/**
 * The path of a field or map entry under `path`, written as the props' fields are (so that a
 * problem found here can be put back on its prop): `metadata.labels.example.com/team`, or
 * `metadata.labels["odd key"]`.
 */
export function at(path: string, key: string): string {
  return keyField(path, key);
}

/** The path of a list item under `path`. */
export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** The value as a JSON object, or undefined. */
export function objectAt(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as JsonObject : undefined;
}

/** The value as a list (empty when absent or not a list). */
export function listAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a string, or undefined. */
export function textAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a number, or undefined. */
export function numberAt(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The entries of a JSON map (empty when absent). */
export function entriesAt(value: unknown): [string, unknown][] {
  const object = objectAt(value);
  return object ? Object.entries(object) : [];
}

/** The string entries of a string map; other values read as their JSON text. */
export function stringMapAt(value: unknown): [string, string][] {
  return entriesAt(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? '']);
}
