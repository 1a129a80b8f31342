/**
 * Validation of synthesized objects against the official Kubernetes schemas (kubernetes-models,
 * generated from the Kubernetes OpenAPI). It rejects wrong types, enums, missing required fields and
 * bad quantities; it does not reject unknown fields or bad names, which our own checks cover.
 */
import { Deployment } from 'kubernetes-models/apps/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';

type Validatable = { validate(): void };
const MODELS: Record<string, (json: any) => Validatable> = {
  'apps/v1/Deployment': (json) => new Deployment(json),
  'v1/Service': (json) => new Service(json),
  'v1/ConfigMap': (json) => new ConfigMap(json),
  'v1/Secret': (json) => new Secret(json),
  'policy/v1/PodDisruptionBudget': (json) => new PodDisruptionBudget(json),
  'networking.k8s.io/v1/NetworkPolicy': (json) => new NetworkPolicy(json),
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
