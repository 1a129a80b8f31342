import { Chart, Testing } from 'cdk8s';
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import { EtcdConfig, KarmadaApiServer } from '../src';
import { configChecksum } from '../src/model/build';
import { apiServerContainer, flagsOf, manifestOf, newChart, objectsOf, synthApiServer, synthChecked, synthErrors } from './helpers';

describe('KarmadaApiServer without sidecars', () => {
  const manifests = synthApiServer({ instanceName: 'tenant1' });
  const deployment = manifestOf(manifests, 'Deployment');

  test('renders the Deployment, Service and ConfigMap with the operator names', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Deployment/tenant1-karmada-apiserver',
      'Service/tenant1-karmada-apiserver',
      'ConfigMap/tenant1-karmada-apiserver-config',
    ]);
  });

  test('the pod holds the API server container alone', () => {
    const spec = deployment.spec.template.spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['kube-apiserver']);
    expect(spec.initContainers).toBeUndefined();
  });
});

describe('sidecars', () => {
  test('a name clash with the API server container is reported with the field and the fix', () => {
    const errors = synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      sidecarContainers: [{ name: 'kube-apiserver', image: 'x:1' }],
    }));
    expect(errors).toEqual([
      '[test/ApiServer] sidecarContainers[0].name: container name "kube-apiserver" is already taken by the API server container. Fix: give every sidecar a name of its own, other than "kube-apiserver"',
    ]);
  });

  test('addSidecarContainer appends after construction', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    api.addSidecarContainer({ name: 'late', image: 'x:1' });
    const spec = manifestOf(synthChecked(chart), 'Deployment').spec.template.spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'late']);
  });
});

// ---------------------------------------------------------------------------------------------
// Every prop's effect on the synthesized objects. Each synth is validated against the schemas.
// ---------------------------------------------------------------------------------------------

const OPERATOR_LABELS = {
  'app.kubernetes.io/name': 'karmada-apiserver',
  'app.kubernetes.io/instance': 'tenant1',
};

