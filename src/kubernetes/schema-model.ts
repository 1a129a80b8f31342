/**
 * The shape of the generated Kubernetes schema table (src/kubernetes/generated/schema.ts, written
 * by scripts/kubernetes-schema/generate.ts): for each type we render, its fields as the newest
 * Kubernetes schema we know declares them, with their names in cdk8s-plus-28's (Kubernetes 1.28)
 * TypeScript types where those have them.
 *
 * Types are named by the last segment of their OpenAPI name (`Container` for
 * `io.k8s.api.core.v1.Container`), which is also the Kubernetes name users know; the generator
 * falls back to the full OpenAPI name for a type whose last segment two reachable types share.
 */

/** Kinds of a value that has no fields of its own. */
export type LeafKind =
  | 'integer'
  | 'number'
  | 'boolean'
  /** `k8s.IntOrString` in the TypeScript shape; a number or a string in JSON. */
  | 'intOrString'
  /** `k8s.Quantity` in the TypeScript shape; a number or a string in JSON. */
  | 'quantity'
  /** `Date` in the TypeScript shape; an RFC 3339 string in JSON. */
  | 'time'
  /** Free-form JSON. */
  | 'any';

/** What one value holds: a leaf, an object of a named type, a list or a map with string keys. */
export type ValueSchema =
  | { readonly kind: 'string'; readonly enum?: readonly string[] }
  | { readonly kind: LeafKind }
  /** `toJson`: the cdk8s-plus-28 converter (`k8s.toJson_*`) of the value's type, if it has one. */
  | { readonly kind: 'object'; readonly type: string; readonly toJson?: string }
  | { readonly kind: 'array'; readonly items: ValueSchema }
  | { readonly kind: 'map'; readonly values: ValueSchema };

/**
 * One field of a type, under its JSON name. `ts`: its property name in cdk8s-plus-28's type, absent
 * when the field is newer than Kubernetes 1.28 (the caller then gives it under its JSON name).
 */
export type FieldSchema = ValueSchema & { readonly required?: true; readonly ts?: string };

/** One Kubernetes type. */
export interface TypeSchema {
  /** The OpenAPI name, e.g. `io.k8s.api.core.v1.Container`. */
  readonly name: string;
  /** The cdk8s-plus-28 converter (`k8s.toJson_*`) of the type, absent for types newer than 1.28. */
  readonly toJson?: string;
  /** The fields, by JSON name, in alphabetical order. */
  readonly fields: Readonly<Record<string, FieldSchema>>;
}
