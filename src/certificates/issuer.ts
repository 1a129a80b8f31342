/**
 * A reference to a cert-manager issuer, as a Certificate's `issuerRef` names it, and its checks.
 */
import { isDns1123Subdomain } from '../kubernetes/grammar';
import type { CertificateSpecIssuerRef } from '../imports/cert-manager.io';
import { Problems, q } from '../problems';
import { readObject, readString } from '../runtime';

/** The API group of cert-manager's own issuers. */
export const CERT_MANAGER_GROUP = 'cert-manager.io';

/** The issuer kinds of cert-manager itself. */
const CERT_MANAGER_KINDS = ['Issuer', 'ClusterIssuer'];

/** An issuer that signs certificates: a cert-manager Issuer or ClusterIssuer, or an external issuer. */
export interface IssuerReference {
  /** The name of the issuer. */
  readonly name: string;

  /**
   * `Issuer` (it must then live in the namespace of the Certificates) or `ClusterIssuer`; with
   * another `group`, the kind of that external issuer (such as `AWSPCAClusterIssuer`).
   */
  readonly kind: string;

  /**
   * The API group of the issuer.
   *
   * @default 'cert-manager.io'
   */
  readonly group?: string;
}

/** The `issuerRef` of a Certificate signed by this issuer. */
export function issuerRefOf(issuer: IssuerReference): CertificateSpecIssuerRef {
  return { name: issuer.name, kind: issuer.kind, group: issuer.group ?? CERT_MANAGER_GROUP };
}

/** Whether Certificates must be in the issuer's own namespace to use it (a namespaced `Issuer`). */
export function isNamespacedIssuer(issuer: IssuerReference): boolean {
  return (issuer.group ?? CERT_MANAGER_GROUP) === CERT_MANAGER_GROUP && issuer.kind === 'Issuer';
}

/**
 * Reads an issuer reference whatever its runtime type, and reports what cert-manager would not
 * accept. Returns undefined (after recording a problem) when it cannot be used.
 */
export function readIssuerReference(value: unknown, field: string, problems: Problems): IssuerReference | undefined {
  const given = readObject(value, field, problems, '{ name: "my-ca", kind: "ClusterIssuer" }');
  if (given === undefined) {
    return undefined;
  }
  const before = problems.list.length;
  const name = readString(given.name, `${field}.name`, problems, 'give the name of the issuer');
  const kind = readString(given.kind, `${field}.kind`, problems, 'give "Issuer" or "ClusterIssuer"');
  const group = readString(given.group, `${field}.group`, problems, 'give the API group of the issuer, or leave it out for cert-manager.io');
  for (const key of Object.keys(given)) {
    if (!['name', 'kind', 'group'].includes(key)) {
      problems.add(`${field}.${key}`, `${q(key)} is not a field of an issuer reference`, 'use name, kind and group');
    }
  }
  if (given.name === undefined) {
    problems.add(`${field}.name`, 'no issuer name is given', 'give the name of the issuer');
  } else if (name !== undefined && !isDns1123Subdomain(name)) {
    problems.add(`${field}.name`, `${q(name)} is not a valid issuer name`, 'give the name of an Issuer or ClusterIssuer: lowercase letters, digits, "-" and "."');
  }
  if (kind === undefined && given.kind === undefined) {
    problems.add(`${field}.kind`, 'no issuer kind is given', 'give "Issuer" or "ClusterIssuer"');
  } else if (kind !== undefined && (group ?? CERT_MANAGER_GROUP) === CERT_MANAGER_GROUP && !CERT_MANAGER_KINDS.includes(kind)) {
    problems.add(`${field}.kind`, `${q(kind)} is not a kind of cert-manager issuer`,
      'give "Issuer" or "ClusterIssuer", or the group of the external issuer of that kind');
  } else if (kind !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    problems.add(`${field}.kind`, `${q(kind)} is not a kind name`, 'give the kind of the issuer, such as "ClusterIssuer"');
  }
  if (group !== undefined && !isDns1123Subdomain(group)) {
    problems.add(`${field}.group`, `${q(group)} is not an API group`, 'give the API group of the issuer, such as "cert-manager.io"');
  }
  if (problems.list.length > before || name === undefined || kind === undefined) {
    return undefined;
  }
  return group === undefined ? { name, kind } : { name, kind, group };
}
