/**
 * renderKarmadaAPIServer: known Karmada objects → the exact objects the operator at f8fdd02
 * creates. Cases come from the operator's tests (operator/pkg/controlplane/apiserver/
 * apiserver_test.go), its README's KMS example (in our own words), and the shared reference page
 * (shared/reference/karmada-operator-apiserver.md).
 */
import { Testing } from 'cdk8s';
import { Karmada, KarmadaProps } from '../../src/imports/operator.karmada.io';
import { validateManifest } from '../schema';
import {
  apiServerDeployment, apiServerService, KarmadaObject, KarmadaSpec, OperatorError, OperatorValidationError, RenderedAPIServer,
  renderKarmadaAPIServer, templateFlags, UNKNOWN_UID,
} from './render';

const OPERATOR_LABELS = {
  'app.kubernetes.io/name': 'karmada-apiserver',
  'app.kubernetes.io/instance': 'karmada-demo',
  'app.kubernetes.io/managed-by': 'karmada-operator',
};
const SELECTOR = { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'karmada-demo' };

/** A Karmada object; an empty namespace leaves metadata.namespace out. */
function karmada(spec: KarmadaSpec | undefined, name = 'karmada-demo', namespace = 'tenant1'): KarmadaObject {
  return { apiVersion: 'operator.karmada.io/v1alpha1', kind: 'Karmada', metadata: { name, ...(namespace ? { namespace } : {}) }, spec };
}

/** Renders, and checks every object against the Kubernetes schemas. */
function render(k: KarmadaObject, options = {}): RenderedAPIServer {
  const r = renderKarmadaAPIServer(k, options);
  for (const o of [r.deployment, r.service, r.podDisruptionBudget]) if (o) validateManifest(o as any);
  return r;
}

const container = (r: RenderedAPIServer) => r.deployment.spec.template.spec.containers[0];

describe('the smallest Karmada object (etcd: {})', () => {
  const r = render(karmada({ components: { etcd: {} } }));

  test('Deployment', () => {
    expect(r.deployment).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'karmada-demo-apiserver', namespace: 'tenant1', labels: OPERATOR_LABELS },
      spec: {
        replicas: 1,
        selector: { matchLabels: SELECTOR },
        template: {
          metadata: { labels: SELECTOR },
          spec: {
            automountServiceAccountToken: false,
            containers: [{
              name: 'kube-apiserver',
              image: 'registry.k8s.io/kube-apiserver:v1.36.2',
              imagePullPolicy: 'IfNotPresent',
              command: [
                'kube-apiserver',
                '--allow-privileged=true',
                '--authorization-mode=Node,RBAC',
                '--client-ca-file=/etc/karmada/pki/ca.crt',
                '--disable-admission-plugins=StorageObjectInUseProtection,ServiceAccount',
                '--enable-admission-plugins=NodeRestriction',
                '--enable-bootstrap-token-auth=true',
                '--bind-address=0.0.0.0',
                '--secure-port=5443',
                '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
                '--service-account-key-file=/etc/karmada/pki/karmada.key',
                '--service-account-signing-key-file=/etc/karmada/pki/karmada.key',
                '--service-cluster-ip-range=10.96.0.0/12',
                '--proxy-client-cert-file=/etc/karmada/pki/front-proxy-client.crt',
                '--proxy-client-key-file=/etc/karmada/pki/front-proxy-client.key',
                '--requestheader-allowed-names=front-proxy-client',
                '--requestheader-client-ca-file=/etc/karmada/pki/front-proxy-ca.crt',
                '--requestheader-extra-headers-prefix=X-Remote-Extra-',
                '--requestheader-group-headers=X-Remote-Group',
                '--requestheader-username-headers=X-Remote-User',
                '--tls-cert-file=/etc/karmada/pki/apiserver.crt',
                '--tls-private-key-file=/etc/karmada/pki/apiserver.key',
                '--tls-min-version=VersionTLS13',
                '--max-requests-inflight=1500',
                '--max-mutating-requests-inflight=500',
                '--v=2',
                '--etcd-cafile=/etc/karmada/pki/etcd-client/etcd-ca.crt',
                '--etcd-certfile=/etc/karmada/pki/etcd-client/etcd-client.crt',
                '--etcd-keyfile=/etc/karmada/pki/etcd-client/etcd-client.key',
                '--etcd-servers=https://karmada-demo-etcd-client.tenant1.svc.cluster.local:2379',
              ],
              livenessProbe: {
                failureThreshold: 8,
                httpGet: { path: '/livez', port: 5443, scheme: 'HTTPS' },
                initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 15,
              },
              readinessProbe: {
                failureThreshold: 3,
                httpGet: { path: '/readyz', port: 5443, scheme: 'HTTPS' },
                initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 15,
              },
              ports: [{ containerPort: 5443, name: 'http', protocol: 'TCP' }],
              volumeMounts: [
                { mountPath: '/etc/karmada/pki', name: 'apiserver-cert', readOnly: true },
                { name: 'etcd-client-cert', mountPath: '/etc/karmada/pki/etcd-client', readOnly: true },
              ],
            }],
            volumes: [
              { name: 'apiserver-cert', secret: { secretName: 'karmada-demo-cert' } },
              { name: 'etcd-client-cert', secret: { secretName: 'karmada-demo-etcd-cert' } },
            ],
            priorityClassName: 'system-node-critical',
          },
        },
      },
    });
  });

  test('Service, and no PodDisruptionBudget', () => {
    expect(r.service).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'karmada-demo-apiserver', namespace: 'tenant1', labels: OPERATOR_LABELS },
      spec: {
        ports: [{ name: 'client', port: 5443, protocol: 'TCP', targetPort: 5443 }],
        selector: SELECTOR,
        type: 'ClusterIP',
      },
    });
    expect(r.podDisruptionBudget).toBeUndefined();
    expect(r).not.toHaveProperty('podDisruptionBudget');
  });

  test('quirk: no pod anti-affinity, although the template writes one', () => {
    expect(r.deployment.spec.template.spec.affinity).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain('podAntiAffinity');
  });
});

