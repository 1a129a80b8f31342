/**
 * Validation of synthesized objects against the official Kubernetes schemas (kubernetes-models,
 * generated from the Kubernetes OpenAPI). It rejects wrong types, enums, missing required fields and
 * bad quantities; it does not reject unknown fields or bad names, which our own checks cover.
 * The operator's Karmada objects are validated against the operator's CRD (test/imports/crd-schema.ts).
 */
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import * as certificateSchema from '../src/imports/certificate-cert-manager.io.schema.json';
import * as issuerSchema from '../src/imports/issuer-cert-manager.io.schema.json';
import * as karmadaSchema from '../src/imports/operator.karmada.io.schema.json';
import { CrdSchemaFile, CrdValidator } from './imports/crd-schema';

type Validatable = { validate(): void };
/** The validator of a CRD, made on first use: compiling a CRD's schema takes a while, and few tests need it. */
function crdValidator(schema: unknown, version: string): () => CrdValidator {
  let validator: CrdValidator | undefined;
  return () => (validator ??= new CrdValidator(schema as CrdSchemaFile, version));
}
const karmadaValidator = crdValidator(karmadaSchema, 'v1alpha1');
const certificateValidator = crdValidator(certificateSchema, 'v1');
const issuerValidator = crdValidator(issuerSchema, 'v1');
const MODELS: Record<string, (json: any) => Validatable> = {
  'apps/v1/Deployment': (json) => new Deployment(json),
  'apps/v1/StatefulSet': (json) => new StatefulSet(json),
  'v1/ServiceAccount': (json) => new ServiceAccount(json),
  'cert-manager.io/v1/Certificate': (json) => ({ validate: () => certificateValidator().validate(json) }),
  'cert-manager.io/v1/Issuer': (json) => ({ validate: () => issuerValidator().validate(json) }),
  'v1/Service': (json) => new Service(json),
  'v1/ConfigMap': (json) => new ConfigMap(json),
  'v1/Secret': (json) => new Secret(json),
  'policy/v1/PodDisruptionBudget': (json) => new PodDisruptionBudget(json),
  'networking.k8s.io/v1/NetworkPolicy': (json) => new NetworkPolicy(json),
  'operator.karmada.io/v1alpha1/Karmada': (json) => ({ validate: () => karmadaValidator().validate(json) }),
};

/** Throws with the object's kind and name if it does not validate against its schema. */
export function validateManifest(manifest: { apiVersion: string; kind: string; metadata?: { name?: string } }): void {
  const make = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!make) {
    throw new Error(`no schema known for ${manifest.apiVersion} ${manifest.kind}: add it to test/schema.ts`);
  }
  try {
    make(JSON.parse(JSON.stringify(manifest))).validate();
  } catch (e) {
    throw new Error(`${manifest.kind} ${manifest.metadata?.name}: ${(e as Error).message}`);
  }
}

/** Validates every manifest; throws on the first invalid one. */
export function validateManifests(manifests: ReadonlyArray<{ apiVersion: string; kind: string }>): void {
  manifests.forEach(validateManifest);
}
