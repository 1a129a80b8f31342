/**
 * The generated Karmada class (src/imports/operator.karmada.io.ts) synthesizes objects that the
 * operator's CRD accepts, with the CRD's field names (karmadaAPIServer, certSANs), and the
 * validator rejects what the API server would reject (or silently prune).
 */
import { Testing } from 'cdk8s';
import {
  Karmada,
  KarmadaProps,
  KarmadaSpecComponentsKarmadaApiServerPodDisruptionBudgetConfigMinAvailable as MinAvailable,
  KarmadaSpecComponentsKarmadaApiServerResourcesRequests as Requests,
  KarmadaSpecComponentsKarmadaApiServerServiceType as ServiceType,
  KarmadaSpecComponentsKarmadaApiServerSidecarContainersStartupProbeHttpGetPort as ProbePort,
} from '../../src/imports/operator.karmada.io';
import * as schemaFile from '../../src/imports/operator.karmada.io.schema.json';
import { CrdSchemaFile, CrdValidator } from './crd-schema';

const validator = new CrdValidator(schemaFile as unknown as CrdSchemaFile, 'v1alpha1');

function synth(props: KarmadaProps): any {
  const chart = Testing.chart();
  new Karmada(chart, 'karmada', props);
  const manifests = Testing.synth(chart);
  expect(manifests).toHaveLength(1);
  return manifests[0];
}

/** An API server with every kind of setting the construct will emit, KMS sidecar included. */
const FULL: KarmadaProps = {
  metadata: { name: 'karmada-demo', namespace: 'tenant1' },
  spec: {
    components: {
      etcd: { local: { replicas: 3 } },
      karmadaApiServer: {
        imageRepository: 'registry.k8s.io/kube-apiserver',
        imageTag: 'v1.36.2',
        replicas: 3,
        serviceType: ServiceType.CLUSTER_IP,
        serviceSubnet: '10.96.0.0/12',
        labels: { team: 'platform' },
        annotations: { 'example.com/owner': 'platform' },
        priorityClassName: 'system-cluster-critical',
        resources: { requests: { cpu: Requests.fromString('250m'), memory: Requests.fromString('512Mi') } },
        podDisruptionBudgetConfig: { minAvailable: MinAvailable.fromNumber(2) },
        certSaNs: ['karmada.example.com'],
        extraArgs: { 'encryption-provider-config': '/etc/karmada/encryption/config.yaml' },
        extraVolumes: [
          { name: 'kms-socket', emptyDir: {} },
          { name: 'encryption', configMap: { name: 'karmada-demo-encryption' } },
        ],
        extraVolumeMounts: [
          { name: 'kms-socket', mountPath: '/var/run/kmsplugin' },
          { name: 'encryption', mountPath: '/etc/karmada/encryption', readOnly: true },
        ],
        sidecarContainers: [{
          name: 'kms-plugin',
          image: 'registry.example.com/kms-plugin:v1.0.0',
          args: ['--listen=unix:///var/run/kmsplugin/socket.sock'],
          ports: [{ name: 'healthz', containerPort: 8080 }],
          startupProbe: { httpGet: { path: '/healthz', port: ProbePort.fromString('healthz') }, periodSeconds: 2 },
          volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }],
        }],
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      },
    },
  },
};

