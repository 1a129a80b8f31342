/**
 * What every certificate of an instance shares: the key algorithm, the lifetimes, the key usages,
 * and how extra subject alternative names are read.
 */
import { isDns1123Subdomain } from '../kubernetes/grammar';
import {
  CertificateSpecPrivateKey, CertificateSpecPrivateKeyAlgorithm, CertificateSpecPrivateKeyRotationPolicy, CertificateSpecUsages,
} from '../imports/cert-manager.io';
import { parseIp } from '../kubernetes/grammar';
import { Problems, q } from '../problems';
import { readList } from '../runtime';

/** The key algorithm of the certificates cert-manager issues. */
export enum KeyAlgorithm {
  /** RSA with 3072-bit keys, as the Karmada operator makes them. */
  RSA_3072 = 'RSA-3072',
  /** ECDSA on the P-256 curve: smaller and faster; kube-apiserver and etcd accept it everywhere. */
  ECDSA_P256 = 'ECDSA-P256',
}

/** The algorithm when none is given: the operator's, so that nothing changes for its users. */
export const DEFAULT_KEY_ALGORITHM = KeyAlgorithm.RSA_3072;

/**
 * The lifetime of a CA: ten years, as the operator's self-signed CAs (client-go's
 * NewSelfSignedCACert). cert-manager renews it a year before the end; since its key is kept
 * (`rotationPolicy: Never`), the renewed CA verifies the same leaves, and a process that loaded the
 * old CA certificate once (etcd) keeps working until it restarts within that year.
 */
export const CA_DURATION = '87600h';
export const CA_RENEW_BEFORE = '8760h';

/**
 * The lifetime of a leaf: 90 days (cert-manager's default), renewed 30 days before the end. Every
 * leaf is read again without a restart (see docs/certificates.md), so short lives cost nothing and
 * a leaked key is useful for weeks, not for the operator's year.
 */
export const LEAF_DURATION = '2160h';
export const LEAF_RENEW_BEFORE = '720h';

/**
 * The lifetime of the service-account key's certificate: only its key is used, and the key never
 * changes (`rotationPolicy: Never`), so a long life only saves cert-manager needless re-issues.
 */
export const SERVICE_ACCOUNT_DURATION = '87600h';
export const SERVICE_ACCOUNT_RENEW_BEFORE = '8760h';

/** The private key of a certificate: the algorithm and size, and whether renewal makes a new key. */
export function privateKeyOf(algorithm: KeyAlgorithm, rotation: CertificateSpecPrivateKeyRotationPolicy): CertificateSpecPrivateKey {
  return algorithm === KeyAlgorithm.ECDSA_P256
    ? { algorithm: CertificateSpecPrivateKeyAlgorithm.ECDSA, size: 256, rotationPolicy: rotation }
    : { algorithm: CertificateSpecPrivateKeyAlgorithm.RSA, size: 3072, rotationPolicy: rotation };
}

/**
 * The key usages of a leaf, then the given extended usages. An RSA key signs and enciphers (TLS
 * key exchange with RSA); an ECDSA key only signs, so "key encipherment" would be wrong for it.
 */
export function leafUsages(algorithm: KeyAlgorithm, ...extended: CertificateSpecUsages[]): CertificateSpecUsages[] {
  const keyUsages = algorithm === KeyAlgorithm.ECDSA_P256
    ? [CertificateSpecUsages.DIGITAL_SIGNATURE]
    : [CertificateSpecUsages.DIGITAL_SIGNATURE, CertificateSpecUsages.KEY_ENCIPHERMENT];
  return [...keyUsages, ...extended];
}

/** Reads a key algorithm, reporting a value that is not one of ours. */
export function readKeyAlgorithm(value: unknown, field: string, problems: Problems): KeyAlgorithm | undefined {
  if (value === undefined) {
    return undefined;
  }
  const known = Object.values(KeyAlgorithm) as string[];
  if (typeof value === 'string' && known.includes(value)) {
    return value as KeyAlgorithm;
  }
  problems.add(field, `${q(value)} is not a key algorithm`, 'use KeyAlgorithm.RSA_3072 or KeyAlgorithm.ECDSA_P256');
  return undefined;
}

/** Subject alternative names, split into the two lists a Certificate has. */
export interface SubjectAlternativeNames {
  readonly dnsNames: string[];
  readonly ipAddresses: string[];
}

/** Whether a name can be a subject alternative name: an IP address, or a DNS name (`*.` in front for a wildcard). */
export function isSubjectAlternativeName(name: string): boolean {
  return parseIp(name) !== undefined || isDns1123Subdomain(name.replace(/^\*\./, ''));
}

/**
 * Reads extra subject alternative names, each an IP address or a DNS name; anything else is a
 * problem (the operator drops it silently) and is left out.
 */
export function readSans(value: unknown, field: string, problems: Problems): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return readList(value, field, problems, 'names').flatMap((item, i) => {
    if (typeof item === 'string' && isSubjectAlternativeName(item)) {
      return [item];
    }
    problems.add(`${field}[${i}]`, `${q(item)} is neither an IP address nor a DNS name`,
      'give an IP address such as "192.0.2.10" or a DNS name such as "karmada.example.com" (lowercase; "*." in front for a wildcard)');
    return [];
  });
}

/** Splits names into the two lists of a Certificate: IP addresses, and DNS names. */
export function splitSans(names: readonly string[]): SubjectAlternativeNames {
  return {
    dnsNames: names.filter((name) => parseIp(name) === undefined),
    ipAddresses: names.filter((name) => parseIp(name) !== undefined),
  };
}

/** The names of a list without repeats, in their first order. */
export function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
