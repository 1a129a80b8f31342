/**
 * KarmadaApiServerCertificates: the API server's leaves (names, usages, issuers, keys, lifetimes),
 * and the volume that gives the operator's flags the files they name.
 */
import { ApiObject } from 'cdk8s';
import {
  KarmadaApiServerCertificates, KarmadaApiServerCertificatesProps, KarmadaCertificateAuthorities, KeyAlgorithm, apiServerCertificateVolume,
} from '../../src';
import { readApiServerCertificateSecrets } from '../../src/certificates/layout';
import { operatorFlags } from '../../src/model/flags';
import { Problems, formatProblem } from '../../src/problems';
import { CERT_DIR, CERT_VOLUME } from '../../src/model/layout';
import { newChart } from '../helpers';
import { named, problemLines, synthValid } from './objects';

function make(props: Partial<KarmadaApiServerCertificatesProps> = {}, namespace = 'tenant1') {
  const chart = newChart(namespace);
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo' });
  const certificates = new KarmadaApiServerCertificates(chart, 'Certificates', { instanceName: 'karmada-demo', authorities, ...props });
  return { chart, authorities, certificates };
}

describe('the default certificates', () => {
  const { chart, certificates } = make();
  const objects = synthValid(chart);
  const serving = named(objects, 'Certificate', 'karmada-demo-apiserver-cert');
  const frontProxy = named(objects, 'Certificate', 'karmada-demo-front-proxy-client-cert');
  const serviceAccount = named(objects, 'Certificate', 'karmada-demo-service-account-key');

  test('the serving certificate names every name the API server is reached by, and serves only', () => {
    expect(serving.spec).toEqual({
      secretName: 'karmada-demo-apiserver-cert',
      issuerRef: { name: 'karmada-demo-ca', kind: 'Issuer', group: 'cert-manager.io' },
      commonName: 'karmada-apiserver',
      usages: ['digital signature', 'key encipherment', 'server auth'],
      duration: '2160h',
      renewBefore: '720h',
      privateKey: { algorithm: 'RSA', size: 3072, rotationPolicy: 'Always' },
      dnsNames: [
        'karmada-demo-apiserver', 'karmada-demo-apiserver.tenant1', 'karmada-demo-apiserver.tenant1.svc',
        'karmada-demo-apiserver.tenant1.svc.cluster.local',
        'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local',
        'localhost',
      ],
      ipAddresses: ['127.0.0.1'],
    });
    expect(ApiObject.of(certificates).metadata.name).toBe('karmada-demo-apiserver-cert');
  });

  test('the service-account issuer host is among the serving names', () => {
    const issuerUrl = new URL(operatorFlags({ serviceSubnet: '10.96.0.0/12', clusterDomain: 'cluster.local' })['service-account-issuer']);
    expect(serving.spec.dnsNames).toContain(issuerUrl.hostname);
  });

  test('the front-proxy client is a client of the front-proxy CA, named as --requestheader-allowed-names wants', () => {
    const allowed = operatorFlags({ serviceSubnet: '10.96.0.0/12', clusterDomain: 'cluster.local' })['requestheader-allowed-names'];
    expect(frontProxy.spec).toEqual({
      secretName: 'karmada-demo-front-proxy-client-cert',
      issuerRef: { name: 'karmada-demo-front-proxy-ca', kind: 'Issuer', group: 'cert-manager.io' },
      commonName: allowed,
      usages: ['digital signature', 'key encipherment', 'client auth'],
      duration: '2160h',
      renewBefore: '720h',
      privateKey: { algorithm: 'RSA', size: 3072, rotationPolicy: 'Always' },
    });
  });

  test('the service-account key never changes: kube-apiserver reads it once', () => {
    expect(serviceAccount.spec).toEqual({
      secretName: 'karmada-demo-service-account-key',
      issuerRef: { name: 'karmada-demo-ca', kind: 'Issuer', group: 'cert-manager.io' },
      commonName: 'karmada-service-account',
      usages: ['digital signature'],
      duration: '87600h',
      renewBefore: '8760h',
      privateKey: { algorithm: 'RSA', size: 3072, rotationPolicy: 'Never' },
    });
  });

  test('secrets names the three Secrets', () => {
    expect(certificates.secrets).toEqual({
      servingSecretName: 'karmada-demo-apiserver-cert',
      frontProxyClientSecretName: 'karmada-demo-front-proxy-client-cert',
      serviceAccountKeySecretName: 'karmada-demo-service-account-key',
    });
    expect(certificates.volume).toEqual(apiServerCertificateVolume(certificates.secrets));
  });
});