describe('defaults: what the operator renders', () => {
  const { deployment, service, configMap, all } = objectsOf({ instanceName: 'tenant1' });
  const pod = deployment.spec.template.spec;
  const container = apiServerContainer(deployment);

  test('no hash suffixes, one namespace, stable names', () => {
    expect(all.map((m) => [m.kind, m.metadata.name, m.metadata.namespace])).toEqual([
      ['Deployment', 'tenant1-karmada-apiserver', 'tenant1'],
      ['Service', 'tenant1-karmada-apiserver', 'tenant1'],
      ['ConfigMap', 'tenant1-karmada-apiserver-config', 'tenant1'],
    ]);
  });

  test('the image, pull policy and replicas are the operator defaults', () => {
    expect(container.image).toBe('registry.k8s.io/kube-apiserver:v1.36.2');
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(deployment.spec.replicas).toBe(1);
  });

  test('the selector holds the name and instance labels only', () => {
    expect(deployment.spec.selector).toEqual({ matchLabels: OPERATOR_LABELS });
    expect(service.spec.selector).toEqual(OPERATOR_LABELS);
  });

  test('every object and the pod template carry the name, instance and managed-by labels', () => {
    const labels = { ...OPERATOR_LABELS, 'app.kubernetes.io/managed-by': 'cdk8s-karmada' };
    for (const m of all) {
      expect(m.metadata.labels).toEqual(labels);
    }
    expect(deployment.spec.template.metadata.labels).toEqual(labels);
  });

  test('the pod: no service account token, system-node-critical, no tolerations or affinity of the user', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.priorityClassName).toBe('system-node-critical');
    expect(pod.tolerations).toBeUndefined();
  });

  test('the API server container: command only, port 5443 named http, no resources', () => {
    expect(container.command[0]).toBe('kube-apiserver');
    expect(container.args).toBeUndefined();
    expect(container.ports).toEqual([{ name: 'http', containerPort: 5443, protocol: 'TCP' }]);
    expect(container.resources).toBeUndefined();
  });

  test('the probes: HTTPS /livez and /readyz on 5443 with the operator timings', () => {
    expect(container.livenessProbe).toMatchObject({
      httpGet: { path: '/livez', port: 5443, scheme: 'HTTPS' },
      initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, failureThreshold: 8,
    });
    expect(container.readinessProbe).toMatchObject({
      httpGet: { path: '/readyz', port: 5443, scheme: 'HTTPS' },
      initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, failureThreshold: 3,
    });
  });

  test('the operator flags, with their values', () => {
    expect(flagsOf(deployment)).toMatchObject({
      'allow-privileged': 'true',
      'authorization-mode': 'Node,RBAC',
      'client-ca-file': '/etc/karmada/pki/ca.crt',
      'disable-admission-plugins': 'StorageObjectInUseProtection,ServiceAccount',
      'enable-admission-plugins': 'NodeRestriction',
      'enable-bootstrap-token-auth': 'true',
      'bind-address': '0.0.0.0',
      'secure-port': '5443',
      'service-account-issuer': 'https://kubernetes.default.svc.cluster.local',
      'service-account-key-file': '/etc/karmada/pki/karmada.key',
      'service-account-signing-key-file': '/etc/karmada/pki/karmada.key',
      'service-cluster-ip-range': '10.96.0.0/12',
      'proxy-client-cert-file': '/etc/karmada/pki/front-proxy-client.crt',
      'proxy-client-key-file': '/etc/karmada/pki/front-proxy-client.key',
      'requestheader-allowed-names': 'front-proxy-client',
      'requestheader-client-ca-file': '/etc/karmada/pki/front-proxy-ca.crt',
      'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
      'requestheader-group-headers': 'X-Remote-Group',
      'requestheader-username-headers': 'X-Remote-User',
      'tls-cert-file': '/etc/karmada/pki/apiserver.crt',
      'tls-private-key-file': '/etc/karmada/pki/apiserver.key',
      'tls-min-version': 'VersionTLS13',
      'max-requests-inflight': '1500',
      'max-mutating-requests-inflight': '500',
      'v': '2',
      'etcd-cafile': '/etc/karmada/pki/etcd-client/etcd-ca.crt',
      'etcd-certfile': '/etc/karmada/pki/etcd-client/etcd-client.crt',
      'etcd-keyfile': '/etc/karmada/pki/etcd-client/etcd-client.key',
      'etcd-servers': 'https://tenant1-karmada-etcd-client.tenant1.svc.cluster.local:2379',
    });
    expect(flagsOf(deployment)['feature-gates']).toBeUndefined();
    expect(flagsOf(deployment)['etcd-prefix']).toBeUndefined();
  });

  test('the command is sorted by flag name, each flag once', () => {
    const flags = container.command.slice(1);
    const names = flags.map((f: string) => f.slice(2, f.indexOf('=')));
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(flags.every((f: string) => /^--[a-z0-9-]+=/.test(f))).toBe(true);
  });

  test('the certificate and etcd client Secrets, mounted read-only where the operator mounts them', () => {
    expect(pod.volumes).toEqual(expect.arrayContaining([
      { name: 'apiserver-cert', secret: { secretName: 'tenant1-karmada-cert' } },
      { name: 'etcd-client-cert', secret: { secretName: 'tenant1-karmada-etcd-cert' } },
    ]));
    expect(container.volumeMounts).toEqual(expect.arrayContaining([
      { name: 'apiserver-cert', mountPath: '/etc/karmada/pki', readOnly: true },
      { name: 'etcd-client-cert', mountPath: '/etc/karmada/pki/etcd-client', readOnly: true },
    ]));
  });

  test('the ConfigMap holds the audit policy, mounted as a directory (no subPath)', () => {
    expect(Object.keys(configMap.data)).toContain('audit-policy.yaml');
    expect(configMap.data['audit-policy.yaml']).toMatch(/^apiVersion: audit\.k8s\.io\/v1\nkind: Policy\n/);
    expect(pod.volumes).toContainEqual({ name: 'apiserver-config', configMap: { name: 'tenant1-karmada-apiserver-config' } });
    const mount = container.volumeMounts.find((m: any) => m.name === 'apiserver-config');
    expect(mount).toEqual({ name: 'apiserver-config', mountPath: '/etc/karmada/config', readOnly: true });
    expect(flagsOf(deployment)['audit-policy-file']).toBe('/etc/karmada/config/audit-policy.yaml');
  });

  test('a checksum of the configuration files on the pod template rolls the pods when a file changes', () => {
    const annotations = deployment.spec.template.metadata.annotations;
    expect(annotations['karmada.io/apiserver-config-checksum']).toMatch(/^[0-9a-f]{64}$/);
    expect(configChecksum(configMap.data)).toBe(annotations['karmada.io/apiserver-config-checksum']);
    expect(configChecksum({ ...configMap.data, 'audit-policy.yaml': 'changed' }))
      .not.toBe(annotations['karmada.io/apiserver-config-checksum']);
  });

  test('the Service: ClusterIP, port client 5443 → 5443 TCP, no annotations, no loadBalancerClass', () => {
    expect(service.spec).toEqual({
      type: 'ClusterIP',
      selector: OPERATOR_LABELS,
      ports: [{ name: 'client', port: 5443, targetPort: 5443, protocol: 'TCP' }],
    });
    expect(service.metadata.annotations).toBeUndefined();
  });

  test('no Deployment strategy (the Kubernetes default), as the operator', () => {
    expect(deployment.spec.strategy).toBeUndefined();
  });

  test('no PodDisruptionBudget unless configured', () => {
    expect(all.some((m) => m.kind === 'PodDisruptionBudget')).toBe(false);
  });
});

