/**
 * EtcdConfig.inCluster() and EtcdConfig.fromKarmadaEtcd(): the API server gets the same flags and
 * mount as with local(), with the client certificate of the etcd's own Secret; inCluster() makes
 * the etcd as the API server's child.
 */
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  EtcdCertificates, EtcdConfig, KarmadaApiServer, KarmadaCertificateAuthorities, KarmadaEtcd,
} from '../../src';
import type { EtcdContext } from '../../src/etcd/config';
import { ETCD_CERT_DIR } from '../../src/model/layout';
import { apiServerContainer, flagsOf, manifestOf, newChart, synthErrors } from '../helpers';
import { problemLines, synthValid } from '../certificates/objects';

const CONTEXT: EtcdContext = {
  namespace: 'tenant1',
  clusterDomain: 'cluster.local',
  defaultCertSecretName: 'karmada-demo-etcd-cert',
  defaultServiceName: 'karmada-demo-etcd-client',
};
const ETCD_ISSUER = { name: 'karmada-demo-etcd-ca', kind: 'Issuer' };

describe('the wiring of inCluster()', () => {
  const local = EtcdConfig.local()._wire(CONTEXT);

  test.each([
    ['the operator\'s Secret', EtcdConfig.inCluster()],
    ['cert-manager', EtcdConfig.inCluster({ replicas: 3, certificates: EtcdCertificates.certManager({ issuer: ETCD_ISSUER }) })],
  ])('with %s: the same flags and mount as local()', (_, config) => {
    const wiring = config._wire(CONTEXT);
    expect(wiring.flags).toEqual(local.flags);
    expect(wiring.volumeMount).toEqual(local.volumeMount);
    expect(wiring.volume.name).toBe(local.volume.name);
    expect(wiring.endpoints).toEqual(local.endpoints);
    expect(wiring.inputProblems).toEqual([]);
  });

  test('with the operator\'s Secret: its client pair only (local() mounts the whole Secret, the etcd CA\'s key included)', () => {
    expect(EtcdConfig.inCluster()._wire(CONTEXT).volume).toEqual({
      name: 'etcd-client-cert',
      secret: {
        secretName: 'karmada-demo-etcd-cert',
        defaultMode: 0o440,
        items: [{ key: 'etcd-ca.crt', path: 'etcd-ca.crt' }, { key: 'etcd-client.crt', path: 'etcd-client.crt' }, { key: 'etcd-client.key', path: 'etcd-client.key' }],
      },
    });
    expect(local.volume).toEqual({ name: 'etcd-client-cert', secret: { secretName: 'karmada-demo-etcd-cert' } });
  });

  test('with cert-manager: the client certificate\'s Secret, its keys mapped to the files the flags name', () => {
    const wiring = EtcdConfig.inCluster({ certificates: EtcdCertificates.certManager({ issuer: ETCD_ISSUER }) })._wire(CONTEXT);
    expect(wiring.volume.secret?.secretName).toBe('karmada-demo-etcd-client-cert');
    const paths = (wiring.volume.secret?.items ?? []).map((item) => `${ETCD_CERT_DIR}/${item.path}`);
    expect(paths.sort()).toEqual([wiring.flags['etcd-cafile'], wiring.flags['etcd-certfile'], wiring.flags['etcd-keyfile']].sort());
  });

  test('with a Secret of another name', () => {
    const wiring = EtcdConfig.inCluster({ certificates: EtcdCertificates.fromSecret({ secretName: 'my-etcd-pki' }) })._wire(CONTEXT);
    expect(wiring.volume.secret?.secretName).toBe('my-etcd-pki');
  });
});

describe('the API server with inCluster()', () => {
  // Synthesized with our checks, which know the StatefulSet that the API server will make as its
  // child once it calls _createEtcd (test/helpers' objectsOf knows the API server's kinds only).
  const deploymentOf = (config: EtcdConfig) => {
    const chart = newChart('tenant1');
    new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'karmada-demo', etcd: config });
    return manifestOf(synthValid(chart), 'Deployment');
  };
  const deployment = deploymentOf(EtcdConfig.inCluster({ replicas: 3, certificates: EtcdCertificates.certManager({ issuer: ETCD_ISSUER }) }));
  const withLocal = deploymentOf(EtcdConfig.local());

  test('renders the etcd flags of local()', () => {
    const etcdFlags = (flags: Record<string, string>) => Object.fromEntries(Object.entries(flags).filter(([name]) => name.startsWith('etcd-')));
    expect(etcdFlags(flagsOf(deployment))).toEqual(etcdFlags(flagsOf(withLocal)));
  });

  test('mounts the client certificate as a directory, without subPath, so that renewals reach the pod', () => {
    const mount = apiServerContainer(deployment).volumeMounts.find((m: any) => m.name === 'etcd-client-cert');
    expect(mount).toEqual({ name: 'etcd-client-cert', mountPath: '/etc/karmada/pki/etcd-client', readOnly: true });
    const volume = deployment.spec.template.spec.volumes.find((v: any) => v.name === 'etcd-client-cert');
    expect(volume.secret.secretName).toBe('karmada-demo-etcd-client-cert');
  });
});