describe('the certificate volume', () => {
  const volume = apiServerCertificateVolume({ servingSecretName: 's', frontProxyClientSecretName: 'f', serviceAccountKeySecretName: 'a' });
  const files = (volume.projected?.sources ?? []).flatMap((source) =>
    (source.secret?.items ?? []).map((item) => `${item.path} <- ${source.secret?.name}:${item.key}`));

  test('maps each key cert-manager writes to the file name of the operator\'s layout', () => {
    expect(files).toEqual([
      'ca.crt <- s:ca.crt',
      'apiserver.crt <- s:tls.crt',
      'apiserver.key <- s:tls.key',
      'front-proxy-ca.crt <- f:ca.crt',
      'front-proxy-client.crt <- f:tls.crt',
      'front-proxy-client.key <- f:tls.key',
      'karmada.key <- a:tls.key',
    ]);
  });

  test('gives exactly the files that the API server flags name in /etc/karmada/pki, so no flag changes', () => {
    const flags = operatorFlags({ serviceSubnet: '10.96.0.0/12', clusterDomain: 'cluster.local' });
    const named = Object.values(flags).filter((value) => value.startsWith(`${CERT_DIR}/`)).map((value) => value.slice(CERT_DIR.length + 1));
    expect([...new Set(named)].sort()).toEqual(files.map((f) => f.split(' ')[0]).sort());
  });

  test('is the API server\'s certificate volume, read-only for owner and group (0440), with no CA key in it', () => {
    expect(volume.name).toBe(CERT_VOLUME);
    expect(volume.projected?.defaultMode).toBe(0o440);
    expect(files.filter((f) => /ca\.key|:ca\.key/.test(f))).toEqual([]);
  });
});

test('a load balancer host and extra names join the serving names, addresses among the IPs', () => {
  const { chart } = make({ loadBalancerHost: 'karmada.example.com', certSans: ['192.0.2.10', '*.karmada.example.org', '2001:db8::1', 'localhost'] });
  const serving = named(synthValid(chart), 'Certificate', 'karmada-demo-apiserver-cert');
  expect(serving.spec.dnsNames.slice(-2)).toEqual(['karmada.example.com', '*.karmada.example.org']);
  expect(serving.spec.dnsNames.filter((n: string) => n === 'localhost')).toHaveLength(1);
  expect(serving.spec.ipAddresses).toEqual(['127.0.0.1', '192.0.2.10', '2001:db8::1']);
});

test('a load balancer address goes among the IPs', () => {
  const { chart } = make({ loadBalancerHost: '203.0.113.7' });
  expect(named(synthValid(chart), 'Certificate', 'karmada-demo-apiserver-cert').spec.ipAddresses).toEqual(['127.0.0.1', '203.0.113.7']);
});

test('ECDSA keys sign only: no "key encipherment"', () => {
  const { chart } = make({ keyAlgorithm: KeyAlgorithm.ECDSA_P256 });
  const objects = synthValid(chart);
  expect(named(objects, 'Certificate', 'karmada-demo-apiserver-cert').spec).toMatchObject({
    usages: ['digital signature', 'server auth'],
    privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
  });
  expect(named(objects, 'Certificate', 'karmada-demo-service-account-key').spec.privateKey)
    .toEqual({ algorithm: 'ECDSA', size: 256, rotationPolicy: 'Never' });
});

test('a user\'s ClusterIssuer signs every leaf, in any namespace', () => {
  const chart = newChart('tenant1');
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', {
    instanceName: 'tenant1', namespace: 'elsewhere', issuer: { name: 'corporate', kind: 'ClusterIssuer' },
  });
  const certificates = new KarmadaApiServerCertificates(chart, 'Certificates', { instanceName: 'tenant1', authorities });
  expect(problemLines(certificates)).toEqual([]);
  for (const certificate of synthValid(chart)) {
    expect(certificate.spec.issuerRef).toEqual({ name: 'corporate', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(certificate.metadata.name).toMatch(/^tenant1-karmada-/);
  }
});