describe('naming: the operator rule', () => {
  test.each([
    ['tenant1', 'tenant1-karmada-apiserver', 'tenant1-karmada-cert', 'tenant1-karmada-etcd-client'],
    ['karmada-demo', 'karmada-demo-apiserver', 'karmada-demo-cert', 'karmada-demo-etcd-client'],
    ['mykarmada', 'mykarmada-apiserver', 'mykarmada-cert', 'mykarmada-etcd-client'],
  ])('instance %s → %s', (instanceName, apiServer, certSecret, etcdService) => {
    const { deployment, service, configMap } = objectsOf({ instanceName });
    expect(deployment.metadata.name).toBe(apiServer);
    expect(service.metadata.name).toBe(apiServer);
    expect(configMap.metadata.name).toBe(`${apiServer}-config`);
    expect(deployment.spec.template.spec.volumes[0]).toEqual({ name: 'apiserver-cert', secret: { secretName: certSecret } });
    expect(flagsOf(deployment)['etcd-servers']).toBe(`https://${etcdService}.tenant1.svc.cluster.local:2379`);
    expect(deployment.spec.selector.matchLabels['app.kubernetes.io/instance']).toBe(instanceName);
  });
});

describe('namespace', () => {
  test('defaults to the chart namespace', () => {
    const manifests = synthApiServer({ instanceName: 'tenant1' }, 'karmada-system');
    expect(manifests.map((m) => m.metadata.namespace)).toEqual(['karmada-system', 'karmada-system', 'karmada-system']);
  });

  test('defaults to "default" when the chart has none', () => {
    const chart = new Chart(Testing.app(), 'test', { disableResourceNameHashes: true });
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    const manifests = synthChecked(chart);
    expect(manifests.map((m) => m.metadata.namespace)).toEqual(['default', 'default', 'default']);
    expect(api.namespace).toBe('default');
    expect(flagsOf(manifestOf(manifests, 'Deployment'))['etcd-servers'])
      .toBe('https://tenant1-karmada-etcd-client.default.svc.cluster.local:2379');
  });

  test('the prop wins over the chart namespace', () => {
    const manifests = synthApiServer({ instanceName: 'tenant1', namespace: 'other' }, 'karmada-system');
    expect(manifests.map((m) => m.metadata.namespace)).toEqual(['other', 'other', 'other']);
  });
});

