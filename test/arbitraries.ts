/**
 * fast-check arbitraries: valid sidecar containers (every field of the Kubernetes 1.28 Container),
 * and prop sets that mix valid and invalid values.
 */
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { EtcdConfig, KarmadaApiServerProps, SidecarOptions } from '../src';

/** The volumes every fuzzed pod declares in extraVolumes; sidecars mount the first three. */
export const FUZZ_VOLUMES: k8s.Volume[] = [
  { name: 'data', emptyDir: {} },
  { name: 'socket', emptyDir: { medium: 'Memory' } },
  { name: 'cfg', configMap: { name: 'cfg' } },
  { name: 'block', persistentVolumeClaim: { claimName: 'blk' } },
];
const MOUNTABLE = ['data', 'socket', 'cfg'];

// ---- small pieces ----------------------------------------------------------------------------

/** A string of `min` to `max` characters from `alphabet` (much faster than fc.stringMatching). */
function chars(alphabet: string, min: number, max: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
}
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = LOWER + DIGITS;
const MIXED = LOWER + LOWER.toUpperCase() + DIGITS;

/** A DNS-1035 label of at most 16 characters. */
export const dnsLabel = fc.tuple(chars(LOWER, 1, 1), chars(ALNUM + '-', 0, 14), chars(ALNUM, 1, 1))
  .map(([a, b, c]) => (b === '' && c === '' ? a : `${a}${b}${c}`));
/** A port name: a letter, then letters and digits, with at most one inner "-". */
const portName = fc.tuple(chars(LOWER, 1, 1), chars(ALNUM, 0, 6), fc.option(chars(ALNUM, 1, 6), { nil: undefined }))
  .map(([a, b, c]) => (c === undefined ? a + b : `${a}${b}-${c}`));
