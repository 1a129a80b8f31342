/**
 * KarmadaEtcd: parity with the operator's local etcd where it works, our standards where it does
 * not (peer TLS, member names, probes, Pod Security, availability), certificates from cert-manager
 * or from the operator's Secret, and every bad input reported with field and fix.
 */
import { ApiObject } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import { EtcdCertificates, EtcdStorage, KarmadaCertificateAuthorities, KarmadaEtcd, KarmadaEtcdProps, KeyAlgorithm } from '../../src';
import { Manifest, newChart, parseCommand } from '../helpers';
import { named, ofKind, problemLines, synthValid } from '../certificates/objects';
import { pssRestrictedViolations, writableRootFilesystems } from '../pss';

function render(props: Partial<KarmadaEtcdProps> = {}, namespace = 'tenant1') {
  const chart = newChart(namespace);
  const etcd = new KarmadaEtcd(chart, 'Etcd', { instanceName: 'karmada-demo', ...props });
  const objects = synthValid(chart);
  const [statefulSet] = ofKind(objects, 'StatefulSet');
  const pod = statefulSet.spec.template.spec;
  const container = pod.containers[0];
  return { chart, etcd, objects, statefulSet, pod, container, flags: parseCommand(container.command) };
}

/** A rendered cert-manager etcd of three members, its issuer from KarmadaCertificateAuthorities. */
function renderThree(extra: Partial<KarmadaEtcdProps> = {}) {
  const chart = newChart('tenant1');
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo' });
  const etcd = new KarmadaEtcd(chart, 'Etcd', {
    instanceName: 'karmada-demo', replicas: 3, certificates: EtcdCertificates.certManager({ issuer: authorities.etcdIssuer }), ...extra,
  });
  const objects = synthValid(chart).filter((o) => !o.metadata.name.includes('-ca') && o.kind !== 'Issuer');
  const statefulSet = named(objects, 'StatefulSet', 'karmada-demo-etcd');
  const pod = statefulSet.spec.template.spec;
  return { etcd, objects, statefulSet, pod, flags: parseCommand(pod.containers[0].command) };
}

const DOMAIN = 'karmada-demo-etcd.tenant1.svc.cluster.local';