test('an instance name without "karmada": every name gets "-karmada-"', () => {
  const r = render(karmada({ components: { etcd: {} } }, 'tenant1'));
  expect(r.deployment.metadata.name).toBe('tenant1-karmada-apiserver');
  expect(r.service.metadata.name).toBe('tenant1-karmada-apiserver');
  expect(r.deployment.spec.template.spec.volumes).toEqual([
    { name: 'apiserver-cert', secret: { secretName: 'tenant1-karmada-cert' } },
    { name: 'etcd-client-cert', secret: { secretName: 'tenant1-karmada-etcd-cert' } },
  ]);
  expect(container(r).command).toContain('--etcd-servers=https://tenant1-karmada-etcd-client.tenant1.svc.cluster.local:2379');
  expect(r.deployment.metadata.labels['app.kubernetes.io/instance']).toBe('tenant1');
});

describe('a KMS plugin as a sidecar, as in the operator README', () => {
  const kms = {
    name: 'kms-plugin',
    image: 'registry.example.com/kms-plugin:v1.0.0',
    volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }],
  };
  const r = render(karmada({
    components: {
      etcd: {},
      karmadaAPIServer: {
        sidecarContainers: [kms],
        extraArgs: { 'encryption-provider-config': '/etc/kubernetes/encryption-config.yaml' },
        extraVolumes: [{ name: 'kms-socket', emptyDir: {} }, { name: 'encryption-config', configMap: { name: 'encryption-config' } }],
        extraVolumeMounts: [
          { name: 'encryption-config', mountPath: '/etc/kubernetes/encryption-config.yaml', subPath: 'encryption-config.yaml' },
          { name: 'kms-socket', mountPath: '/var/run/kmsplugin' },
        ],
      },
    },
  }));

  test('extraArgs set: the command is every flag once, sorted by name, the binary first', () => {
    expect(container(r).command).toEqual([
      'kube-apiserver',
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      '--bind-address=0.0.0.0',
      '--client-ca-file=/etc/karmada/pki/ca.crt',
      '--disable-admission-plugins=StorageObjectInUseProtection,ServiceAccount',
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      '--encryption-provider-config=/etc/kubernetes/encryption-config.yaml',
      '--etcd-cafile=/etc/karmada/pki/etcd-client/etcd-ca.crt',
      '--etcd-certfile=/etc/karmada/pki/etcd-client/etcd-client.crt',
      '--etcd-keyfile=/etc/karmada/pki/etcd-client/etcd-client.key',
      '--etcd-servers=https://karmada-demo-etcd-client.tenant1.svc.cluster.local:2379',
      '--max-mutating-requests-inflight=500',
      '--max-requests-inflight=1500',
      '--proxy-client-cert-file=/etc/karmada/pki/front-proxy-client.crt',
      '--proxy-client-key-file=/etc/karmada/pki/front-proxy-client.key',
      '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-client-ca-file=/etc/karmada/pki/front-proxy-ca.crt',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-username-headers=X-Remote-User',
      '--secure-port=5443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      '--service-account-key-file=/etc/karmada/pki/karmada.key',
      '--service-account-signing-key-file=/etc/karmada/pki/karmada.key',
      '--service-cluster-ip-range=10.96.0.0/12',
      '--tls-cert-file=/etc/karmada/pki/apiserver.crt',
      '--tls-min-version=VersionTLS13',
      '--tls-private-key-file=/etc/karmada/pki/apiserver.key',
      '--v=2',
    ]);
  });

  test("the sidecar follows the API server verbatim; volumes and mounts follow the operator's", () => {
    const pod = r.deployment.spec.template.spec;
    expect(pod.containers.map(c => c.name)).toEqual(['kube-apiserver', 'kms-plugin']);
    expect(pod.containers[1]).toStrictEqual(kms);
    expect(pod.volumes.map(v => v.name)).toEqual(['apiserver-cert', 'etcd-client-cert', 'kms-socket', 'encryption-config']);
    expect(container(r).volumeMounts!.map(m => m.mountPath)).toEqual([
      '/etc/karmada/pki', '/etc/karmada/pki/etcd-client', '/etc/kubernetes/encryption-config.yaml', '/var/run/kmsplugin',
    ]);
  });
});

