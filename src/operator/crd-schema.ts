/**
 * The operator CRD's schema (src/imports/operator.karmada.io.schema.json, the description-free copy
 * written with the generated classes), for what the library must know of it at synth time: the
 * fields and types of the components, and where the CRD takes an int-or-string.
 */
import * as crdSchemaFile from '../imports/operator.karmada.io.schema.json';

/** The part of an OpenAPI schema node the operator target reads. */
export interface SchemaNode {
  readonly type?: string;
  readonly properties?: { readonly [name: string]: SchemaNode };
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-validations'?: readonly { readonly rule: string; readonly message?: string }[];
}

/** `spec.components` of the Karmada object, by component. */
export const COMPONENT_SCHEMAS = (crdSchemaFile as unknown as {
  readonly versions: { readonly v1alpha1: SchemaNode };
}).versions.v1alpha1.properties!.spec.properties!.components.properties!;

/**
 * JSON made to fit the CRD where Kubernetes' own types are more lenient: a fractional number where
 * the CRD takes an int-or-string (a quantity such as `cpu: 1.5`, which `k8s.Quantity.fromNumber`
 * renders as a number) is written as a string; the API server reads both as the same quantity, but
 * the CRD accepts only whole numbers. Everything else is returned as it is.
 */
export function fitIntOrString(value: unknown, schema: SchemaNode | undefined): unknown {
  if (schema === undefined || value === null || value === undefined) {
    return value;
  }
  if (schema['x-kubernetes-int-or-string']) {
    return typeof value === 'number' && !Number.isInteger(value) && Number.isFinite(value) ? String(value) : value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => fitIntOrString(item, schema.items));
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fitIntOrString(item,
      schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined))]));
  }
  return value;
}