describe('one member, the operator\'s Secret (the defaults)', () => {
  const { etcd, objects, statefulSet, pod, container, flags } = render();

  test('the operator\'s objects: StatefulSet and headless peer Service <instance>-etcd, client Service <instance>-etcd-client', () => {
    expect(objects.map((o: Manifest) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'StatefulSet tenant1/karmada-demo-etcd',
      'Service tenant1/karmada-demo-etcd',
      'Service tenant1/karmada-demo-etcd-client',
    ]);
    expect(ApiObject.of(etcd).kind).toBe('StatefulSet');
    expect(etcd.clientUrl).toBe('https://karmada-demo-etcd-client.tenant1.svc.cluster.local:2379');
    expect(etcd.podDisruptionBudget).toBeUndefined();
  });

  test('labels app.kubernetes.io/name: etcd and the instance select the pods', () => {
    const selector = { 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo' };
    expect(statefulSet.spec.selector).toEqual({ matchLabels: selector });
    expect(statefulSet.spec.template.metadata.labels).toEqual({ ...selector, 'app.kubernetes.io/managed-by': 'cdk8s-karmada' });
    for (const service of ofKind(objects, 'Service')) {
      expect(service.spec.selector).toEqual(selector);
    }
  });

  test('a StatefulSet with parallel start, named by the peer Service, with the operator\'s image and ports', () => {
    expect(statefulSet.spec).toMatchObject({ replicas: 1, serviceName: 'karmada-demo-etcd', podManagementPolicy: 'Parallel' });
    expect(container).toMatchObject({ name: 'etcd', image: 'registry.k8s.io/etcd:3.6.8-0', imagePullPolicy: 'IfNotPresent' });
    expect(container.ports).toEqual([
      { name: 'client', containerPort: 2379, protocol: 'TCP' },
      { name: 'server', containerPort: 2380, protocol: 'TCP' },
      { name: 'metrics', containerPort: 2381, protocol: 'TCP' },
    ]);
    expect(container.env).toEqual([{ name: 'KARMADA_ETCD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }]);
    expect(container.command[0]).toBe('/usr/local/bin/etcd');
  });

  test('the flags, sorted by name', () => {
    const pki = '/etc/karmada/pki/etcd';
    expect(flags).toEqual({
      'advertise-client-urls': `https://$(KARMADA_ETCD_NAME).${DOMAIN}:2379`,
      'cert-file': `${pki}/etcd-server.crt`,
      'client-cert-auth': 'true',
      'data-dir': '/var/lib/etcd',
      'initial-advertise-peer-urls': `https://$(KARMADA_ETCD_NAME).${DOMAIN}:2380`,
      'initial-cluster': `karmada-demo-etcd-0=https://karmada-demo-etcd-0.${DOMAIN}:2380`,
      'initial-cluster-state': 'new',
      'initial-cluster-token': 'karmada-demo-etcd.tenant1',
      'key-file': `${pki}/etcd-server.key`,
      'listen-client-urls': 'https://0.0.0.0:2379',
      'listen-metrics-urls': 'http://0.0.0.0:2381',
      'listen-peer-urls': 'https://0.0.0.0:2380',
      'log-level': 'info',
      'name': '$(KARMADA_ETCD_NAME)',
      'peer-cert-file': `${pki}/etcd-peer.crt`,
      'peer-client-cert-auth': 'true',
      'peer-key-file': `${pki}/etcd-peer.key`,
      'peer-trusted-ca-file': `${pki}/etcd-ca.crt`,
      'snapshot-count': '10000',
      'tls-min-version': 'TLS1.3',
      'trusted-ca-file': `${pki}/etcd-ca.crt`,
    });
    const names = container.command.slice(1).map((arg: string) => arg.split('=')[0]);
    expect(names).toEqual([...names].sort());
  });

  test('a member advertises to its peers the very URL --initial-cluster gives it, so etcd need not resolve a name to start', () => {
    const member = 'karmada-demo-etcd-0';
    const own = flags['initial-advertise-peer-urls'].replace('$(KARMADA_ETCD_NAME)', member);
    expect(flags['initial-cluster'].split(',')).toContain(`${member}=${own}`);
    expect(flags.name.replace('$(KARMADA_ETCD_NAME)', member)).toBe(member);
  });

  test('the certificates come from the operator\'s Secret, the server pair serving as the peer pair', () => {
    expect(pod.volumes[0]).toEqual({
      name: 'etcd-cert',
      projected: {
        defaultMode: 0o440,
        sources: [{
          secret: {
            name: 'karmada-demo-etcd-cert',
            items: [
              { key: 'etcd-ca.crt', path: 'etcd-ca.crt' },
              { key: 'etcd-server.crt', path: 'etcd-server.crt' },
              { key: 'etcd-server.key', path: 'etcd-server.key' },
              { key: 'etcd-server.crt', path: 'etcd-peer.crt' },
              { key: 'etcd-server.key', path: 'etcd-peer.key' },
            ],
          },
        }],
      },
    });
    expect(flags['peer-cert-allowed-cn']).toBeUndefined();
    expect(etcd.certificates).toEqual([]);
  });

  test('every file a flag names is in the certificate volume, under a read-only mount without subPath', () => {
    const mount = container.volumeMounts.find((m: any) => m.name === 'etcd-cert');
    expect(mount).toEqual({ name: 'etcd-cert', mountPath: '/etc/karmada/pki/etcd', readOnly: true });
    const files = pod.volumes[0].projected.sources.flatMap((s: any) => s.secret.items.map((i: any) => `${mount.mountPath}/${i.path}`));
    const named = Object.entries(flags).filter(([flag]) => flag.endsWith('-file')).map(([, value]) => value);
    expect(named.length).toBe(6);
    expect(files).toEqual(expect.arrayContaining(named));
  });

  test('the probes use the plain-HTTP metrics listener, which needs no client certificate', () => {
    expect(flags['listen-metrics-urls']).toBe('http://0.0.0.0:2381');
    const httpGet = (path: string) => ({ path, port: 'metrics', scheme: 'HTTP' });
    expect(container.startupProbe).toEqual({ httpGet: httpGet('/livez'), periodSeconds: 10, timeoutSeconds: 15, successThreshold: 1, failureThreshold: 30 });
    expect(container.livenessProbe).toEqual({ httpGet: httpGet('/livez'), periodSeconds: 10, timeoutSeconds: 15, successThreshold: 1, failureThreshold: 8 });
    expect(container.readinessProbe).toEqual({ httpGet: httpGet('/readyz'), periodSeconds: 5, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 });
  });

  test('the pod meets Pod Security "restricted", with a read-only root filesystem, as user 65532', () => {
    expect(pssRestrictedViolations(pod)).toEqual([]);
    expect(writableRootFilesystems(pod)).toEqual([]);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.enableServiceLinks).toBe(false);
  });

  test('the data directory is a claim per member (8Gi), mounted where --data-dir points', () => {
    expect(statefulSet.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'etcd-data', labels: { 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '8Gi' } } },
    }]);
    expect(container.volumeMounts).toContainEqual({ name: 'etcd-data', mountPath: flags['data-dir'] });
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['etcd-cert']);
  });

  test('resources and priority class', () => {
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '2Gi' } });
    expect(pod.priorityClassName).toBe('system-node-critical');
  });

  test('one member needs no budget and no anti-affinity', () => {
    expect(pod.affinity).toBeUndefined();
  });

  test('the headless peer Service publishes members before they are ready; the client Service does not', () => {
    const peer = named(objects, 'Service', 'karmada-demo-etcd');
    expect(peer.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(peer.spec.ports).toEqual([
      { name: 'client', port: 2379, targetPort: 2379, protocol: 'TCP' },
      { name: 'server', port: 2380, targetPort: 2380, protocol: 'TCP' },
    ]);
    const client = named(objects, 'Service', 'karmada-demo-etcd-client');
    expect(client.spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo' },
      ports: [{ name: 'client', port: 2379, targetPort: 2379, protocol: 'TCP' }],
    });
  });

  test('the API server\'s client certificate volume takes the client pair of the same Secret, and nothing else', () => {
    expect(etcd.clientCertificateVolume).toEqual({
      name: 'etcd-client-cert',
      secret: {
        secretName: 'karmada-demo-etcd-cert',
        defaultMode: 0o440,
        items: ['etcd-ca.crt', 'etcd-client.crt', 'etcd-client.key'].map((f) => ({ key: f, path: f })),
      },
    });
  });
});