describe("the operator's cases (apiserver_test.go), through the install step without defaults", () => {
  test('TestInstallKarmadaAPIServer', () => {
    const d = apiServerDeployment({
      imageTag: 'karmada-apiserver-image',
      replicas: 3,
      annotations: { annotationKey: 'annotationValue' },
      labels: { labelKey: 'labelValue' },
      imagePullPolicy: 'IfNotPresent',
      priorityClassName: 'system-cluster-critical',
      serviceSubnet: '10.96.0.0/12',
      extraArgs: { cmd1: 'arg1', cmd2: 'arg2' },
    }, { local: {} }, 'karmada-apiserver', 'test-namespace');
    expect(d.metadata).toEqual({
      name: 'karmada-apiserver-apiserver',
      namespace: 'test-namespace',
      labels: { ...OPERATOR_LABELS, 'app.kubernetes.io/instance': 'karmada-apiserver', labelKey: 'labelValue' },
      annotations: { annotationKey: 'annotationValue' },
    });
    expect(d.spec.replicas).toBe(3);
    const pod = d.spec.template.spec;
    expect(pod.priorityClassName).toBe('system-cluster-critical');
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0].image).toBe(':karmada-apiserver-image'); // no repository without the defaulter
    expect(pod.containers[0].command).toEqual(expect.arrayContaining([
      '--cmd1=arg1', '--cmd2=arg2', '--service-cluster-ip-range=10.96.0.0/12',
      '--etcd-servers=https://karmada-apiserver-etcd-client.test-namespace.svc.cluster.local:2379',
    ]));
    expect(pod.volumes.map(v => v.secret!.secretName)).toEqual(['karmada-apiserver-cert', 'karmada-apiserver-etcd-cert']);
  });

  test('TestCreateKarmadaAPIServerService: annotations; no type when none is given', () => {
    const s = apiServerService({ serviceAnnotations: { annotationKey: 'annotationValue' } }, 'test-apiserver', 'test-namespace');
    expect(s.metadata).toEqual({
      name: 'test-apiserver-karmada-apiserver',
      namespace: 'test-namespace',
      labels: { ...OPERATOR_LABELS, 'app.kubernetes.io/instance': 'test-apiserver' },
      annotations: { annotationKey: 'annotationValue' },
    });
    expect(s.spec).not.toHaveProperty('type');
  });
});

