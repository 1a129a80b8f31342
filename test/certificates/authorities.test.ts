/**
 * KarmadaCertificateAuthorities: the three CAs of an instance from a self-signed root, or a user's
 * issuer for everything; and every bad input reported with field and fix.
 */
import { ApiObject } from 'cdk8s';
import { KarmadaCertificateAuthorities, KeyAlgorithm } from '../../src';
import { newChart } from '../helpers';
import { named, ofKind, problemLines, synthValid } from './objects';

describe('with no issuer given', () => {
  const chart = newChart('tenant1');
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo' });
  const objects = synthValid(chart);

  test('a self-signed Issuer, and per CA a Certificate and a CA Issuer of the same name', () => {
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'Issuer tenant1/karmada-demo-selfsigned',
      'Certificate tenant1/karmada-demo-ca',
      'Issuer tenant1/karmada-demo-ca',
      'Certificate tenant1/karmada-demo-front-proxy-ca',
      'Issuer tenant1/karmada-demo-front-proxy-ca',
      'Certificate tenant1/karmada-demo-etcd-ca',
      'Issuer tenant1/karmada-demo-etcd-ca',
    ]);
    expect(named(objects, 'Issuer', 'karmada-demo-selfsigned').spec).toEqual({ selfSigned: {} });
    expect(ApiObject.of(authorities).metadata.name).toBe('karmada-demo-selfsigned');
  });

  test('each CA has the operator\'s common name, is a CA for ten years, and keeps its key across renewals', () => {
    const cas = ofKind(objects, 'Certificate');
    expect(cas.map((c) => c.spec.commonName)).toEqual(['karmada', 'front-proxy-ca', 'karmada-etcd-ca']);
    for (const ca of cas) {
      expect(ca.spec).toEqual({
        secretName: ca.metadata.name,
        issuerRef: { name: 'karmada-demo-selfsigned', kind: 'Issuer', group: 'cert-manager.io' },
        isCA: true,
        commonName: ca.spec.commonName,
        usages: ['cert sign', 'digital signature'],
        duration: '87600h',
        renewBefore: '8760h',
        privateKey: { algorithm: 'RSA', size: 3072, rotationPolicy: 'Never' },
      });
      expect(named(objects, 'Issuer', ca.metadata.name).spec).toEqual({ ca: { secretName: ca.spec.secretName } });
    }
  });

  test('the issuer of each purpose is the CA Issuer of that purpose', () => {
    expect([authorities.karmadaIssuer, authorities.frontProxyIssuer, authorities.etcdIssuer]).toEqual([
      { name: 'karmada-demo-ca', kind: 'Issuer', group: 'cert-manager.io' },
      { name: 'karmada-demo-front-proxy-ca', kind: 'Issuer', group: 'cert-manager.io' },
      { name: 'karmada-demo-etcd-ca', kind: 'Issuer', group: 'cert-manager.io' },
    ]);
    expect(authorities.namespace).toBe('tenant1');
    expect(authorities.caCertificates).toHaveLength(3);
    expect(authorities.caIssuers).toHaveLength(3);
  });
});

test('an instance name without "karmada" gets "-karmada-" in every name, as the operator names things', () => {
  const chart = newChart('tenant1');
  new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'tenant1', namespace: 'other' });
  expect(synthValid(chart).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
    'other/tenant1-karmada-selfsigned',
    'other/tenant1-karmada-ca', 'other/tenant1-karmada-ca',
    'other/tenant1-karmada-front-proxy-ca', 'other/tenant1-karmada-front-proxy-ca',
    'other/tenant1-karmada-etcd-ca', 'other/tenant1-karmada-etcd-ca',
  ]);
});

test('ECDSA CAs get P-256 keys', () => {
  const chart = newChart();
  new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'tenant1', keyAlgorithm: KeyAlgorithm.ECDSA_P256 });
  for (const ca of ofKind(synthValid(chart), 'Certificate')) {
    expect(ca.spec.privateKey).toEqual({ algorithm: 'ECDSA', size: 256, rotationPolicy: 'Never' });
  }
});