describe('three members, certificates from cert-manager', () => {
  const { etcd, objects, statefulSet, pod, flags } = renderThree();

  test('every member is in --initial-cluster, at its own name, over TLS', () => {
    expect(flags['initial-cluster'].split(',')).toEqual([0, 1, 2].map((i) => `karmada-demo-etcd-${i}=https://karmada-demo-etcd-${i}.${DOMAIN}:2380`));
    expect(statefulSet.spec.replicas).toBe(3);
  });

  test('a budget that lets one member go at a time, and one member per node', () => {
    const budget = named(objects, 'PodDisruptionBudget', 'karmada-demo-etcd');
    expect(budget.spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo' } },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
    expect(pod.affinity).toEqual({
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo' } },
          topologyKey: 'kubernetes.io/hostname',
        }],
      },
    });
    expect(etcd.podDisruptionBudget).toBeDefined();
  });

  test('server, peer and client Certificates, from the etcd CA', () => {
    const certificates = ofKind(objects, 'Certificate');
    expect(certificates.map((c) => [c.metadata.name, c.spec.commonName, c.spec.usages])).toEqual([
      ['karmada-demo-etcd-server-cert', 'karmada-etcd-server', ['digital signature', 'key encipherment', 'server auth', 'client auth']],
      ['karmada-demo-etcd-peer-cert', 'karmada-etcd-peer', ['digital signature', 'key encipherment', 'server auth', 'client auth']],
      ['karmada-demo-etcd-client-cert', 'karmada-etcd-client', ['digital signature', 'key encipherment', 'client auth']],
    ]);
    for (const certificate of certificates) {
      expect(certificate.spec).toMatchObject({
        secretName: certificate.metadata.name,
        issuerRef: { name: 'karmada-demo-etcd-ca', kind: 'Issuer', group: 'cert-manager.io' },
        duration: '2160h',
        renewBefore: '720h',
        privateKey: { algorithm: 'RSA', size: 3072, rotationPolicy: 'Always' },
      });
    }
    expect(etcd.certificates).toHaveLength(3);
  });

  test('the server certificate names the client Service in each form, every member, and loopback', () => {
    const server = named(objects, 'Certificate', 'karmada-demo-etcd-server-cert');
    expect(server.spec.dnsNames).toEqual([
      'karmada-demo-etcd-client', 'karmada-demo-etcd-client.tenant1', 'karmada-demo-etcd-client.tenant1.svc',
      'karmada-demo-etcd-client.tenant1.svc.cluster.local', `*.${DOMAIN}`, 'localhost',
    ]);
    expect(server.spec.ipAddresses).toEqual(['127.0.0.1']);
    // The API server dials the client Service by its long name.
    expect(server.spec.dnsNames).toContain(new URL(etcd.clientUrl).hostname);
  });

  test('the peer certificate names every member (for etcd\'s forward lookups) and their wildcard', () => {
    const peer = named(objects, 'Certificate', 'karmada-demo-etcd-peer-cert');
    expect(peer.spec.dnsNames).toEqual([`*.${DOMAIN}`, ...[0, 1, 2].map((i) => `karmada-demo-etcd-${i}.${DOMAIN}`)]);
    expect(peer.spec.ipAddresses).toBeUndefined();
    expect(flags['peer-cert-allowed-cn']).toBe(peer.spec.commonName);
  });

  test('the client certificate has no names: etcd would check them against the API server pod\'s address', () => {
    const client = named(objects, 'Certificate', 'karmada-demo-etcd-client-cert');
    expect(client.spec.dnsNames).toBeUndefined();
    expect(client.spec.ipAddresses).toBeUndefined();
  });

  test('the certificate volume projects the server and peer Secrets onto the same files as the operator\'s Secret', () => {
    expect(pod.volumes[0].projected.sources).toEqual([
      {
        secret: {
          name: 'karmada-demo-etcd-server-cert',
          items: [{ key: 'ca.crt', path: 'etcd-ca.crt' }, { key: 'tls.crt', path: 'etcd-server.crt' }, { key: 'tls.key', path: 'etcd-server.key' }],
        },
      },
      { secret: { name: 'karmada-demo-etcd-peer-cert', items: [{ key: 'tls.crt', path: 'etcd-peer.crt' }, { key: 'tls.key', path: 'etcd-peer.key' }] } },
    ]);
    expect(etcd.clientCertificateVolume.secret).toEqual({
      secretName: 'karmada-demo-etcd-client-cert',
      defaultMode: 0o440,
      items: [{ key: 'ca.crt', path: 'etcd-ca.crt' }, { key: 'tls.crt', path: 'etcd-client.crt' }, { key: 'tls.key', path: 'etcd-client.key' }],
    });
  });

  test('extra server names and ECDSA keys', () => {
    const chart = newChart('tenant1');
    new KarmadaEtcd(chart, 'Etcd', {
      instanceName: 'karmada-demo',
      certificates: EtcdCertificates.certManager({
        issuer: { name: 'etcd-ca', kind: 'ClusterIssuer' }, keyAlgorithm: KeyAlgorithm.ECDSA_P256, serverCertSans: ['etcd.example.com', '192.0.2.1'],
      }),
    });
    const server = named(synthValid(chart), 'Certificate', 'karmada-demo-etcd-server-cert');
    expect(server.spec.dnsNames.at(-1)).toBe('etcd.example.com');
    expect(server.spec.ipAddresses).toEqual(['127.0.0.1', '192.0.2.1']);
    expect(server.spec).toMatchObject({ usages: ['digital signature', 'server auth', 'client auth'], privateKey: { algorithm: 'ECDSA', size: 256 } });
  });
});

