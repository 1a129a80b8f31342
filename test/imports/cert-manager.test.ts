/**
 * The generated cert-manager classes (src/imports/cert-manager.io.ts) synthesize objects that
 * cert-manager's CRDs accept. The example is the operator's own CA structure for the API server
 * (see the notes on operator/pkg/certs): a self-signed root CA "karmada", an Issuer for it, and the
 * serving certificate "karmada-apiserver" with RSA 3072 keys, valid one year.
 */
import { Testing } from 'cdk8s';
import {
  Certificate,
  CertificateSpecPrivateKeyAlgorithm as KeyAlgorithm,
  CertificateSpecUsages,
  ClusterIssuer,
  Issuer,
} from '../../src/imports/cert-manager.io';
import * as certificateSchema from '../../src/imports/certificate-cert-manager.io.schema.json';
import * as clusterIssuerSchema from '../../src/imports/clusterissuer-cert-manager.io.schema.json';
import * as issuerSchema from '../../src/imports/issuer-cert-manager.io.schema.json';
import { CrdSchemaFile, CrdValidator } from './crd-schema';

const validators: Record<string, CrdValidator> = {
  Certificate: new CrdValidator(certificateSchema as unknown as CrdSchemaFile, 'v1'),
  Issuer: new CrdValidator(issuerSchema as unknown as CrdSchemaFile, 'v1'),
  ClusterIssuer: new CrdValidator(clusterIssuerSchema as unknown as CrdSchemaFile, 'v1'),
};

function problems(obj: any): string[] {
  return validators[obj.kind].problems(obj);
}

function caChain(): any[] {
  const chart = Testing.chart();
  const ns = 'tenant1';
  new ClusterIssuer(chart, 'selfsigned', { metadata: { name: 'selfsigned' }, spec: { selfSigned: {} } });
  new Certificate(chart, 'ca', {
    metadata: { name: 'karmada-demo-ca', namespace: ns },
    spec: {
      isCa: true,
      commonName: 'karmada',
      secretName: 'karmada-demo-ca',
      duration: '87600h',
      privateKey: { algorithm: KeyAlgorithm.RSA, size: 3072 },
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'selfsigned' },
    },
  });
  new Issuer(chart, 'ca-issuer', { metadata: { name: 'karmada-demo-ca', namespace: ns }, spec: { ca: { secretName: 'karmada-demo-ca' } } });
  new Certificate(chart, 'apiserver', {
    metadata: { name: 'karmada-demo-apiserver', namespace: ns },
    spec: {
      commonName: 'karmada-apiserver',
      secretName: 'karmada-demo-apiserver-cert',
      duration: '8760h',
      usages: [CertificateSpecUsages.SERVER_AUTH],
      dnsNames: ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', '*.tenant1.svc.cluster.local', '*.tenant1.svc'],
      ipAddresses: ['127.0.0.1'],
      privateKey: { algorithm: KeyAlgorithm.RSA, size: 3072 },
      issuerRef: { kind: 'Issuer', name: 'karmada-demo-ca' },
    },
  });
  return Testing.synth(chart);
}

describe('the generated cert-manager classes', () => {
  test('a CA chain for the API server synthesizes and validates', () => {
    const objects = caChain();
    expect(objects.map(o => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'cert-manager.io/v1 ClusterIssuer selfsigned',
      'cert-manager.io/v1 Certificate karmada-demo-ca',
      'cert-manager.io/v1 Issuer karmada-demo-ca',
      'cert-manager.io/v1 Certificate karmada-demo-apiserver',
    ]);
    expect(objects[1].spec).toMatchObject({ isCA: true, privateKey: { algorithm: 'RSA', size: 3072 } });
    expect(objects[3].spec.usages).toEqual(['server auth']);
    for (const o of objects) expect(problems(o)).toEqual([]);
  });

  test('a Certificate needs issuerRef and secretName, and usages come from an enum', () => {
    const cert = caChain()[3];
    delete cert.spec.secretName;
    cert.spec.usages = ['serverAuth'];
    expect(problems(cert)).toEqual([
      "/spec: must have required property 'secretName'",
      '/spec/usages/0: must be equal to one of the allowed values ' + JSON.stringify(Object.values(CertificateSpecUsages)),
    ]);
  });

  test("an Issuer's Venafi settings take exactly one of tpp, cloud and ngts (a CEL rule)", () => {
    const issuer = caChain()[2];
    issuer.spec = { venafi: { zone: 'z', tpp: { url: 'https://tpp.example.com', credentialsRef: { name: 'tpp' } }, cloud: { apiTokenSecretRef: { name: 'cloud', key: 'token' } } } };
    expect(problems(issuer)).toEqual([
      '/spec/venafi: fails a CEL rule: ["exactly one of tpp, cloud, or ngts must be configured"]',
    ]);
  });
});