describe('props', () => {
  test('imageRepository, imageTag, imagePullPolicy, replicas', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      imageRepository: 'mirror.example.com/kube-apiserver',
      imageTag: 'v1.33.1',
      imagePullPolicy: ImagePullPolicy.ALWAYS,
      replicas: 3,
    });
    expect(apiServerContainer(deployment).image).toBe('mirror.example.com/kube-apiserver:v1.33.1');
    expect(apiServerContainer(deployment).imagePullPolicy).toBe('Always');
    expect(deployment.spec.replicas).toBe(3);
  });

  test('labels: on the Deployment, the pod, the Service and the ConfigMap, never in a selector', () => {
    const { deployment, service, configMap, all } = objectsOf({
      instanceName: 'tenant1',
      labels: { team: 'platform', tier: 'control-plane' },
      podDisruptionBudgetConfig: { maxUnavailable: k8s.IntOrString.fromNumber(1) },
    });
    const expected = { team: 'platform', tier: 'control-plane', ...OPERATOR_LABELS };
    for (const labels of [deployment.metadata.labels, deployment.spec.template.metadata.labels, service.metadata.labels, configMap.metadata.labels]) {
      expect(labels).toMatchObject(expected);
    }
    expect(deployment.spec.selector.matchLabels).toEqual(OPERATOR_LABELS);
    expect(service.spec.selector).toEqual(OPERATOR_LABELS);
    expect(manifestOf(all, 'PodDisruptionBudget').spec.selector).toEqual({ matchLabels: OPERATOR_LABELS });
  });

  test('annotations: on the Deployment and the pod, not on the Service or the ConfigMap', () => {
    const { deployment, service, configMap } = objectsOf({ instanceName: 'tenant1', annotations: { 'example.com/owner': 'team-a' } });
    expect(deployment.metadata.annotations).toEqual({ 'example.com/owner': 'team-a' });
    expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'example.com/owner': 'team-a' });
    expect(service.metadata.annotations).toBeUndefined();
    expect(configMap.metadata.annotations).toBeUndefined();
  });

  test('resources: on the API server container only, quantities kept', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      resources: {
        requests: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('1Gi') },
        limits: { memory: k8s.Quantity.fromString('2Gi') },
      },
      sidecarContainers: [{ name: 'helper', image: 'helper:1' }],
    });
    const [apiServer, helper] = deployment.spec.template.spec.containers;
    expect(apiServer.resources).toEqual({ requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } });
    expect(helper.resources).toBeUndefined();
  });

  test('priorityClassName, tolerations and affinity go to the pod', () => {
    const affinity: k8s.Affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }],
        },
      },
    };
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      priorityClassName: 'karmada-critical',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'karmada', effect: 'NoSchedule' }],
      affinity,
    });
    const pod = deployment.spec.template.spec;
    expect(pod.priorityClassName).toBe('karmada-critical');
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'karmada', effect: 'NoSchedule' }]);
    expect(pod.affinity).toMatchObject(k8s.toJson_Affinity(affinity)!);
  });

  test.each([
    ['minAvailable', { minAvailable: k8s.IntOrString.fromNumber(1) }, { minAvailable: 1 }],
    ['maxUnavailable', { maxUnavailable: k8s.IntOrString.fromString('50%') }, { maxUnavailable: '50%' }],
  ])('podDisruptionBudgetConfig with %s: a PDB named like the Deployment, on our selector', (_, config, expected) => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', replicas: 3, podDisruptionBudgetConfig: config });
    const pdb = manifestOf(synthChecked(chart), 'PodDisruptionBudget');
    expect(api.podDisruptionBudget).toBeDefined();
    expect(pdb.metadata).toMatchObject({ name: 'tenant1-karmada-apiserver', namespace: 'tenant1' });
    expect(pdb.spec).toEqual({ ...expected, selector: { matchLabels: OPERATOR_LABELS }, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect(pdb.metadata.labels).toEqual({ ...OPERATOR_LABELS, 'app.kubernetes.io/managed-by': 'cdk8s-karmada' });
  });

  test('serviceSubnet → --service-cluster-ip-range', () => {
    const { deployment } = objectsOf({ instanceName: 'tenant1', serviceSubnet: '10.100.0.0/16' });
    expect(flagsOf(deployment)['service-cluster-ip-range']).toBe('10.100.0.0/16');
  });

  test('serviceType LoadBalancer with loadBalancerClass and serviceAnnotations (Service only)', () => {
    const { deployment, service } = objectsOf({
      instanceName: 'tenant1',
      serviceType: ServiceType.LOAD_BALANCER,
      loadBalancerClass: 'example.com/internal-vip',
      serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' },
    });
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.loadBalancerClass).toBe('example.com/internal-vip');
    expect(service.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' });
    expect(deployment.metadata.annotations).toBeUndefined();
  });

  test('serviceType NodePort', () => {
    const { service } = objectsOf({ instanceName: 'tenant1', serviceType: ServiceType.NODE_PORT });
    expect(service.spec.type).toBe('NodePort');
    expect(service.spec.loadBalancerClass).toBeUndefined();
  });

  test('extraArgs add a flag and override one; the command stays sorted, each flag once', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      extraArgs: { 'v': '4', 'advertise-address': '10.0.0.1', 'event-ttl': '2h' },
    });
    const command: string[] = apiServerContainer(deployment).command;
    expect(command.filter((f) => f.startsWith('--v='))).toEqual(['--v=4']);
    expect(command).toContain('--event-ttl=2h');
    expect(command[1]).toBe('--advertise-address=10.0.0.1');
    const names = command.slice(1).map((f) => f.slice(2, f.indexOf('=')));
    expect(names).toEqual([...names].sort());
  });

  test('extraArgs can replace an etcd flag', () => {
    const { deployment } = objectsOf({ instanceName: 'tenant1', extraArgs: { 'etcd-servers': 'https://etcd.example.com:2379' } });
    expect(apiServerContainer(deployment).command.filter((f: string) => f.startsWith('--etcd-servers=')))
      .toEqual(['--etcd-servers=https://etcd.example.com:2379']);
  });

  test('the order of flags does not depend on the order the props are given in', () => {
    const a = objectsOf({ instanceName: 'tenant1', extraArgs: { 'watch-cache': 'true', 'request-timeout': '2m' }, featureGates: { CBORServingAndStorage: true, APIResponseCompression: false } });
    const b = objectsOf({ instanceName: 'tenant1', featureGates: { APIResponseCompression: false, CBORServingAndStorage: true }, extraArgs: { 'request-timeout': '2m', 'watch-cache': 'true' } });
    expect(apiServerContainer(a.deployment).command).toEqual(apiServerContainer(b.deployment).command);
  });

  test('featureGates → one --feature-gates flag, sorted by gate name', () => {
    const { deployment } = objectsOf({ instanceName: 'tenant1', featureGates: { CBORServingAndStorage: true, APIResponseCompression: false } });
    expect(apiServerContainer(deployment).command.filter((f: string) => f.startsWith('--feature-gates=')))
      .toEqual(['--feature-gates=APIResponseCompression=false,CBORServingAndStorage=true']);
  });

  test('extraVolumes and extraVolumeMounts come after ours, in the given order', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      extraVolumes: [{ name: 'extra-b', emptyDir: {} }, { name: 'extra-a', configMap: { name: 'some-config' } }],
      extraVolumeMounts: [{ name: 'extra-b', mountPath: '/b' }, { name: 'extra-a', mountPath: '/a', readOnly: true }],
    });
    const volumes = deployment.spec.template.spec.volumes.map((v: any) => v.name);
    const mounts = apiServerContainer(deployment).volumeMounts.map((m: any) => m.name);
    for (const names of [volumes, mounts]) {
      expect(names.slice(-2)).toEqual(['extra-b', 'extra-a']);
      expect(names.slice(0, 3)).toEqual(['apiserver-cert', 'etcd-client-cert', 'apiserver-config']);
    }
    expect(deployment.spec.template.spec.volumes.slice(-2)).toEqual([
      { name: 'extra-b', emptyDir: {} },
      { name: 'extra-a', configMap: { name: 'some-config' } },
    ]);
    expect(apiServerContainer(deployment).volumeMounts.slice(-2)).toEqual([
      { name: 'extra-b', mountPath: '/b' },
      { name: 'extra-a', mountPath: '/a', readOnly: true },
    ]);
  });

  test('clusterDomain: the service account issuer, the etcd URL and url', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', clusterDomain: 'corp.internal' });
    const flags = flagsOf(manifestOf(synthChecked(chart), 'Deployment'));
    expect(flags['service-account-issuer']).toBe('https://kubernetes.default.svc.corp.internal');
    expect(flags['etcd-servers']).toBe('https://tenant1-karmada-etcd-client.tenant1.svc.corp.internal:2379');
    expect(api.url).toBe('https://tenant1-karmada-apiserver.tenant1.svc.corp.internal:5443');
  });

  test('certificateSecretName: the Secret of the apiserver-cert volume', () => {
    const { deployment } = objectsOf({ instanceName: 'tenant1', certificateSecretName: 'my-apiserver-certs' });
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'apiserver-cert', secret: { secretName: 'my-apiserver-certs' } });
  });
});