test('with an issuer of the user\'s, nothing is made and every purpose uses that issuer', () => {
  const chart = newChart();
  const issuer = { name: 'corporate-ca', kind: 'ClusterIssuer' };
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'tenant1', issuer });
  expect(synthValid(chart)).toEqual([]);
  expect([authorities.karmadaIssuer, authorities.frontProxyIssuer, authorities.etcdIssuer]).toEqual([issuer, issuer, issuer]);
  expect(authorities.selfSignedIssuer).toBeUndefined();
  expect(authorities.node.defaultChild).toBeUndefined();
  expect(problemLines(authorities)).toEqual([]);
});

test('an external issuer names its own kind and group', () => {
  const chart = newChart();
  const issuer = { name: 'pca', kind: 'AWSPCAClusterIssuer', group: 'awspca.cert-manager.io' };
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'tenant1', issuer });
  expect(problemLines(authorities)).toEqual([]);
  expect(authorities.etcdIssuer).toEqual(issuer);
});

describe('bad input is a problem with field and fix, never an exception', () => {
  const problems = (props: unknown) => problemLines(new KarmadaCertificateAuthorities(newChart(), 'Authorities', props as any));

  test.each([
    [{ instanceName: 'tenant1', issuer: { name: 'ca', kind: 'Foo' } },
      'issuer.kind: "Foo" is not a kind of cert-manager issuer. Fix: give "Issuer" or "ClusterIssuer", or the group of the external issuer of that kind'],
    [{ instanceName: 'tenant1', issuer: { kind: 'Issuer' } }, 'issuer.name: no issuer name is given. Fix: give the name of the issuer'],
    [{ instanceName: 'tenant1', issuer: { name: 'ca' } }, 'issuer.kind: no issuer kind is given. Fix: give "Issuer" or "ClusterIssuer"'],
    [{ instanceName: 'tenant1', issuer: { name: 'My CA', kind: 'Issuer' } },
      'issuer.name: "My CA" is not a valid issuer name. Fix: give the name of an Issuer or ClusterIssuer: lowercase letters, digits, "-" and "."'],
    [{ instanceName: 'tenant1', issuer: { name: 'ca', kind: 'Issuer', grupo: 'x' } },
      'issuer.grupo: "grupo" is not a field of an issuer reference. Fix: use name, kind and group'],
    [{ instanceName: 'tenant1', issuer: 'my-ca' }, 'issuer: expected an object, got a string ("my-ca"). Fix: give an object such as { name: "my-ca", kind: "ClusterIssuer" }'],
    [{ instanceName: 'tenant1', keyAlgorithm: 'RSA' }, 'keyAlgorithm: "RSA" is not a key algorithm. Fix: use KeyAlgorithm.RSA_3072 or KeyAlgorithm.ECDSA_P256'],
    [{ instanceName: 'Tenant 1' }, 'instanceName: "Tenant 1" is not a valid instance name'],
    [{}, 'instanceName: the instance name is empty. Fix: name the Karmada instance, for example "tenant1"'],
    [{ instanceName: 42 }, 'instanceName: expected a string, got a number (42). Fix: name the Karmada instance, such as "tenant1"'],
    [{ instanceName: 'tenant1', issuers: {} }, 'issuers: "issuers" is not a prop of KarmadaCertificateAuthorities, so it would be ignored. Fix: did you mean issuer?'],
    [{ instanceName: 'tenant1', namespace: 'Tenant_1' }, 'namespace: "Tenant_1" is not a valid namespace name'],
    [null, 'props: expected the props object, got null. Fix: pass the props, such as { instanceName: "tenant1" }'],
  ])('%j', (props, expected) => {
    const found = problems(props);
    expect(found.some((line) => line.startsWith(expected))).toBe(true);
  });

  test('a synth fails with every problem', () => {
    const chart = newChart();
    new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'x_1', issuer: { name: '', kind: 'Issuer' } });
    expect(() => synthValid(chart)).toThrow(/issuer.name: "" is not a valid issuer name[\s\S]*instanceName: "x_1"/);
  });
});
