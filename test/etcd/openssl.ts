/**
 * Certificates made with openssl to the specs of our cert-manager Certificate objects (common name,
 * names, usages, key algorithm and size, CA or not), laid out as cert-manager writes its Secrets
 * (`tls.crt`, `tls.key`, `ca.crt`), and projected into directories as the kubelet does with a
 * volume's `items`. For the tests against a real etcd.
 */
import { execFileSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** A Secret's data, as cert-manager writes it: key → PEM text. */
export type SecretData = Record<string, string>;

/** The parts of a cert-manager Certificate spec that shape the certificate. */
export interface CertificateSpecJson {
  readonly commonName: string;
  readonly dnsNames?: string[];
  readonly ipAddresses?: string[];
  readonly usages?: string[];
  readonly isCA?: boolean;
  readonly duration?: string;
  readonly privateKey: { readonly algorithm: string; readonly size: number };
}

const KEY_USAGES: Record<string, string> = {
  'digital signature': 'digitalSignature',
  'key encipherment': 'keyEncipherment',
  'cert sign': 'keyCertSign',
  'crl sign': 'cRLSign',
};
const EXTENDED_KEY_USAGES: Record<string, string> = { 'server auth': 'serverAuth', 'client auth': 'clientAuth' };

/** Whether openssl is on the PATH. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The days of a cert-manager duration in hours ("2160h" → 90). */
function days(duration = '2160h'): string {
  return String(Math.max(1, Math.round(Number(/^(\d+)h$/.exec(duration)?.[1] ?? '2160') / 24)));
}

/** A private key of the spec's algorithm and size, PEM as cert-manager's default encoding (PKCS#1 / SEC 1). */
function privateKey(spec: CertificateSpecJson, dir: string): string {
  const file = join(dir, 'tls.key');
  if (spec.privateKey.algorithm === 'ECDSA') {
    const curve = { 256: 'prime256v1', 384: 'secp384r1', 521: 'secp521r1' }[spec.privateKey.size] ?? 'prime256v1';
    openssl(['ecparam', '-name', curve, '-genkey', '-noout', '-out', file], dir);
  } else {
    openssl(['genrsa', '-traditional', '-out', file, String(spec.privateKey.size)], dir);
  }
  return file;
}

/** An openssl configuration: the subject (the common name alone), and the X.509 v3 extensions of the spec in section `ext`. */
function config(spec: CertificateSpecJson, extraIps: readonly string[]): string {
  const usages = spec.usages ?? ['digital signature', 'key encipherment'];
  const keyUsage = usages.filter((u) => KEY_USAGES[u]).map((u) => KEY_USAGES[u]);
  if (spec.isCA && !keyUsage.includes('keyCertSign')) keyUsage.push('keyCertSign');
  const extended = usages.filter((u) => EXTENDED_KEY_USAGES[u]).map((u) => EXTENDED_KEY_USAGES[u]);
  const unknown = usages.filter((u) => !KEY_USAGES[u] && !EXTENDED_KEY_USAGES[u]);
  if (unknown.length > 0) throw new Error(`no openssl name for the usages ${unknown.join(', ')}`);
  const names = [
    ...(spec.dnsNames ?? []).map((n) => `DNS:${n}`),
    ...[...(spec.ipAddresses ?? []), ...extraIps.filter((ip) => !(spec.ipAddresses ?? []).includes(ip))].map((ip) => `IP:${ip}`),
  ];
  return [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    '[dn]',
    `CN = ${spec.commonName}`,
    '[ext]',
    `basicConstraints = critical, CA:${spec.isCA ? 'TRUE' : 'FALSE'}`,
    ...(keyUsage.length > 0 ? [`keyUsage = critical, ${keyUsage.join(', ')}`] : []),
    ...(extended.length > 0 ? [`extendedKeyUsage = ${extended.join(', ')}`] : []),
    ...(names.length > 0 ? [`subjectAltName = ${names.join(', ')}`] : []),
    'subjectKeyIdentifier = hash',
    ...(spec.isCA ? [] : ['authorityKeyIdentifier = keyid']),
    '',
  ].join('\n');
}

/** Runs `work` in a new temporary directory, removed afterwards (it holds private keys). */
function inWorkDirectory<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'karmada-pki-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A self-signed CA, as cert-manager's SelfSigned issuer makes it: `ca.crt` is the certificate itself. */
export function selfSignedCa(spec: CertificateSpecJson): SecretData {
  return inWorkDirectory((dir) => {
    const key = privateKey(spec, dir);
    writeFileSync(join(dir, 'openssl.cnf'), config(spec, []));
    openssl(['req', '-x509', '-new', '-key', key, '-days', days(spec.duration), '-config', join(dir, 'openssl.cnf'), '-extensions', 'ext',
      '-out', join(dir, 'tls.crt')], dir);
    const crt = readFileSync(join(dir, 'tls.crt'), 'utf8');
    return { 'tls.crt': crt, 'tls.key': readFileSync(key, 'utf8'), 'ca.crt': crt };
  });
}

/**
 * A leaf signed by a CA, as cert-manager's CA issuer writes it: `ca.crt` is the CA. `extraIps` adds
 * addresses the spec lacks (the tests reach pods by loopback instead of their DNS names).
 */
export function signedLeaf(spec: CertificateSpecJson, ca: SecretData, extraIps: readonly string[] = []): SecretData {
  return inWorkDirectory((dir) => {
    const key = privateKey(spec, dir);
    writeFileSync(join(dir, 'ca.crt'), ca['tls.crt']);
    writeFileSync(join(dir, 'ca.key'), ca['tls.key']);
    writeFileSync(join(dir, 'openssl.cnf'), config(spec, extraIps));
    openssl(['req', '-new', '-key', key, '-config', join(dir, 'openssl.cnf'), '-out', join(dir, 'tls.csr')], dir);
    openssl(['x509', '-req', '-in', join(dir, 'tls.csr'), '-CA', join(dir, 'ca.crt'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial',
      '-days', days(spec.duration), '-extfile', join(dir, 'openssl.cnf'), '-extensions', 'ext', '-out', join(dir, 'tls.crt')], dir);
    return { 'tls.crt': readFileSync(join(dir, 'tls.crt'), 'utf8'), 'tls.key': readFileSync(key, 'utf8'), 'ca.crt': ca['tls.crt'] };
  });
}

/** What openssl says a certificate holds, as text (for assertions on names and usages). */
export function describeCertificate(pem: string): string {
  return execFileSync('openssl', ['x509', '-noout', '-text'], { input: pem, encoding: 'utf8' });
}

/** A volume as rendered (JSON): a Secret volume or a projection of Secrets, with `items`. */
interface VolumeJson {
  readonly secret?: { readonly secretName: string; readonly items?: { key: string; path: string }[]; readonly defaultMode?: number };
  readonly projected?: {
    readonly defaultMode?: number;
    readonly sources: { readonly secret?: { readonly name: string; readonly items?: { key: string; path: string }[] } }[];
  };
}

/**
 * Writes a volume's files into `dir` as the kubelet would: each item's key of the named Secret at
 * the item's path, with the volume's mode. A key missing from its Secret fails, as the kubelet
 * fails the mount.
 */
export function projectVolume(volume: VolumeJson, secrets: Record<string, SecretData>, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const sources = volume.secret
    ? [{ name: volume.secret.secretName, items: volume.secret.items, mode: volume.secret.defaultMode }]
    : (volume.projected?.sources ?? []).map((s) => ({ name: s.secret!.name, items: s.secret!.items, mode: volume.projected?.defaultMode }));
  const written: string[] = [];
  for (const source of sources) {
    const data = secrets[source.name];
    if (!data) throw new Error(`the volume names Secret ${source.name}, which the test did not make`);
    for (const { key, path } of source.items ?? Object.keys(data).map((k) => ({ key: k, path: k }))) {
      if (data[key] === undefined) throw new Error(`Secret ${source.name} has no key ${key}`);
      const file = join(dir, path);
      writeFileSync(file, data[key]);
      chmodSync(file, source.mode ?? 0o644);
      written.push(path);
    }
  }
  return written;
}

/** The parts of rendered objects that issueSecrets reads. */
interface ObjectJson { readonly kind: string; readonly metadata: { readonly name: string }; readonly spec?: any }

/**
 * The Secrets cert-manager would write for the Certificates among `objects`: CAs self-signed,
 * leaves signed by the CA whose Secret their Issuer signs with. A certificate that names pods also
 * gets 127.0.0.1, the address that stands in for those names in these tests; a certificate without
 * names (the etcd client's) stays without.
 */
export function issueSecrets(objects: readonly ObjectJson[]): Record<string, SecretData> {
  const secrets: Record<string, SecretData> = {};
  const certificates = objects.filter((o) => o.kind === 'Certificate');
  for (const ca of certificates.filter((c) => c.spec.isCA)) {
    secrets[ca.spec.secretName] = selfSignedCa(ca.spec as CertificateSpecJson);
  }
  for (const leaf of certificates.filter((c) => !c.spec.isCA)) {
    const issuer = objects.find((o) => o.kind === 'Issuer' && o.metadata.name === leaf.spec.issuerRef.name);
    if (!issuer?.spec.ca) throw new Error(`Certificate ${leaf.metadata.name}: no CA Issuer ${leaf.spec.issuerRef.name} among the objects`);
    const loopback = (leaf.spec.dnsNames ?? []).length > 0 ? ['127.0.0.1'] : [];
    secrets[leaf.spec.secretName] = signedLeaf(leaf.spec as CertificateSpecJson, secrets[issuer.spec.ca.secretName], loopback);
  }
  return secrets;
}