describe('bad input is a problem with field and fix', () => {
  const problems = (props: Partial<KarmadaApiServerCertificatesProps> | Record<string, unknown>, namespace?: string) =>
    problemLines(make(props as Partial<KarmadaApiServerCertificatesProps>, namespace).certificates);

  test('Certificates in another namespace than their namespaced Issuer', () => {
    expect(problems({ namespace: 'elsewhere' })).toEqual([
      'authorities: the Issuer "karmada-demo-ca" is in namespace "tenant1", and these Certificates are in "elsewhere", where cert-manager would look for it. Fix: put both in one namespace, or use a ClusterIssuer',
    ]);
  });

  test.each([
    [{ certSans: ['karmada.example.com', 'not a name', 7] }, [
      'certSans[1]: "not a name" is neither an IP address nor a DNS name. Fix: give an IP address such as "192.0.2.10" or a DNS name such as "karmada.example.com" (lowercase; "*." in front for a wildcard)',
      'certSans[2]: 7 is neither an IP address nor a DNS name. Fix: give an IP address such as "192.0.2.10" or a DNS name such as "karmada.example.com" (lowercase; "*." in front for a wildcard)',
    ]],
    [{ certSans: 'karmada.example.com' }, ['certSans: expected a list of names, got a string ("karmada.example.com"). Fix: give a list of names, or leave certSans out']],
    [{ loadBalancerHost: 'https://lb.example.com' }, ['loadBalancerHost: "https://lb.example.com" is neither an IP address nor a DNS name. Fix: give the load balancer\'s address, such as "192.0.2.10" or "karmada.example.com"']],
    [{ authorities: undefined }, ['authorities: no authorities are given. Fix: give the KarmadaCertificateAuthorities that sign these certificates']],
    [{ authorities: { karmadaIssuer: { name: 'x', kind: 'Issuer' } } }, ['authorities: expected a KarmadaCertificateAuthorities, got an object. Fix: give a KarmadaCertificateAuthorities']],
    [{ clusterDomain: '.cluster.local' }, ['clusterDomain: ".cluster.local" is not a DNS domain (at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit). Fix: use the cluster\'s DNS domain, such as "cluster.local", without a leading or trailing dot']],
    [{ certSAN: [] }, ['certSAN: "certSAN" is not a prop of KarmadaApiServerCertificates, so it would be ignored. Fix: did you mean certSans?']],
  ])('%j', (props, expected) => {
    expect(problems(props)).toEqual(expected);
  });

  test('an instance name too long for the Service named after it', () => {
    const name = `karmada-${'x'.repeat(50)}`;
    expect(problems({ instanceName: name })).toEqual([
      `instanceName: the name "${name}-apiserver" derived from it has 68 characters, more than the 63 a Service or pod name may have. Fix: shorten instanceName by at least 5 characters`,
    ]);
  });
});

describe('readApiServerCertificateSecrets (for the API server\'s `certificates` prop)', () => {
  const read = (value: unknown) => {
    const problems = new Problems();
    return { secrets: readApiServerCertificateSecrets(value, 'certificates', problems), problems: problems.list.map(formatProblem) };
  };

  test('KarmadaApiServerCertificates.secrets reads as given', () => {
    const { certificates } = make();
    expect(read(certificates.secrets)).toEqual({ secrets: certificates.secrets, problems: [] });
  });

  test('names that are missing, invalid, unknown or of the wrong type are problems', () => {
    expect(read({ servingSecretName: 'A', frontProxyClientSecretName: 7, serviceAccountKey: 'x' })).toEqual({
      secrets: undefined,
      problems: [
        'certificates.serviceAccountKey: "serviceAccountKey" is not a field of the certificate Secrets. Fix: use servingSecretName, frontProxyClientSecretName, serviceAccountKeySecretName (KarmadaApiServerCertificates.secrets has them)',
        'certificates.servingSecretName: "A" is not a valid Secret name (at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit). Fix: name the Secret cert-manager writes the certificate to',
        'certificates.frontProxyClientSecretName: expected a string, got a number (7). Fix: name the Secret',
        'certificates.serviceAccountKeySecretName: no Secret is named. Fix: give KarmadaApiServerCertificates.secrets, which names all three',
      ],
    });
    expect(read('tenant1-cert').problems).toEqual([
      'certificates: expected an object, got a string ("tenant1-cert"). Fix: give an object such as { servingSecretName, frontProxyClientSecretName, serviceAccountKeySecretName }',
    ]);
    expect(read(undefined)).toEqual({ secrets: undefined, problems: [] });
  });
});
