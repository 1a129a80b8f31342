/**
 * Helpers of the certificate and etcd tests: synthesis that holds every object to every rule we
 * have (the Kubernetes schemas through kubernetes-models, Kubernetes' server-side validation, and
 * cert-manager's CRD schemas for its objects), and readers of the objects.
 */
import { Chart, Testing } from 'cdk8s';
import { StatefulSet } from 'kubernetes-models/apps/v1';
import { PersistentVolumeClaim } from 'kubernetes-models/v1';
import * as certificateSchema from '../../src/imports/certificate-cert-manager.io.schema.json';
import * as clusterIssuerSchema from '../../src/imports/clusterissuer-cert-manager.io.schema.json';
import * as issuerSchema from '../../src/imports/issuer-cert-manager.io.schema.json';
import { validateObject } from '../../src/kubernetes/validation';
import { Manifest } from '../helpers';
import { CrdSchemaFile, CrdValidator } from '../imports/crd-schema';
import { validateManifest } from '../schema';

const CRD_VALIDATORS: Record<string, CrdValidator> = {
  'cert-manager.io/v1/Certificate': new CrdValidator(certificateSchema as unknown as CrdSchemaFile, 'v1'),
  'cert-manager.io/v1/Issuer': new CrdValidator(issuerSchema as unknown as CrdSchemaFile, 'v1'),
  'cert-manager.io/v1/ClusterIssuer': new CrdValidator(clusterIssuerSchema as unknown as CrdSchemaFile, 'v1'),
};

/** Throws unless the object passes its schema and, for Kubernetes kinds, Kubernetes' own validation. */
export function validateEverything(manifest: Manifest): void {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const crd = CRD_VALIDATORS[key];
  if (crd !== undefined) {
    crd.validate(manifest);
    return;
  }
  const json = JSON.parse(JSON.stringify(manifest));
  if (key === 'apps/v1/StatefulSet') {
    // test/schema.ts knows the API server's kinds; the StatefulSet and its claim templates are ours.
    new StatefulSet(json).validate();
    for (const claim of json.spec.volumeClaimTemplates ?? []) {
      new PersistentVolumeClaim({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claim }).validate();
    }
  } else {
    validateManifest(manifest);
  }
  const issues = validateObject(json);
  if (issues.length > 0) {
    throw new Error(`${manifest.kind} ${manifest.metadata.name} would be refused:\n  ${issues.map((i) => `${i.path}: ${i.message}`).join('\n  ')}`);
  }
}

/** Synthesizes a chart and validates every object. */
export function synthValid(chart: Chart): Manifest[] {
  const manifests = Testing.synth(chart) as Manifest[];
  manifests.forEach(validateEverything);
  return manifests;
}

/** The objects of a kind. */
export function ofKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

/** The one object of a kind and name. */
export function named(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} ${name}, found ${found.length} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  }
  return found[0];
}

/** The problems of one construct, without its path. */
export function problemLines(construct: { node: { validate(): string[] } }): string[] {
  return construct.node.validate();
}