describe('etcd', () => {
  test('EtcdConfig.local() with its own Service and Secret', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      etcd: EtcdConfig.local({ serviceName: 'etcd', clientCertSecretName: 'etcd-client-tls' }),
    });
    expect(flagsOf(deployment)).toMatchObject({
      'etcd-cafile': '/etc/karmada/pki/etcd-client/etcd-ca.crt',
      'etcd-certfile': '/etc/karmada/pki/etcd-client/etcd-client.crt',
      'etcd-keyfile': '/etc/karmada/pki/etcd-client/etcd-client.key',
      'etcd-servers': 'https://etcd.tenant1.svc.cluster.local:2379',
    });
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'etcd-client-cert', secret: { secretName: 'etcd-client-tls' } });
  });

  test('EtcdConfig.external(): endpoints joined, tls.* files, the Secret, --etcd-prefix', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      etcd: EtcdConfig.external({
        endpoints: ['https://etcd-0.example.com:2379', 'https://etcd-1.example.com:2379'],
        clientCertSecretName: 'external-etcd-client',
        keyPrefix: '/tenant1',
      }),
    });
    expect(flagsOf(deployment)).toMatchObject({
      'etcd-cafile': '/etc/karmada/pki/etcd-client/ca.crt',
      'etcd-certfile': '/etc/karmada/pki/etcd-client/tls.crt',
      'etcd-keyfile': '/etc/karmada/pki/etcd-client/tls.key',
      'etcd-servers': 'https://etcd-0.example.com:2379,https://etcd-1.example.com:2379',
      'etcd-prefix': '/tenant1',
    });
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'etcd-client-cert', secret: { secretName: 'external-etcd-client' } });
    expect(apiServerContainer(deployment).volumeMounts)
      .toContainEqual({ name: 'etcd-client-cert', mountPath: '/etc/karmada/pki/etcd-client', readOnly: true });
  });

  test('EtcdConfig.external() without keyPrefix sets no --etcd-prefix', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      etcd: EtcdConfig.external({ endpoints: ['https://etcd.example.com:2379'], clientCertSecretName: 'etcd-tls' }),
    });
    expect(flagsOf(deployment)['etcd-prefix']).toBeUndefined();
    expect(flagsOf(deployment)['etcd-servers']).toBe('https://etcd.example.com:2379');
  });
});