describe('_createEtcd: the API server makes the etcd of inCluster() as its child', () => {
  test('named after the API server\'s instance, in its namespace, with the options given', () => {
    const chart = newChart('tenant1');
    const parent = new Construct(chart, 'ApiServer');
    const etcd = EtcdConfig.inCluster({ replicas: 3 })._createEtcd(parent, { instanceName: 'karmada-demo', namespace: 'tenant1', clusterDomain: 'cluster.local' });
    expect(etcd).toBeInstanceOf(KarmadaEtcd);
    expect(etcd?.node.path).toBe('test/ApiServer/Etcd');
    expect([etcd?.namespace, etcd?.replicas, etcd?.clientServiceName]).toEqual(['tenant1', 3, 'karmada-demo-etcd-client']);
    // The client Service is the one the wiring names.
    expect(etcd?.clientUrl).toBe(EtcdConfig.inCluster()._wire(CONTEXT).endpoints[0]);
    synthValid(chart);
  });

  test.each([
    ['local()', EtcdConfig.local()],
    ['external()', EtcdConfig.external({ endpoints: ['https://etcd.example.com:2379'], clientCertSecretName: 'etcd-client' })],
  ])('%s makes nothing', (_, config) => {
    const chart = newChart();
    expect(config._createEtcd(chart, { instanceName: 'tenant1', namespace: 'tenant1', clusterDomain: 'cluster.local' })).toBeUndefined();
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('the options of a JavaScript caller are reported by the etcd, the context wins', () => {
    const chart = newChart();
    const etcd = EtcdConfig.inCluster({ replicas: 2, instanceName: 'other' } as any)
      ._createEtcd(chart, { instanceName: 'karmada-demo', namespace: 'tenant1', clusterDomain: 'cluster.local' });
    expect(etcd?.instanceName).toBe('karmada-demo');
    expect(problemLines(etcd!)).toEqual([
      'replicas: 2 members: an even count tolerates no more failed members than 1, and needs one more member for every write. Fix: use one of 1, 3, 5, 7',
    ]);
  });
});

describe('fromKarmadaEtcd(): an etcd made on its own', () => {
  test('the API server dials its client URL with its client certificate', () => {
    const chart = newChart('tenant1');
    const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo' });
    const etcd = new KarmadaEtcd(chart, 'Etcd', { instanceName: 'karmada-demo', certificates: EtcdCertificates.certManager({ issuer: authorities.etcdIssuer }) });
    new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'karmada-demo', etcd: EtcdConfig.fromKarmadaEtcd(etcd) });
    const deployment = manifestOf(synthValid(chart), 'Deployment');
    expect(flagsOf(deployment)['etcd-servers']).toBe(etcd.clientUrl);
    expect(deployment.spec.template.spec.volumes).toContainEqual(etcd.clientCertificateVolume);
  });

  test('an etcd in another namespace is a problem: the pod cannot mount its certificate', () => {
    const errors = synthErrors((chart) => {
      const etcd = new KarmadaEtcd(chart, 'Etcd', { instanceName: 'karmada-demo', namespace: 'etcd' });
      new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'karmada-demo', etcd: EtcdConfig.fromKarmadaEtcd(etcd) });
    });
    expect(errors).toEqual([
      '[test/ApiServer] etcd: the KarmadaEtcd at test/Etcd is in namespace "etcd", and the API server in "tenant1": the API server pod cannot mount its client certificate from another namespace. Fix: make both in one namespace',
    ]);
  });

  test('something else than a KarmadaEtcd is a problem', () => {
    const errors = synthErrors((chart) => {
      new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'karmada-demo', etcd: EtcdConfig.fromKarmadaEtcd({ clientUrl: 'https://x:2379' } as any) });
    });
    expect(errors).toEqual(['[test/ApiServer] etcd: expected a KarmadaEtcd, got an object. Fix: give the KarmadaEtcd to connect to']);
  });
});