describe('the generated Karmada class', () => {
  test('synthesizes a Karmada object with the CRD field names, which the schema accepts', () => {
    const karmada = synth(FULL);
    expect(karmada).toMatchObject({
      apiVersion: 'operator.karmada.io/v1alpha1',
      kind: 'Karmada',
      metadata: { name: 'karmada-demo', namespace: 'tenant1' },
    });
    const apiServer = karmada.spec.components.karmadaAPIServer;
    expect(apiServer.certSANs).toEqual(['karmada.example.com']);
    expect(apiServer.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' } });
    expect(apiServer.podDisruptionBudgetConfig).toEqual({ minAvailable: 2 });
    expect(apiServer.sidecarContainers[0].startupProbe.httpGet.port).toBe('healthz');
    expect(validator.problems(karmada)).toEqual([]);
  });

  test('the smallest object: components.etcd is the one required field', () => {
    const karmada = synth({ metadata: { name: 'small' }, spec: { components: { etcd: {} } } });
    expect(karmada.spec).toEqual({ components: { etcd: {} } });
    expect(validator.problems(karmada)).toEqual([]);
  });

  test('external etcd: endpoints and secretRef are required', () => {
    const karmada = synth({
      metadata: { name: 'ext' },
      spec: { components: { etcd: { external: { endpoints: ['https://etcd.example.com:2379'], secretRef: { name: 'ext-karmada-etcd-cert' } } } } },
    });
    expect(validator.problems(karmada)).toEqual([]);
    delete karmada.spec.components.etcd.external.secretRef;
    expect(validator.problems(karmada)).toEqual(["/spec/components/etcd/external: must have required property 'secretRef'"]);
  });
});

describe('the schema validator', () => {
  const valid = () => synth(FULL);

  test('rejects a missing etcd', () => {
    const k = valid();
    delete k.spec.components.etcd;
    expect(validator.problems(k)).toEqual(["/spec/components: must have required property 'etcd'"]);
  });

  test('rejects a service type outside the enum', () => {
    const k = valid();
    k.spec.components.karmadaAPIServer.serviceType = 'ExternalName';
    expect(validator.problems(k)).toEqual([
      '/spec/components/karmadaAPIServer/serviceType: must be equal to one of the allowed values ["ClusterIP","NodePort","LoadBalancer"]',
    ]);
  });

  test('rejects wrong types and fields the API server would prune', () => {
    const k = valid();
    k.spec.components.karmadaAPIServer.replicas = '3';
    k.spec.components.karmadaAPIServer.nodeSelector = { zone: 'a' };
    k.spec.components.karmadaAPIServer.sidecarContainers[0].restartPolicy = 'Always'; // a real Container field
    k.spec.components.karmadaAPIServer.sidecarContainers[0].sidecar = true;
    expect(validator.problems(k)).toEqual([
      '/spec/components/karmadaAPIServer: unknown field "nodeSelector"',
      '/spec/components/karmadaAPIServer/replicas: must be integer',
      '/spec/components/karmadaAPIServer/sidecarContainers/0: unknown field "sidecar"',
    ]);
  });

  test('checks quantities and int-or-string values', () => {
    const k = valid();
    k.spec.components.karmadaAPIServer.resources.requests.cpu = 'a lot';
    k.spec.components.karmadaAPIServer.podDisruptionBudgetConfig.minAvailable = '50%';
    const problems = validator.problems(k);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/spec\/components\/karmadaAPIServer\/resources\/requests\/cpu: must match pattern/);
  });

  test('evaluates the CEL rules of the PodDisruptionBudget config', () => {
    const both = valid();
    both.spec.components.karmadaAPIServer.podDisruptionBudgetConfig = { minAvailable: 1, maxUnavailable: 1 };
    expect(validator.problems(both)).toEqual([
      '/spec/components/karmadaAPIServer/podDisruptionBudgetConfig: fails a CEL rule: ["either minAvailable or maxUnavailable must be set","minAvailable and maxUnavailable are mutually exclusive"]',
    ]);
    const neither = valid();
    neither.spec.components.karmadaAPIServer.podDisruptionBudgetConfig = {};
    expect(validator.problems(neither)).toHaveLength(1);
  });

  test('enforces list types: volume mounts are a map keyed by mountPath, tolerations atomic', () => {
    const k = valid();
    const mounts = k.spec.components.karmadaAPIServer.sidecarContainers[0].volumeMounts;
    mounts.push({ ...mounts[0] });
    expect(validator.problems(k)).toEqual([
      '/spec/components/karmadaAPIServer/sidecarContainers/0/volumeMounts: items are not unique by their list-map keys (x-kubernetes-list-type: map)',
    ]);
  });

  test('checks apiVersion and kind', () => {
    const k = valid();
    k.apiVersion = 'operator.karmada.io/v1';
    expect(validator.problems(k)).toEqual(['/apiVersion: not operator.karmada.io/v1alpha1']);
  });

  test('validate() names the object and lists every problem', () => {
    const k = valid();
    k.spec.components.karmadaAPIServer.replicas = -1.5;
    k.spec.components.karmadaAPIServer.labels = { team: 7 };
    expect(() => validator.validate(k)).toThrow(
      'Karmada karmada-demo is not valid:\n'
      + '  /spec/components/karmadaAPIServer/labels/team: must be string\n'
      + '  /spec/components/karmadaAPIServer/replicas: must be integer',
    );
  });
});