const segment = fc.tuple(chars(ALNUM + '_', 1, 1), chars(ALNUM + '_.-', 0, 7)).map(([a, b]) => a + b);
const absPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`);
const relPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
const envName = fc.tuple(chars(MIXED.replace(/[0-9]/g, '') + '_', 1, 1), chars(MIXED + '_.-', 0, 10)).map(([a, b]) => a + b);
/** A qualified name part: alphanumerics with "-", "_" and "." inside. */
const namePart = fc.tuple(chars(MIXED, 1, 1), fc.option(fc.tuple(chars(MIXED + '_.-', 0, 10), chars(MIXED, 1, 1)), { nil: undefined }))
  .map(([a, rest]) => (rest === undefined ? a : a + rest[0] + rest[1]));
const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const smallText = fc.string({ maxLength: 12 });
const positive = fc.integer({ min: 1, max: 300 });
const nonNegative = fc.integer({ min: 0, max: 300 });

const pinnedImage = fc.tuple(
  fc.constantFrom('', 'registry.example.com/', 'localhost:5000/', 'ghcr.io/team/'),
  fc.array(chars(ALNUM, 1, 8), { minLength: 1, maxLength: 3 }).chain((parts) => fc.constantFrom('.', '_', '-', '/').map((sep) => parts.join(sep))),
  fc.oneof(
    fc.tuple(fc.nat(40), fc.nat(40), fc.option(chars(ALNUM, 1, 5), { nil: undefined })).map(([a, b, pre]) => `:v${a}.${b}${pre ? `-${pre}` : ''}`),
    chars('0123456789abcdef', 64, 64).map((d) => `@sha256:${d}`),
  ),
).map(([registry, repo, suffix]) => `${registry}${repo}${suffix}`);

function quantityPair(unitsPerWhole: number, suffix: string): fc.Arbitrary<{ request?: k8s.Quantity; limit?: k8s.Quantity }> {
  const asQuantity = (n: number) => fc.constantFrom(
    k8s.Quantity.fromString(`${n}${suffix}`),
    ...(suffix === 'm' ? [k8s.Quantity.fromNumber(n / unitsPerWhole)] : []),
    ...(suffix === 'Mi' ? [k8s.Quantity.fromNumber(n * 2 ** 20), k8s.Quantity.fromString(`${n * 1024}Ki`)] : []),
  );
  return fc.integer({ min: 1, max: 4000 }).chain((limit) => fc.integer({ min: 0, max: limit }).chain((request) =>
    fc.record({ request: asQuantity(request), limit: asQuantity(limit) }, { requiredKeys: [] })));
}

const resources: fc.Arbitrary<k8s.ResourceRequirements> = fc.tuple(quantityPair(1000, 'm'), quantityPair(1, 'Mi'),
  fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined })).map(([cpu, memory, hsm]) => {
  const requests: Record<string, k8s.Quantity> = {};
  const limits: Record<string, k8s.Quantity> = {};
  if (cpu.request) requests.cpu = cpu.request;
  if (cpu.limit) limits.cpu = cpu.limit;
  if (memory.request) requests.memory = memory.request;
  if (memory.limit) limits.memory = memory.limit;
  if (hsm !== undefined) requests['example.com/hsm'] = limits['example.com/hsm'] = k8s.Quantity.fromNumber(hsm);
  return {
    requests: Object.keys(requests).length > 0 ? requests : undefined,
    limits: Object.keys(limits).length > 0 ? limits : undefined,
  };
});

const ports = fc.uniqueArray(fc.record({
  name: fc.option(portName, { nil: undefined }),
  containerPort: fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 5443),
  protocol: fc.option(fc.constantFrom('TCP', 'UDP', 'SCTP'), { nil: undefined }),
  hostPort: fc.boolean(),
  hostIp: fc.option(fc.constantFrom('0.0.0.0', '127.0.0.1', '::'), { nil: undefined }),
}), { maxLength: 4, selector: (p) => p.containerPort }).map((list) => {
  const seen = new Set<string>();
  return list.map(({ hostPort, name, ...port }): k8s.ContainerPort => {
    const unique = name !== undefined && !seen.has(name) ? name : undefined;
    if (unique) seen.add(unique);
    return { ...port, name: unique, hostPort: hostPort ? port.containerPort : undefined };
  });
});

function portRef(declared: k8s.ContainerPort[]): fc.Arbitrary<k8s.IntOrString> {
  const names = declared.map((p) => p.name).filter((n): n is string => n !== undefined);
  return fc.oneof(
    fc.integer({ min: 1, max: 65535 }).map((n) => k8s.IntOrString.fromNumber(n)),
    ...(names.length > 0 ? [fc.constantFrom(...names).map((n) => k8s.IntOrString.fromString(n))] : []),
  );
}

function handler(declared: k8s.ContainerPort[]): fc.Arbitrary<k8s.LifecycleHandler> {
  return fc.oneof(
    fc.record({ exec: fc.record({ command: fc.array(text, { minLength: 1, maxLength: 3 }) }) }),
    fc.record({
      httpGet: fc.record({
        port: portRef(declared),
        path: fc.option(absPath, { nil: undefined }),
        host: fc.option(fc.constantFrom('127.0.0.1', 'localhost'), { nil: undefined }),
        scheme: fc.option(fc.constantFrom('HTTP', 'HTTPS'), { nil: undefined }),
        httpHeaders: fc.option(fc.array(fc.record({ name: fc.tuple(chars(MIXED, 1, 1), chars(MIXED + '-', 0, 10)).map(([a, b]) => a + b), value: smallText }), { maxLength: 2 }), { nil: undefined }),
      }, { requiredKeys: ['port'] }),
    }),
    fc.record({ tcpSocket: fc.record({ port: portRef(declared), host: fc.option(fc.constant('127.0.0.1'), { nil: undefined }) }, { requiredKeys: ['port'] }) }),
  );
}

function probe(declared: k8s.ContainerPort[], kind: 'liveness' | 'readiness' | 'startup'): fc.Arbitrary<k8s.Probe> {
  const action = fc.oneof(
    handler(declared) as fc.Arbitrary<k8s.Probe>,
    fc.record({ grpc: fc.record({ port: fc.integer({ min: 1, max: 65535 }), service: fc.option(dnsLabel, { nil: undefined }) }, { requiredKeys: ['port'] }) }),
  );
  return fc.tuple(action, fc.record({
    initialDelaySeconds: nonNegative,
    periodSeconds: positive,
    timeoutSeconds: positive,
    failureThreshold: positive,
    successThreshold: kind === 'readiness' ? positive : fc.constant(1),
    ...(kind === 'readiness' ? {} : { terminationGracePeriodSeconds: positive }),
  }, { requiredKeys: [] })).map(([a, timing]) => ({ ...a, ...timing }));
}

const envVar: fc.Arbitrary<k8s.EnvVar> = fc.oneof(
  fc.record({ name: envName, value: fc.option(text, { nil: undefined }) }, { requiredKeys: ['name'] }),
  fc.record({
    name: envName,
    valueFrom: fc.oneof(
      fc.record({ fieldRef: fc.record({ fieldPath: fc.constantFrom('metadata.name', 'metadata.namespace', 'status.podIP', 'spec.nodeName'), apiVersion: fc.option(fc.constant('v1'), { nil: undefined }) }, { requiredKeys: ['fieldPath'] }) }),
      // A divisor in the unit of its resource: the API server refuses 1Mi for cpu and 1m for memory.
      fc.record({ resourceFieldRef: fc.oneof(
        fc.record({ resource: fc.constant('limits.cpu'), divisor: fc.option(fc.constant(k8s.Quantity.fromString('1m')), { nil: undefined }) }, { requiredKeys: ['resource'] }),
        fc.record({ resource: fc.constant('requests.memory'), divisor: fc.option(fc.constant(k8s.Quantity.fromString('1Mi')), { nil: undefined }) }, { requiredKeys: ['resource'] }),
      ) }),
      fc.record({ configMapKeyRef: fc.record({ name: dnsLabel, key: envName, optional: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name', 'key'] }) }),
      fc.record({ secretKeyRef: fc.record({ name: dnsLabel, key: envName, optional: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name', 'key'] }) }),
    ),
  }),
);

/** One source each: a ConfigMap or a Secret (the API server refuses both in one entry). */
const envFrom: fc.Arbitrary<k8s.EnvFromSource> = fc.tuple(
  fc.option(envName, { nil: undefined }),
  fc.record({ name: dnsLabel, optional: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name'] }),
  fc.boolean(),
).map(([prefix, ref, fromSecret]) => (fromSecret ? { prefix, secretRef: ref } : { prefix, configMapRef: ref }));

const volumeMounts: fc.Arbitrary<k8s.VolumeMount[]> = fc.uniqueArray(fc.record({
  name: fc.constantFrom(...MOUNTABLE),
  mountPath: absPath,
  readOnly: fc.option(fc.boolean(), { nil: undefined }),
  sub: fc.option(fc.oneof(relPath.map((subPath) => ({ subPath })), fc.constant({ subPathExpr: '$(POD_NAME)' })), { nil: undefined }),
  mountPropagation: fc.option(fc.constantFrom('None', 'HostToContainer'), { nil: undefined }),
}), { maxLength: 3, selector: (m) => m.mountPath }).map((list) => list.map(({ sub, ...m }) => ({ ...m, ...sub })));

// A hardened security context: fields a secure-defaults check would accept, all of them optional.
const securityContext: fc.Arbitrary<k8s.SecurityContext> = fc.record({
  allowPrivilegeEscalation: fc.constant(false),
  privileged: fc.constant(false),
  readOnlyRootFilesystem: fc.boolean(),
  runAsNonRoot: fc.constant(true),
  runAsUser: fc.integer({ min: 1000, max: 65534 }),
  runAsGroup: fc.integer({ min: 1000, max: 65534 }),
  procMount: fc.constant('Default'),
  capabilities: fc.record({ drop: fc.constant(['ALL']), add: fc.option(fc.constant(['NET_BIND_SERVICE']), { nil: undefined }) }, { requiredKeys: ['drop'] }),
  seccompProfile: fc.oneof(fc.constant({ type: 'RuntimeDefault' }), fc.constant({ type: 'Localhost', localhostProfile: 'profiles/kms.json' })),
  seLinuxOptions: fc.record({ level: fc.constant('s0:c123,c456'), type: fc.constant('container_t'), role: fc.constant('system_r'), user: fc.constant('system_u') }, { requiredKeys: [] }),
}, { requiredKeys: [] });

/** A valid sidecar container: its options, and the container, which may set any field of the 1.28 Container. */
export interface FuzzSidecar {
  readonly container: k8s.Container;
  readonly options: SidecarOptions;
}

export function sidecarContainer(name: fc.Arbitrary<string> = dnsLabel): fc.Arbitrary<FuzzSidecar> {
  return fc.tuple(fc.option(ports, { nil: undefined }), fc.boolean()).chain(([given, native]) => {
    const declared = given ?? [];
    return fc.record({
    container: fc.record({
      name: name.filter((n) => n !== 'kube-apiserver'),
      image: pinnedImage,
      imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
      command: fc.array(text, { maxLength: 3 }),
      args: fc.array(text, { maxLength: 4 }),
      workingDir: absPath,
      ports: fc.constant(given),
      env: fc.array(envVar, { maxLength: 4 }),
      envFrom: fc.array(envFrom, { maxLength: 2 }),
      resources,
      resizePolicy: fc.uniqueArray(fc.record({ resourceName: fc.constantFrom('cpu', 'memory'), restartPolicy: fc.constantFrom('NotRequired', 'RestartContainer') }), { maxLength: 2, selector: (r) => r.resourceName }),
      volumeMounts,
      volumeDevices: fc.constantFrom([], [{ name: 'block', devicePath: '/dev/xvdb' }]),
      livenessProbe: probe(declared, 'liveness'),
      readinessProbe: probe(declared, 'readiness'),
      startupProbe: probe(declared, 'startup'),
      lifecycle: fc.record({ postStart: handler(declared), preStop: handler(declared) }, { requiredKeys: [] }),
      securityContext,
      stdin: fc.boolean(),
      stdinOnce: fc.boolean(),
      tty: fc.boolean(),
      terminationMessagePath: absPath,
      terminationMessagePolicy: fc.constantFrom('File', 'FallbackToLogsOnError'),
      ...(native ? { restartPolicy: fc.constant('Always') } : {}),
    }, { requiredKeys: ['name', 'image', 'ports'] }),
    options: native ? fc.constant({ nativeSidecar: true }) : fc.constantFrom({}, { nativeSidecar: false }),
    });
  });
}

/** Several valid sidecars with distinct names and ports. */
export const sidecarSet: fc.Arbitrary<FuzzSidecar[]> = fc.uniqueArray(sidecarContainer(), { maxLength: 3, selector: (s) => s.container.name })
  .map((list) => {
    const ports = new Set<number>();
    return list.filter((s) => {
      const own = (s.container.ports ?? []).map((p) => p.containerPort);
      if (own.some((p) => ports.has(p))) return false;
      own.forEach((p) => ports.add(p));
      return true;
    });
  });

// ---- prop sets: each prop valid, invalid, or left out -------------------------------------------

/**
 * Left out, or a value from the valid pool, or now and then from the invalid one: with some twenty
 * props, about half the prop sets are valid.
 */
function mix<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<T | undefined> {
  return fc.option(fc.oneof({ arbitrary: valid, weight: 24 }, { arbitrary: invalid as fc.Arbitrary<T>, weight: 1 }), { nil: undefined, freq: 3 });
}

const anyKey = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('app.kubernetes.io/name', 'a:b', 'x/y/z', '__proto__', 'constructor'));
const qualifiedKey = fc.tuple(fc.option(fc.constantFrom('example.com/', 'team.io/'), { nil: '' }), namePart).map(([p, n]) => p + n);
const labelValue = fc.option(namePart, { nil: '' });
const quantityText = fc.oneof(fc.constantFrom('100m', '1', '0.5', '1Gi', '512Mi', '1e3', '2k'), fc.string({ maxLength: 6 }));

/** An invalid sidecar: a valid one with one field broken. */
const brokenSidecar: fc.Arbitrary<FuzzSidecar> = fc.tuple(sidecarContainer(), fc.integer({ min: 0, max: 14 }), smallText).map(([s, which, junk]) => {
  const c = s.container;
  const broken: Partial<k8s.Container>[] = [
    { name: junk },
    { image: junk },
    { image: 'custom-kms-plugin:latest' },
    { ports: [{ containerPort: 5443 }] },
    { ports: [{ containerPort: 0, protocol: junk }] },
    { volumeMounts: [{ name: 'nope', mountPath: junk }] },
    { env: [{ name: junk, value: 'x' }] },
    { resources: { requests: { cpu: k8s.Quantity.fromString(junk) } } },
    { restartPolicy: 'OnFailure' },
    { imagePullPolicy: junk },
    { livenessProbe: { httpGet: { port: k8s.IntOrString.fromString(junk) } } },
    { terminationMessagePolicy: junk },
    { livenessProbe: { grpc: { port: 9000 }, successThreshold: junk.length + 2 } },
    { lifecycle: { preStop: {} } },
    { resources: { limits: { 'example.com/hsm': k8s.Quantity.fromString(`${junk.length}500m`) } } },
  ];
  return { ...s, container: { ...c, ...broken[which] } };
});

export const propSet: fc.Arbitrary<KarmadaApiServerProps> = fc.record({
  instanceName: fc.oneof({ arbitrary: dnsLabel, weight: 24 }, { arbitrary: fc.string({ maxLength: 70 }), weight: 1 }),
  clusterDomain: mix(fc.constantFrom('cluster.local', 'corp.example.com'), fc.string({ maxLength: 12 })),
  imageRepository: mix(fc.constantFrom('registry.k8s.io/kube-apiserver', 'localhost:5000/kube-apiserver'), fc.string({ maxLength: 20 })),
  imageTag: mix(fc.constantFrom('v1.36.2', 'v1.33.0-rc.1'), fc.oneof(fc.constant('latest'), fc.string({ maxLength: 8 }))),
  allowMutableImageTag: fc.option(fc.boolean(), { nil: undefined }),
  imagePullPolicy: mix(fc.constantFrom(ImagePullPolicy.ALWAYS, ImagePullPolicy.IF_NOT_PRESENT, ImagePullPolicy.NEVER), fc.string({ maxLength: 6 }) as fc.Arbitrary<ImagePullPolicy>),
  replicas: mix(fc.integer({ min: 0, max: 5 }), fc.oneof(fc.integer({ min: -3, max: -1 }), fc.double())),
  labels: mix(fc.dictionary(qualifiedKey, labelValue, { maxKeys: 3 }), fc.dictionary(anyKey, fc.string({ maxLength: 70 }), { maxKeys: 3 })),
  annotations: mix(fc.dictionary(qualifiedKey, text, { maxKeys: 3 }), fc.dictionary(anyKey, text, { maxKeys: 3 })),
  serviceAnnotations: mix(fc.dictionary(qualifiedKey, text, { maxKeys: 2 }), fc.dictionary(anyKey, text, { maxKeys: 2 })),
  resources: mix(resources, fc.record({
    requests: fc.dictionary(fc.constantFrom('cpu', 'memory', 'gpu'), quantityText.map((t) => k8s.Quantity.fromString(t)), { maxKeys: 2 }),
    limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), fc.oneof(quantityText.map((t) => k8s.Quantity.fromString(t)), fc.double().map((n) => k8s.Quantity.fromNumber(n))), { maxKeys: 2 }),
  })),
  namespace: mix(dnsLabel, fc.string({ maxLength: 12 })),
  affinity: mix(
    fc.record({
      podAntiAffinity: fc.record({
        preferredDuringSchedulingIgnoredDuringExecution: fc.array(fc.record({
          weight: fc.integer({ min: 1, max: 100 }),
          podAffinityTerm: fc.record({
            topologyKey: fc.constantFrom('kubernetes.io/hostname', 'topology.kubernetes.io/zone'),
            labelSelector: fc.record({ matchLabels: fc.dictionary(qualifiedKey, labelValue, { maxKeys: 2 }) }),
          }),
        }), { maxLength: 2 }),
      }),
    }),
    fc.record({
      nodeAffinity: fc.record({
        requiredDuringSchedulingIgnoredDuringExecution: fc.record({
          nodeSelectorTerms: fc.array(fc.record({
            matchExpressions: fc.array(fc.record({ key: anyKey, operator: fc.constantFrom('In', 'Exists'), values: fc.array(text, { maxLength: 2 }) }), { maxLength: 2 }),
          }), { minLength: 1, maxLength: 2 }),
        }),
      }),
      podAffinity: fc.record({
        requiredDuringSchedulingIgnoredDuringExecution: fc.array(fc.record({
          topologyKey: smallText,
          labelSelector: fc.record({ matchLabels: fc.dictionary(anyKey, text, { maxKeys: 2 }) }),
        }), { maxLength: 1 }),
      }),
    }, { requiredKeys: [] }),
  ),
  certificateSecretName: mix(fc.constantFrom('tenant1-cert', 'certs.example'), smallText),
  priorityClassName: mix(fc.constantFrom('system-node-critical', 'system-cluster-critical'), fc.string({ maxLength: 10 })),
  podDisruptionBudgetConfig: mix(
    fc.oneof(
      fc.record({ minAvailable: fc.integer({ min: 0, max: 3 }).map((n) => k8s.IntOrString.fromNumber(n)) }),
      fc.record({ maxUnavailable: fc.integer({ min: 0, max: 100 }).map((n) => k8s.IntOrString.fromString(`${n}%`)) }),
    ),
    fc.record({
      minAvailable: fc.oneof(fc.double().map((n) => k8s.IntOrString.fromNumber(n)), fc.string({ maxLength: 5 }).map((s) => k8s.IntOrString.fromString(s))),
      maxUnavailable: fc.integer({ min: -2, max: 2 }).map((n) => k8s.IntOrString.fromNumber(n)),
    }, { requiredKeys: [] }),
  ),
  tolerations: mix(
    fc.array(fc.oneof(
      fc.record({ key: qualifiedKey, operator: fc.constant('Exists'), effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule') }),
      fc.record({ key: qualifiedKey, operator: fc.constant('Equal'), value: labelValue, effect: fc.constant('NoExecute'), tolerationSeconds: nonNegative }),
    ), { maxLength: 2 }),
    fc.array(fc.record({ key: fc.string({ maxLength: 6 }), operator: fc.constantFrom('Exists', 'Equal', 'In'), value: smallText, effect: smallText, tolerationSeconds: fc.integer() }, { requiredKeys: [] }), { maxLength: 2 }),
  ),
  serviceSubnet: mix(fc.constantFrom('10.96.0.0/12', '172.20.0.0/16', 'fd00:10:96::/112', '10.96.0.0/12,fd00:10:96::/112'), fc.oneof(fc.string({ maxLength: 18 }), fc.constantFrom('10.96.0.0', '10.0.0.0/33', '1.2.3.4/8,5.6.7.8/8'))),
  service: mix(
    fc.oneof(
      fc.record({ serviceType: fc.constantFrom(ServiceType.CLUSTER_IP, ServiceType.NODE_PORT) }, { requiredKeys: [] }),
      fc.record({ serviceType: fc.constant(ServiceType.LOAD_BALANCER), loadBalancerClass: fc.constantFrom('example.com/lb', 'service.k8s.aws/nlb') }, { requiredKeys: ['serviceType'] }),
    ),
    fc.record({
      serviceType: fc.constantFrom(ServiceType.EXTERNAL_NAME, 'Headless' as ServiceType, ServiceType.CLUSTER_IP, ServiceType.LOAD_BALANCER),
      loadBalancerClass: fc.oneof(smallText, fc.constant('example.com/lb')),
    }, { requiredKeys: [] }),
  ),
  extraArgs: mix(
    // Known flags with values of their types.
    fc.record({
      'v': fc.integer({ min: 0, max: 10 }).map(String),
      'audit-log-maxage': fc.integer({ min: 30, max: 400 }).map(String),
      'max-requests-inflight': fc.integer({ min: 0, max: 5000 }).map(String),
      'enable-priority-and-fairness': fc.constantFrom('true', 'false'),
    }, { requiredKeys: [] }),
    fc.dictionary(fc.oneof(fc.constantFrom('--v', 'v=4', 'feature-gates', ''), fc.string({ maxLength: 8 })), text, { maxKeys: 2 }),
  ),
  featureGates: mix(
    // Gates of Kubernetes 1.36 that are not locked: either value is allowed.
    fc.dictionary(fc.constantFrom('APIResponseCompression', 'CBORServingAndStorage', 'AllowUnsafeMalformedObjectDeletion'), fc.boolean(), { maxKeys: 2 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.boolean(), { maxKeys: 2 }),
  ),
  extraVolumeMounts: mix(
    fc.constant([{ name: 'data', mountPath: '/var/lib/extra' }]),
    fc.array(fc.record({ name: fc.constantFrom('data', 'nope'), mountPath: fc.oneof(absPath, fc.constantFrom('/etc/karmada/pki', 'rel/path', '')) }), { maxLength: 2 }),
  ),
  // Sidecars are broken more often than other props: they have the most rules.
  sidecars: fc.option(fc.oneof(
    { arbitrary: sidecarSet, weight: 8 },
    { arbitrary: fc.tuple(sidecarSet, brokenSidecar).map(([ok, bad]) => [...ok, bad]), weight: 1 },
  ), { nil: undefined, freq: 3 }),
  etcd: mix(
    fc.constantFrom(EtcdConfig.local(), EtcdConfig.external({ endpoints: ['https://etcd.example.com:2379'], clientCertSecretName: 'etcd-client' })),
    fc.array(fc.oneof(smallText, fc.constantFrom('http://etcd:2379', 'https://etcd:2379/path')), { maxLength: 2 })
      .map((endpoints) => EtcdConfig.external({ endpoints, clientCertSecretName: 'etcd-client' })),
  ),
  unknownOption: mix(fc.constant(false), fc.constant(true)),
}, { requiredKeys: ['instanceName'] }).map(({ sidecars, unknownOption, service, ...props }) => {
  const list = sidecars ?? [];
  const sidecarOptions: Record<string, SidecarOptions> = {};
  for (const s of list) {
    sidecarOptions[s.container.name] = s.options;
  }
  if (unknownOption) {
    sidecarOptions['no-such-sidecar'] = { nativeSidecar: true };
  }
  return {
    ...props,
    ...service,
    extraVolumes: FUZZ_VOLUMES,
    sidecarContainers: list.length > 0 ? list.map((s) => s.container) : undefined,
    sidecarOptions: Object.keys(sidecarOptions).length > 0 ? sidecarOptions : undefined,
  } as KarmadaApiServerProps;
});