describe('settings', () => {
  test('an instance name without "karmada", and another namespace and domain', () => {
    const { objects, flags, etcd } = render({ instanceName: 'tenant1', namespace: 'ns2', clusterDomain: 'example.local' });
    expect(objects.map((o) => o.metadata.name)).toEqual(['tenant1-karmada-etcd', 'tenant1-karmada-etcd', 'tenant1-karmada-etcd-client']);
    expect(flags['initial-cluster']).toBe('tenant1-karmada-etcd-0=https://tenant1-karmada-etcd-0.tenant1-karmada-etcd.ns2.svc.example.local:2380');
    expect(etcd.clientUrl).toBe('https://tenant1-karmada-etcd-client.ns2.svc.example.local:2379');
  });

  test('an emptyDir instead of claims, with a size limit', () => {
    const { statefulSet, pod } = render({ storage: EtcdStorage.emptyDir({ sizeLimit: '4Gi' }) });
    expect(statefulSet.spec.volumeClaimTemplates).toBeUndefined();
    expect(pod.volumes[1]).toEqual({ name: 'etcd-data', emptyDir: { sizeLimit: '4Gi' } });
  });

  test('a claim of another size and class', () => {
    const { statefulSet } = render({ storage: EtcdStorage.claim({ size: '20Gi', storageClassName: 'fast-ssd' }) });
    expect(statefulSet.spec.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOnce'], storageClassName: 'fast-ssd', resources: { requests: { storage: '20Gi' } },
    });
  });

  test('a Secret of another name', () => {
    const { pod, etcd } = render({ certificates: EtcdCertificates.fromSecret({ secretName: 'my-etcd-pki' }) });
    expect(pod.volumes[0].projected.sources[0].secret.name).toBe('my-etcd-pki');
    expect(etcd.clientCertificateVolume.secret?.secretName).toBe('my-etcd-pki');
  });

  test('image, pull policy, resources, priority, labels and annotations', () => {
    const resources: k8s.ResourceRequirements = { requests: { cpu: k8s.Quantity.fromString('1'), memory: k8s.Quantity.fromString('1Gi') } };
    const { statefulSet, pod, container, objects } = render({
      imageRepository: 'mirror.example.com/etcd', imageTag: '3.6.9-0', imagePullPolicy: ImagePullPolicy.ALWAYS, resources,
      priorityClassName: 'etcd-critical', labels: { team: 'platform', 'app.kubernetes.io/name': 'mine' }, annotations: { owner: 'me' },
    });
    expect(container).toMatchObject({ image: 'mirror.example.com/etcd:3.6.9-0', imagePullPolicy: 'Always', resources: { requests: { cpu: '1', memory: '1Gi' } } });
    expect(pod.priorityClassName).toBe('etcd-critical');
    expect(statefulSet.spec.template.metadata).toEqual({
      labels: { 'team': 'platform', 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo', 'app.kubernetes.io/managed-by': 'cdk8s-karmada' },
      annotations: { owner: 'me' },
    });
    expect(statefulSet.metadata.annotations).toEqual({ owner: 'me' });
    for (const object of objects) {
      expect(object.metadata.labels.team).toBe('platform');
    }
  });

  test('tolerations, node selector and spread constraints are kept; spreading replaces the default anti-affinity', () => {
    const spread: k8s.TopologySpreadConstraint = {
      maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'karmada-demo' } },
    };
    const { pod } = renderThree({
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'control-plane', effect: 'NoSchedule' }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      topologySpreadConstraints: [spread],
    });
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'control-plane', effect: 'NoSchedule' }]);
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(pod.topologySpreadConstraints).toEqual([spread]);
    expect(pod.affinity).toBeUndefined();
  });

  test('a user\'s node affinity is kept beside the default anti-affinity', () => {
    const nodeAffinity: k8s.NodeAffinity = {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'role', operator: 'In', values: ['cp'] }] }] },
    };
    const { pod } = renderThree({ affinity: { nodeAffinity } });
    expect(pod.affinity.nodeAffinity).toEqual(nodeAffinity);
    expect(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
  });
});