describe('settings', () => {
  test('labels and annotations: on the Deployment and the pod, not on the selector; the PDB selects on them', () => {
    const r = render(karmada({
      components: {
        etcd: {},
        karmadaAPIServer: { replicas: 3, labels: { team: 'a' }, annotations: { note: 'x' }, podDisruptionBudgetConfig: { minAvailable: '50%' } },
      },
    }), { deploymentUid: '6f1c2c1e-0000-4000-8000-000000000001' });
    expect(r.deployment.metadata.labels).toEqual({ ...OPERATOR_LABELS, team: 'a' });
    expect(r.deployment.metadata.annotations).toEqual({ note: 'x' });
    expect(r.deployment.spec.template.metadata).toEqual({ labels: { ...SELECTOR, team: 'a' }, annotations: { note: 'x' } });
    expect(r.deployment.spec.selector).toEqual({ matchLabels: SELECTOR });
    expect(r.service.metadata).not.toHaveProperty('annotations');
    expect(r.podDisruptionBudget).toStrictEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: {
        name: 'karmada-demo-apiserver',
        namespace: 'tenant1',
        labels: { ...SELECTOR, team: 'a' },
        ownerReferences: [{
          apiVersion: 'apps/v1', kind: 'Deployment', name: 'karmada-demo-apiserver', uid: '6f1c2c1e-0000-4000-8000-000000000001', controller: true, blockOwnerDeletion: true,
        }],
      },
      spec: { selector: { matchLabels: { ...SELECTOR, team: 'a' } }, minAvailable: '50%' },
    });
  });

  test('maxUnavailable, and the placeholder uid', () => {
    const r = render(karmada({ components: { etcd: {}, karmadaAPIServer: { podDisruptionBudgetConfig: { maxUnavailable: 1 } } } }));
    expect(r.podDisruptionBudget!.spec).toEqual({ selector: { matchLabels: SELECTOR }, maxUnavailable: 1 });
    expect(r.podDisruptionBudget!.metadata.ownerReferences[0].uid).toBe(UNKNOWN_UID);
  });

  test('image, pull policy, replicas, subnet, resources, priority class, tolerations, affinity', () => {
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In' as const, values: ['linux'] }] }] } } };
    const tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' as const, effect: 'NoSchedule' as const }];
    const r = render(karmada({
      components: {
        etcd: {},
        karmadaAPIServer: {
          imageRepository: 'mirror.example.com/kube-apiserver', imageTag: 'v1.35.2', imagePullPolicy: 'Always', replicas: 2,
          serviceSubnet: '10.100.0.0/16', resources: { requests: { cpu: '250m' } }, priorityClassName: 'system-cluster-critical', tolerations, affinity,
        },
      },
    }));
    const pod = r.deployment.spec.template.spec;
    expect(container(r)).toMatchObject({ image: 'mirror.example.com/kube-apiserver:v1.35.2', imagePullPolicy: 'Always', resources: { requests: { cpu: '250m' } } });
    expect(container(r).command).toContain('--service-cluster-ip-range=10.100.0.0/16');
    expect(r.deployment.spec.replicas).toBe(2);
    expect(pod).toMatchObject({ priorityClassName: 'system-cluster-critical', tolerations, affinity });
  });

  test('an extraArg overrides a flag of the operator in place, and the sorted command has it once', () => {
    const r = render(karmada({ components: { etcd: {}, karmadaAPIServer: { extraArgs: { v: '4', 'tls-min-version': 'VersionTLS12' } } } }));
    const command = container(r).command!;
    expect(command.filter(a => a.startsWith('--v='))).toEqual(['--v=4']);
    expect(command.filter(a => a.startsWith('--tls-min-version='))).toEqual(['--tls-min-version=VersionTLS12']);
    expect(command.slice(1)).toEqual([...command.slice(1)].sort());
    expect(command).toHaveLength(templateFlags('x').length + 4 + 1);
  });

  test('Service: NodePort; LoadBalancer with a class; annotations', () => {
    const nodePort = render(karmada({ components: { etcd: {}, karmadaAPIServer: { serviceType: 'NodePort', loadBalancerClass: 'ignored' } } }));
    expect(nodePort.service.spec).toEqual({ ports: [{ name: 'client', port: 5443, protocol: 'TCP', targetPort: 5443 }], selector: SELECTOR, type: 'NodePort' });
    const lb = render(karmada({ components: { etcd: {}, karmadaAPIServer: { serviceType: 'LoadBalancer', loadBalancerClass: 'internal-vip', serviceAnnotations: { 'lb.example.com/internal': 'true' } } } }));
    expect(lb.service.spec).toMatchObject({ type: 'LoadBalancer', loadBalancerClass: 'internal-vip' });
    expect(lb.service.metadata.annotations).toEqual({ 'lb.example.com/internal': 'true' });
    expect(lb.deployment.metadata).not.toHaveProperty('annotations');
  });

  test('external etcd: its endpoints, and the Secret keys ca.crt, tls.crt, tls.key', () => {
    const r = render(karmada({
      components: { etcd: { external: { endpoints: ['https://etcd-0.example.com:2379', 'https://etcd-1.example.com:2379'], secretRef: { name: 'karmada-demo-etcd-cert' } } } },
    }));
    expect(container(r).command!.slice(-4)).toEqual([
      '--etcd-cafile=/etc/karmada/pki/etcd-client/ca.crt',
      '--etcd-certfile=/etc/karmada/pki/etcd-client/tls.crt',
      '--etcd-keyfile=/etc/karmada/pki/etcd-client/tls.key',
      '--etcd-servers=https://etcd-0.example.com:2379,https://etcd-1.example.com:2379',
    ]);
    expect(r.deployment.spec.template.spec.volumes[1]).toEqual({ name: 'etcd-client-cert', secret: { secretName: 'karmada-demo-etcd-cert' } });
  });

  test('the namespace comes from the object, else from the options', () => {
    expect(render(karmada({ components: { etcd: {} } }, 'karmada-demo', ''), { namespace: 'ns2' }).deployment.metadata.namespace).toBe('ns2');
    expect(() => renderKarmadaAPIServer(karmada({ components: { etcd: {} } }, 'karmada-demo', ''))).toThrow('has no namespace');
  });

  test('the input is not changed', () => {
    const input = karmada({ components: { etcd: {}, karmadaAPIServer: { extraArgs: { a: 'b' }, sidecarContainers: [{ name: 's' }] } } });
    const copy = structuredClone(input);
    render(input);
    expect(input).toStrictEqual(copy);
  });
});

