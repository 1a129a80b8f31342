/**
 * The API server's certificate directory, as the kubelet would fill it from the Secrets
 * cert-manager writes for our Certificates (made here with openssl to the same specs): every file
 * the flags name is there, each certificate is signed by the CA file its flag pairs it with, names
 * what it must, and matches its key; the service-account key is a key kube-apiserver reads.
 *
 * Skips, saying why, without openssl.
 */
import { X509Certificate, createPrivateKey } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { KarmadaApiServerCertificates, KarmadaCertificateAuthorities, KeyAlgorithm } from '../../src';
import { operatorFlags } from '../../src/model/flags';
import { CERT_DIR } from '../../src/model/layout';
import { newChart } from '../helpers';
import { hasOpenssl, issueSecrets, projectVolume } from '../etcd/openssl';
import { synthValid } from './objects';

const describeWithOpenssl = hasOpenssl() ? describe : describe.skip;
if (!hasOpenssl()) {
  process.stderr.write('\ntest/certificates/files.test.ts: SKIPPED, openssl is not on the PATH.\n');
}

describe.each([KeyAlgorithm.RSA_3072, KeyAlgorithm.ECDSA_P256])('with %s keys', (keyAlgorithm) => {
  describeWithOpenssl('the files of /etc/karmada/pki', () => {
    // Made in beforeAll: the body of a skipped describe still runs, and openssl may be missing.
    let dir: string;
    let written: string[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'karmada-apiserver-pki-'));
      const chart = newChart('tenant1');
      const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo', keyAlgorithm });
      const certificates = new KarmadaApiServerCertificates(chart, 'Certificates', { instanceName: 'karmada-demo', authorities, keyAlgorithm });
      written = projectVolume(certificates.volume as any, issueSecrets(synthValid(chart)), dir);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const flags = operatorFlags({ serviceSubnet: '10.96.0.0/12', clusterDomain: 'cluster.local' });
    const file = (flag: string) => readFileSync(flags[flag].replace(CERT_DIR, dir), 'utf8');
    const certificate = (flag: string) => new X509Certificate(file(flag));

    test('every file a flag names is there, readable by owner and group only', () => {
      const named = Object.values(flags).filter((v) => v.startsWith(`${CERT_DIR}/`));
      for (const path of named) {
        expect(statSync(path.replace(CERT_DIR, dir)).mode & 0o777).toBe(0o440);
      }
      expect(new Set(named.map((p) => p.slice(CERT_DIR.length + 1)))).toEqual(new Set(written));
    });

    test('the serving certificate: signed by the client CA file\'s CA (the Karmada CA), valid for the Service and kubernetes.default, with its key', () => {
      const serving = certificate('tls-cert-file');
      expect(serving.verify(certificate('client-ca-file').publicKey)).toBe(true);
      for (const host of ['karmada-demo-apiserver.tenant1.svc', 'karmada-demo-apiserver.tenant1.svc.cluster.local', 'kubernetes.default.svc.cluster.local', 'localhost']) {
        expect(serving.checkHost(host)).toBe(host);
      }
      expect(serving.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(serving.checkPrivateKey(createPrivateKey(file('tls-private-key-file')))).toBe(true);
      expect(serving.keyUsage ?? []).toContain('1.3.6.1.5.5.7.3.1'); // server auth
    });

    test('the front-proxy client: signed by the request-header CA, named as the allowed names say, with its key', () => {
      const client = certificate('proxy-client-cert-file');
      expect(client.verify(certificate('requestheader-client-ca-file').publicKey)).toBe(true);
      expect(client.verify(certificate('client-ca-file').publicKey)).toBe(false);
      expect(client.subject).toBe(`CN=${flags['requestheader-allowed-names']}`);
      expect(client.checkPrivateKey(createPrivateKey(file('proxy-client-key-file')))).toBe(true);
      expect(client.keyUsage ?? []).toContain('1.3.6.1.5.5.7.3.2'); // client auth
    });

    test('the service-account key: one private key, PKCS#1 or SEC 1 as cert-manager writes it, for both flags', () => {
      expect(flags['service-account-key-file']).toBe(flags['service-account-signing-key-file']);
      const pem = file('service-account-signing-key-file');
      expect(pem).toMatch(keyAlgorithm === KeyAlgorithm.ECDSA_P256 ? /^-----BEGIN EC PRIVATE KEY-----/ : /^-----BEGIN RSA PRIVATE KEY-----/);
      expect(createPrivateKey(pem).asymmetricKeyType).toBe(keyAlgorithm === KeyAlgorithm.ECDSA_P256 ? 'ec' : 'rsa');
    });
  });
});
