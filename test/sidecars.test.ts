/**
 * Sidecars: every field a user gives reaches the output unchanged, in the given order, as regular
 * containers by default and as native sidecars (init containers with restartPolicy Always) on
 * request. No JSON patches are involved, so quantities and named ports survive (cdk8s#2172).
 */
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Chart, JsonPatch, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { newChart, objectsOf, synthChecked, synthErrors } from './helpers';

/**
 * A container that sets every field of the Kubernetes 1.28 Container but `resources.claims`, which
 * must name a resource claim of the pod, and the API server pod has none (a test below shows the
 * problem). Its custom SELinux user and role break the restricted profile, so the tests accept that
 * knowingly (allowPodSecurityViolations).
 */
function everyField(name: string, restartPolicy?: string): k8s.Container {
  return {
    name,
    image: 'registry.example.com/kms-plugin:v1.2.3',
    imagePullPolicy: 'IfNotPresent',
    command: ['/kms-plugin'],
    args: ['--listen=unix:///var/run/kmsplugin/socket.sock', '--metrics-port=9090'],
    workingDir: '/work',
    env: [
      { name: 'PLAIN', value: 'plain value' },
      { name: 'EMPTY', value: '' },
      { name: 'FROM_CONFIGMAP', valueFrom: { configMapKeyRef: { name: 'kms-settings', key: 'region', optional: true } } },
      { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'kms-credentials', key: 'token', optional: false } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      {
        name: 'MEMORY_LIMIT_MI',
        valueFrom: { resourceFieldRef: { containerName: name, resource: 'limits.memory', divisor: k8s.Quantity.fromString('1Mi') } },
      },
      { name: 'CPU_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: k8s.Quantity.fromNumber(1) } } },
    ],
    envFrom: [
      { configMapRef: { name: 'kms-env', optional: true }, prefix: 'KMS_' },
      { secretRef: { name: 'kms-secret-env', optional: false } },
    ],
    ports: [
      { name: 'metrics', containerPort: 9090, protocol: 'TCP', hostIp: '0.0.0.0', hostPort: 0 },
      { name: 'grpc', containerPort: 9091, protocol: 'TCP' },
      { containerPort: 9092, protocol: 'UDP' },
    ],
    resources: {
      requests: { 'cpu': k8s.Quantity.fromString('50m'), 'memory': k8s.Quantity.fromString('64Mi'), 'ephemeral-storage': k8s.Quantity.fromNumber(1048576) },
      limits: { memory: k8s.Quantity.fromString('128Mi'), cpu: k8s.Quantity.fromNumber(1) },
    },
    resizePolicy: [
      { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      { resourceName: 'memory', restartPolicy: 'RestartContainer' },
    ],
    restartPolicy,
    livenessProbe: {
      httpGet: {
        path: '/healthz',
        port: k8s.IntOrString.fromString('metrics'),
        scheme: 'HTTP',
        host: '127.0.0.1',
        httpHeaders: [{ name: 'X-Probe', value: 'liveness' }],
      },
      initialDelaySeconds: 5,
      periodSeconds: 10,
      timeoutSeconds: 2,
      successThreshold: 1,
      failureThreshold: 6,
      terminationGracePeriodSeconds: 30,
    },
    readinessProbe: {
      tcpSocket: { port: k8s.IntOrString.fromNumber(9091), host: '127.0.0.1' },
      periodSeconds: 5,
      successThreshold: 2,
      failureThreshold: 3,
    },
    startupProbe: {
      exec: { command: ['/kms-plugin', 'health', '--socket=/var/run/kmsplugin/socket.sock'] },
      periodSeconds: 1,
      failureThreshold: 30,
    },
    lifecycle: {
      postStart: { exec: { command: ['/bin/sh', '-c', 'echo started'] } },
      preStop: { httpGet: { path: '/drain', port: k8s.IntOrString.fromNumber(9090), scheme: 'HTTP' } },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      procMount: 'Default',
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      seLinuxOptions: { level: 's0:c123,c456', role: 'object_r', type: 'container_t', user: 'system_u' },
      seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/kms-plugin.json' },
      windowsOptions: { gmsaCredentialSpecName: 'kms', gmsaCredentialSpec: '{}', hostProcess: false, runAsUserName: 'ContainerUser' },
    },
    stdin: true,
    stdinOnce: true,
    tty: true,
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeDevices: [{ name: 'raw-block', devicePath: '/dev/xvda' }],
    volumeMounts: [
      { name: 'kms-socket', mountPath: '/var/run/kmsplugin', readOnly: false, mountPropagation: 'None' },
      { name: 'kms-config', mountPath: '/etc/kms/plugin.yaml', subPath: 'plugin.yaml', readOnly: true },
      { name: 'kms-config', mountPath: '/etc/kms/pod', subPathExpr: '$(POD_IP)', readOnly: true },
    ],
  };
}

/** The volumes the every-field container refers to. */
const VOLUMES: KarmadaApiServerProps['extraVolumes'] = [
  { name: 'kms-socket', emptyDir: {} },
  { name: 'kms-config', configMap: { name: 'kms-plugin-config' } },
  { name: 'raw-block', persistentVolumeClaim: { claimName: 'raw-block' } },
];

/** Every key set anywhere in a JSON value, as paths: shows that nothing was left out of the input. */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => paths(v, `${prefix}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...paths(v, `${prefix}.${k}`)]);
  }
  return [];
}

describe('a sidecar that sets every Container field', () => {
  test('the input really sets every field of k8s.Container (1.28)', () => {
    const fields = Object.keys(k8s.toJson_Container(everyField('kms', 'Always'))!).sort();
    expect(fields).toEqual([
      'args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'name', 'ports',
      'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy', 'securityContext', 'startupProbe', 'stdin',
      'stdinOnce', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices', 'volumeMounts', 'workingDir',
    ]);
  });

  test('as a native sidecar: an init container, every field unchanged', () => {
    const input = everyField('kms', 'Always');
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      sidecarContainers: [input],
      sidecarOptions: { kms: { nativeSidecar: true, allowPodSecurityViolations: true } },
      extraVolumes: VOLUMES,
    });
    const pod = deployment.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['kube-apiserver']);
    expect(pod.initContainers).toHaveLength(1);
    const output = pod.initContainers[0];
    const expected = k8s.toJson_Container(input)!;
    expect(output).toMatchObject(expected);
    // Each path the user set is in the output (toMatchObject already implies it; this names the path on failure).
    expect(paths(output)).toEqual(expect.arrayContaining(paths(expected)));
  });

  test('as a regular container: after the API server, every field unchanged', () => {
    const input = everyField('kms');
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      sidecarContainers: [input],
      sidecarOptions: { kms: { allowPodSecurityViolations: true } },
      extraVolumes: VOLUMES,
    });
    const pod = deployment.spec.template.spec;
    expect(pod.initContainers).toBeUndefined();
    expect(pod.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'kms']);
    expect(pod.containers[1]).toMatchObject(k8s.toJson_Container(input)!);
    expect(pod.containers[1].restartPolicy).toBeUndefined();
  });

  test('the YAML file that cdk8s writes holds every field unchanged', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sidecar-yaml-'));
    try {
      const app = new App({ outdir });
      const chart = new Chart(app, 'tenant1', { namespace: 'tenant1', disableResourceNameHashes: true });
      const input = everyField('kms', 'Always');
      new KarmadaApiServer(chart, 'ApiServer', {
        instanceName: 'tenant1',
        sidecarContainers: [input],
        sidecarOptions: { kms: { nativeSidecar: true, allowPodSecurityViolations: true } },
        extraVolumes: VOLUMES,
      });
      app.synth();
      const [file] = readdirSync(outdir);
      const deployment = Yaml.load(join(outdir, file)).find((m: any) => m.kind === 'Deployment');
      expect(deployment.spec.template.spec.initContainers[0]).toMatchObject(k8s.toJson_Container(input)!);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('quantities, named and numbered ports and falsy values come out as Kubernetes expects them', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      sidecarContainers: [everyField('kms', 'Always')],
      sidecarOptions: { kms: { nativeSidecar: true, allowPodSecurityViolations: true } },
      extraVolumes: VOLUMES,
    });
    const out = deployment.spec.template.spec.initContainers[0];
    expect(out.resources).toEqual({
      requests: { 'cpu': '50m', 'memory': '64Mi', 'ephemeral-storage': 1048576 },
      limits: { memory: '128Mi', cpu: 1 },
    });
    expect(out.env[5].valueFrom.resourceFieldRef.divisor).toBe('1Mi');
    expect(out.env[6].valueFrom.resourceFieldRef.divisor).toBe(1);
    expect(out.env[1]).toEqual({ name: 'EMPTY', value: '' });
    expect(out.livenessProbe.httpGet.port).toBe('metrics');
    expect(out.readinessProbe.tcpSocket.port).toBe(9091);
    expect(out.lifecycle.preStop.httpGet.port).toBe(9090);
    expect(out.ports[0]).toEqual({ name: 'metrics', containerPort: 9090, protocol: 'TCP', hostIP: '0.0.0.0', hostPort: 0 });
    expect(out.securityContext).toMatchObject({ allowPrivilegeEscalation: false, privileged: false });
    expect(out.restartPolicy).toBe('Always');
  });

  test('a gRPC probe and a named tcpSocket port survive too', () => {
    const input: k8s.Container = {
      name: 'grpc-sidecar',
      image: 'registry.example.com/grpc:v1',
      ports: [{ name: 'grpc', containerPort: 9100 }],
      readinessProbe: { grpc: { port: 9100, service: 'kms.v2.KeyManagementService' }, periodSeconds: 3 },
      livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('grpc') } },
      startupProbe: { httpGet: { path: '/ready', port: k8s.IntOrString.fromNumber(9100) }, failureThreshold: 20 },
    };
    const { deployment } = objectsOf({ instanceName: 'tenant1', sidecarContainers: [input] });
    const out = deployment.spec.template.spec.containers[1];
    expect(out).toMatchObject(k8s.toJson_Container(input)!);
    expect(out.readinessProbe.grpc).toEqual({ port: 9100, service: 'kms.v2.KeyManagementService' });
    expect(out.livenessProbe.tcpSocket.port).toBe('grpc');
  });
});

describe('placement and order', () => {
  const sidecar = (name: string, port: number): k8s.Container => ({ name, image: `${name}:1`, ports: [{ containerPort: port }] });

  test('without sidecars the pod holds the API server container alone', () => {
    const { deployment } = objectsOf({ instanceName: 'tenant1' });
    expect(deployment.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['kube-apiserver']);
    expect(deployment.spec.template.spec.initContainers).toBeUndefined();
  });

  test('regular sidecars come after the API server, in the given order', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      sidecarContainers: [sidecar('zeta', 9001), sidecar('alpha', 9002), sidecar('mid', 9003)],
    });
    expect(deployment.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'zeta', 'alpha', 'mid']);
  });

  test('native is a choice per sidecar; both kinds keep their relative order', () => {
    const { deployment } = objectsOf({
      instanceName: 'tenant1',
      sidecarContainers: [sidecar('n2', 9001), sidecar('r1', 9002), sidecar('n1', 9003), sidecar('r2', 9004)],
      sidecarOptions: { n2: { nativeSidecar: true }, n1: { nativeSidecar: true }, r2: { nativeSidecar: false } },
    });
    const pod = deployment.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'r1', 'r2']);
    expect(pod.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['n2', 'Always'], ['n1', 'Always']]);
    expect(pod.containers.every((c: any) => c.restartPolicy === undefined)).toBe(true);
  });

  test('addSidecarContainer appends after the props sidecars, in call order, native on request', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', sidecarContainers: [sidecar('first', 9001)] });
    api.addSidecarContainer(sidecar('second', 9002));
    api.addSidecarContainer(sidecar('native', 9003), { nativeSidecar: true });
    api.addSidecarContainer(sidecar('third', 9004));
    const pod = synthChecked(chart).find((m) => m.kind === 'Deployment')!.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'first', 'second', 'third']);
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['native']);
  });

  test('addSidecarContainer keeps every field too', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', extraVolumes: VOLUMES });
    const input = everyField('late', 'Always');
    api.addSidecarContainer(input, { nativeSidecar: true, allowPodSecurityViolations: true });
    const pod = synthChecked(chart).find((m) => m.kind === 'Deployment')!.spec.template.spec;
    expect(pod.initContainers[0]).toMatchObject(k8s.toJson_Container(input)!);
  });

  test('a sidecar added after construction is checked like the others', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    api.addSidecarContainer({ name: 'late', image: 'late:1', ports: [{ containerPort: 5443 }] });
    expect(() => synthChecked(chart)).toThrow(
      'addSidecarContainer(late).ports[0].containerPort: port 5443 is already used by the API server\'s secure port; containers of one pod share its network. Fix: listen on another port than 5443, which the API server serves on');
  });
});

describe('the JSON-patch escape hatch on the deployment handle', () => {
  test('keeps quantities and named ports (the Deployment is not re-serialized through the 1.28 schema)', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    api.deployment.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/resources', { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } }),
      JsonPatch.add('/spec/template/spec/containers/0/startupProbe', {
        httpGet: { path: '/livez', port: 'http', scheme: 'HTTPS' }, failureThreshold: 30, periodSeconds: 2,
      }),
    );
    const deployment = synthChecked(chart).find((m) => m.kind === 'Deployment')!;
    const container = deployment.spec.template.spec.containers[0];
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } });
    expect(container.startupProbe.httpGet.port).toBe('http');
  });
});

test('a resource claim of a sidecar must name a claim of the pod, which the API server pod has none of', () => {
  const errors = synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
    instanceName: 'tenant1',
    sidecarContainers: [{ name: 'kms', image: 'registry.example.com/kms:v1', resources: { claims: [{ name: 'hsm' }] } }],
  }));
  expect(errors).toEqual([expect.stringMatching(/^\[test\/ApiServer\] sidecarContainers\[0\]\.resources\.claims\[0\]\.name: "hsm" is not one of the pod's resource claims\. Fix: /)]);
});