describe('settings the operator declares but does not apply', () => {
  test('featureGates, of the Karmada spec and of the API server, reach no flag', () => {
    const plain = render(karmada({ components: { etcd: {} } }));
    const gated = render(karmada({ featureGates: { Failover: true }, components: { etcd: {}, karmadaAPIServer: { featureGates: { KMSv2: true } } } }));
    expect(gated.deployment).toStrictEqual(plain.deployment);
  });

  test('privateRegistry and hostCluster.networking.dnsDomain change nothing', () => {
    const plain = render(karmada({ components: { etcd: {} } }));
    const other = render(karmada({ privateRegistry: { registry: 'mirror.example.com' }, hostCluster: { networking: { dnsDomain: 'corp.local' } }, components: { etcd: {} } }));
    expect(other.deployment).toStrictEqual(plain.deployment);
  });

  test('certSANs (they go into the serving certificate)', () => {
    const plain = render(karmada({ components: { etcd: {} } }));
    expect(render(karmada({ components: { etcd: {}, karmadaAPIServer: { certSANs: ['karmada.example.com'] } } })).deployment).toStrictEqual(plain.deployment);
  });
});

describe('quirks', () => {
  test('a user label may replace an operator label on the pod, not in the selector (the API server then rejects the Deployment)', () => {
    const r = renderKarmadaAPIServer(karmada({ components: { etcd: {}, karmadaAPIServer: { labels: { 'app.kubernetes.io/name': 'api' } } } }));
    expect(r.deployment.spec.template.metadata.labels['app.kubernetes.io/name']).toBe('api');
    expect(r.deployment.spec.selector.matchLabels['app.kubernetes.io/name']).toBe('karmada-apiserver');
  });

  test('html/template escapes the image', () => {
    const r = render(karmada({ components: { etcd: {}, karmadaAPIServer: { imageTag: 'v1.36.2+patch' } } }));
    expect(container(r).image).toBe('registry.k8s.io/kube-apiserver:v1.36.2&#43;patch');
  });

  test('an instance or namespace that YAML reads as a boolean or number makes the operator fail', () => {
    expect(() => renderKarmadaAPIServer(karmada({ components: { etcd: {} } }, 'on'))).toThrow(OperatorError);
    expect(() => renderKarmadaAPIServer(karmada({ components: { etcd: {} } }, 'karmada-demo', '2024'))).toThrow(OperatorError);
  });

  test('an empty serviceSubnet stays empty (it is a pointer in Go)', () => {
    const r = render(karmada({ components: { etcd: {}, karmadaAPIServer: { serviceSubnet: '' } } }));
    expect(container(r).command).toContain('--service-cluster-ip-range=');
  });
});

test("objects the operator's checks reject are not rendered", () => {
  expect(() => renderKarmadaAPIServer(karmada({ components: { etcd: { external: { endpoints: ['https://e:2379'], secretRef: { name: 'etcd-client' } } } } })))
    .toThrow(new OperatorValidationError([
      'spec.components.etcd.external.secretRef.name: Invalid value: "etcd-client": secret name for external etcd client must be karmada-demo-etcd-cert',
    ]));
});

test('a Karmada object synthesized by cdk8s from the generated class renders', () => {
  const props: KarmadaProps = {
    metadata: { name: 'karmada-demo', namespace: 'tenant1' },
    spec: { components: { etcd: {}, karmadaApiServer: { replicas: 3, extraArgs: { 'audit-log-path': '-' }, certSaNs: ['karmada.example.com'] } } },
  };
  const chart = Testing.chart();
  new Karmada(chart, 'karmada', props);
  const [synthesized] = Testing.synth(chart);
  const r = render(synthesized as KarmadaObject);
  expect(r.deployment.spec.replicas).toBe(3);
  expect(container(r).command).toContain('--audit-log-path=-');
});