describe('bad input is a problem with field and fix, never an exception', () => {
  const problems = (props: unknown) => problemLines(new KarmadaEtcd(newChart(), 'Etcd', props as KarmadaEtcdProps));
  const base = { instanceName: 'karmada-demo' };

  test.each([
    [{ ...base, replicas: 2 }, 'replicas: 2 members: an even count tolerates no more failed members than 1, and needs one more member for every write. Fix: use one of 1, 3, 5, 7'],
    [{ ...base, replicas: 4 }, 'replicas: 4 members: an even count tolerates no more failed members than 3, and needs one more member for every write. Fix: use one of 1, 3, 5, 7'],
    [{ ...base, replicas: 0 }, 'replicas: 0 members: etcd needs an odd number of members, at least 1. Fix: use one of 1, 3, 5, 7'],
    [{ ...base, replicas: 9 }, 'replicas: 9 members: etcd needs an odd number of members, at least 1. Fix: use one of 1, 3, 5, 7'],
    [{ ...base, replicas: '3' }, 'replicas: expected a number, got a string ("3"). Fix: give the number of members: 1, 3, 5 or 7'],
    [{ ...base, imageTag: 'latest' }, 'imageTag: "latest" does not pin an etcd release: members of one cluster could run different ones. Fix: give a version tag, such as "3.6.8-0"'],
    [{ ...base, imagePullPolicy: 'Sometimes' }, 'imagePullPolicy: "Sometimes" is not a pull policy. Fix: use ImagePullPolicy.IF_NOT_PRESENT, ALWAYS or NEVER'],
    [{ ...base, priorityClassName: 'High Priority' }, 'priorityClassName: "High Priority" is not a valid PriorityClass name'],
    [{ ...base, storage: EtcdStorage.claim({ size: 'big' }) }, 'storage.size: "big" is not a positive quantity. Fix: give a size such as "8Gi"'],
    [{ ...base, storage: EtcdStorage.claim({ size: '0' }) }, 'storage.size: "0" is not a positive quantity. Fix: give a size such as "8Gi"'],
    [{ ...base, storage: EtcdStorage.claim({ storageClassName: 'Fast SSD' }) }, 'storage.storageClassName: "Fast SSD" is not a valid StorageClass name'],
    [{ ...base, storage: EtcdStorage.emptyDir({ sizeLimit: 8 as any }) }, 'storage.sizeLimit: expected a string, got a number (8). Fix: give a size such as "8Gi"'],
    [{ ...base, storage: 'emptyDir' }, 'storage: expected an EtcdStorage, got a string ("emptyDir"). Fix: give EtcdStorage.claim() or EtcdStorage.emptyDir()'],
    [{ ...base, certificates: EtcdCertificates.certManager({} as any) }, 'certificates.issuer: no issuer is given. Fix: give the etcd CA\'s issuer, such as KarmadaCertificateAuthorities.etcdIssuer'],
    [{ ...base, certificates: EtcdCertificates.certManager({ issuer: { name: 'ca', kind: 'Issuer' }, san: [] } as any) },
      'certificates.san: "san" is not an option of EtcdCertificates.certManager(). Fix: use issuer, keyAlgorithm and serverCertSans'],
    [{ ...base, certificates: EtcdCertificates.certManager({ issuer: { name: 'ca', kind: 'Issuer' }, serverCertSans: ['a b'] }) },
      'certificates.serverCertSans[0]: "a b" is neither an IP address nor a DNS name'],
    [{ ...base, certificates: EtcdCertificates.fromSecret({ secretName: 'My Secret' }) }, 'certificates.secretName: "My Secret" is not a valid Secret name'],
    [{ ...base, certificates: new (EtcdCertificates as any)() }, 'certificates: this EtcdCertificates was made with new, and holds no settings. Fix: use EtcdCertificates.certManager({ issuer }) or EtcdCertificates.fromSecret()'],
    [{ ...base, storage: new (EtcdStorage as any)() }, 'storage: this EtcdStorage was made with new, and holds no settings. Fix: use EtcdStorage.claim() or EtcdStorage.emptyDir()'],
    [{ ...base, tolerations: { key: 'x' } }, 'tolerations: expected a list of tolerations, got an object. Fix: wrap the toleration in a list: [ ... ]'],
    [{ ...base, replica: 3 }, 'replica: "replica" is not a prop of KarmadaEtcd, so it would be ignored. Fix: did you mean replicas?'],
    [{ ...base, namespace: 'Tenant1' }, 'namespace: "Tenant1" is not a valid namespace name'],
    [{ ...base, labels: { team: 7 } }, 'labels.team: expected a string, got a number (7). Fix: write the value as a string: "7"'],
    [{ instanceName: '1tenant' }, 'instanceName: "1tenant" is not a valid instance name'],
    [undefined, 'props: expected the props object, got undefined. Fix: pass the props, such as { instanceName: "tenant1" }'],
  ])('%j', (props, expected) => {
    const found = problems(props);
    expect(found.filter((line) => line.startsWith(expected))).toEqual([found.find((line) => line.startsWith(expected)) ?? expected]);
  });

  test('an instance name whose StatefulSet name leaves no room for the pods\' revision label', () => {
    const name = `karmada-${'a'.repeat(40)}`; // StatefulSet name: 53 characters
    expect(problems({ instanceName: name })).toEqual([
      `instanceName: the StatefulSet name "${name}-etcd" derived from it has 53 characters: its pods' controller-revision-hash label "<name>-<hash>" would be longer than 63. Fix: shorten instanceName by at least 1 characters`,
    ]);
  });

  test('Kubernetes\' own rules catch what our checks do not: a label Kubernetes refuses', () => {
    const found = problems({ ...base, labels: { 'bad key!': 'x' } });
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((line) => line.split(': ')[0])).toEqual([
      'StatefulSet.metadata.labels["bad key!"]', 'StatefulSet.spec.template.metadata.labels["bad key!"]', 'Service.metadata.labels["bad key!"]',
    ]);
  });

  test('a synth fails with the construct path and every problem', () => {
    const chart = newChart();
    new KarmadaEtcd(chart, 'Etcd', { instanceName: 'karmada-demo', replicas: 2, imageTag: 'latest' });
    expect(() => synthValid(chart)).toThrow(/\[test\/Etcd\] replicas: 2 members[\s\S]*\[test\/Etcd\] imageTag/);
  });
});
