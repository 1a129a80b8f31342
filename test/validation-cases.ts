/**
 * Bad inputs, one a case: the props (on top of a valid instance) and the problems a synth reports
 * for them: each its field and a key phrase of its message (a few cases hold the exact lines).
 */
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import { EtcdConfig, KarmadaApiServerProps } from '../src';

export interface BadInput {
  readonly name: string;
  readonly props: Omit<KarmadaApiServerProps, 'instanceName'> & { instanceName?: string };
  /** Each problem: its field, and a phrase its message contains. */
  readonly expected?: ReadonlyArray<readonly [field: string, phrase: string]>;
  /** The exact lines of the synth error, after its header. */
  readonly exact?: string[];
}

const str = (v: string) => k8s.Quantity.fromString(v);
const sidecar = (extra: Partial<k8s.Container>): k8s.Container => ({ name: 'kms-plugin', image: 'registry.example.com/kms:v1', ...extra });

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'instanceName not a DNS label',
    props: { instanceName: 'Tenant_1' },
    expected: [
      ['instanceName', '"Tenant_1" is not a valid instance name:'],
    ],
  },
  {
    name: 'instanceName starting with a digit',
    props: { instanceName: '1tenant' },
    expected: [
      ['instanceName', '"1tenant" is not a valid instance name:'],
    ],
  },
  {
    name: 'instanceName too long for the Service name',
    props: { instanceName: 'a'.repeat(50) },
    exact: [
      '[test/ApiServer] instanceName: the Service name "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-karmada-etcd-client" derived from it has 70 characters, more than the 63 a Service name may have. Fix: shorten instanceName to at most 43 characters',
    ],
  },
  {
    name: 'empty instanceName',
    props: { instanceName: '' },
    exact: [
      '[test/ApiServer] instanceName: the instance name is empty. Fix: name the Karmada instance, for example "tenant1"',
    ],
  },
  {
    name: 'namespace not a DNS label',
    props: { namespace: 'Tenant.One' },
    expected: [
      ['namespace', '"Tenant.One" is not a valid namespace name'],
    ],
  },
  {
    name: 'clusterDomain not a domain',
    props: { clusterDomain: '.cluster.local' },
    expected: [
      ['clusterDomain', '".cluster.local" is not a DNS domain (at'],
    ],
  },
  {
    name: 'priorityClassName invalid',
    props: { priorityClassName: 'System Critical' },
    expected: [
      ['priorityClassName', '"System Critical" is not a valid PriorityClass'],
    ],
  },
  {
    name: 'certificateSecretName invalid',
    props: { certificateSecretName: 'certs_1' },
    expected: [
      ['certificateSecretName', '"certs_1" cannot be the name of a'],
    ],
  },
  {
    name: 'sidecar name not a DNS label',
    props: { sidecarContainers: [sidecar({ name: 'KMS_plugin' })] },
    expected: [
      ['sidecarContainers[0].name', '"KMS_plugin" is not a valid container name'],
    ],
  },
  {
    name: 'extra volume name not a DNS label',
    props: { extraVolumes: [{ name: 'kms.socket', emptyDir: {} }] },
    expected: [
      ['extraVolumes[0].name', '"kms.socket" is not a valid volume name'],
    ],
  },
  {
    name: 'duplicate container names',
    props: { sidecarContainers: [sidecar({}), sidecar({})] },
    expected: [
      ['sidecarContainers[1].name', 'container name "kms-plugin" is already taken by'],
    ],
  },
  {
    name: 'sidecar named like the API server container',
    props: { sidecarContainers: [sidecar({ name: 'kube-apiserver' })] },
    expected: [
      ['sidecarContainers[0].name', 'container name "kube-apiserver" is already taken by'],
    ],
  },
  {
    name: 'duplicate volume names',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }] },
    expected: [
      ['extraVolumes[1].name', 'the volume name "a" is used twice'],
    ],
  },
  {
    name: 'a mount with no volume',
    props: { extraVolumeMounts: [{ name: 'missing', mountPath: '/x' }] },
    expected: [
      ['extraVolumeMounts[0].name', 'the volume mount names "missing", which is'],
    ],
  },
  {
    name: 'port clash with the secure port',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 5443 }] })] },
    expected: [
      ['sidecarContainers[0].ports[0].containerPort', 'port 5443 is already used by the'],
    ],
  },
  {
    name: 'label key invalid',
    props: { labels: { 'team name': 'a' } },
    expected: [
      ['labels["team name"]', '"team name" is not a valid label'],
    ],
  },
  {
    name: 'label value invalid',
    props: { labels: { team: 'platform team' } },
    expected: [
      ['labels.team', '"platform team" is not a valid label'],
    ],
  },
  {
    name: 'label overriding a reserved label',
    props: { labels: { 'app.kubernetes.io/name': 'mine' } },
    expected: [
      ['labels.app.kubernetes.io/name', 'the label "app.kubernetes.io/name" is set by the'],
    ],
  },
  {
    name: 'annotation key invalid',
    props: { annotations: { 'example.com/a/b': 'x' } },
    expected: [
      ['annotations.example.com/a/b', '"example.com/a/b" is not a valid annotation key'],
    ],
  },
  {
    name: 'service annotation key invalid',
    props: { serviceAnnotations: { '-lb': 'x' } },
    expected: [
      ['serviceAnnotations.-lb', '"-lb" is not a valid annotation key'],
    ],
  },
  {
    name: 'invalid quantity',
    props: { resources: { requests: { cpu: str('one') } } },
    expected: [
      ['resources.requests.cpu', '"one" is not a Kubernetes quantity'],
    ],
  },
  {
    name: 'negative quantity',
    props: { sidecarContainers: [sidecar({ resources: { limits: { memory: str('-64Mi') } } })] },
    expected: [
      ['sidecarContainers[0].resources.limits.memory', '"-64Mi" is negative'],
    ],
  },
  {
    name: 'request above limit',
    props: { resources: { requests: { memory: str('2Gi') }, limits: { memory: str('1Gi') } } },
    expected: [
      ['resources.requests.memory', 'the request "2Gi" for memory is larger'],
    ],
  },
  {
    name: 'unknown resource name',
    props: { resources: { requests: { gpu: str('1') } } },
    expected: [
      ['resources.requests.gpu', '"gpu" is not a resource a container'],
    ],
  },
  {
    name: 'ExternalName Service',
    props: { serviceType: ServiceType.EXTERNAL_NAME },
    expected: [
      ['serviceType', 'a Service of type ExternalName has no'],
    ],
  },
  {
    name: 'loadBalancerClass without LoadBalancer',
    props: { loadBalancerClass: 'example.com/lb' },
    expected: [
      ['loadBalancerClass', 'loadBalancerClass applies to a Service of type'],
    ],
  },
  {
    name: 'service subnet not a CIDR',
    props: { serviceSubnet: '10.96.0.0' },
    expected: [
      ['serviceSubnet', '"10.96.0.0" is not a CIDR (an IPv4'],
    ],
  },
  {
    name: 'service subnet with a bad address',
    props: { serviceSubnet: '10.96.0.300/12' },
    expected: [
      ['serviceSubnet', '"10.96.0.300/12" is not a CIDR (an IPv4'],
    ],
  },
  {
    name: 'dual-stack subnet of one family',
    props: { serviceSubnet: '10.96.0.0/12,10.100.0.0/16' },
    expected: [
      ['serviceSubnet', '"10.96.0.0/12,10.100.0.0/16" has two IPv4 ranges; dual stack'],
    ],
  },
  {
    name: 'negative replicas',
    props: { replicas: -1 },
    expected: [
      ['replicas', '-1 is not a number of pods:'],
    ],
  },
  {
    name: 'non-integer replicas',
    props: { replicas: 1.5 },
    expected: [
      ['replicas', '1.5 is not a number of pods:'],
    ],
  },
  {
    name: 'NaN replicas',
    props: { replicas: NaN },
    expected: [
      ['replicas', 'NaN is not a number of pods:'],
    ],
  },
  {
    name: 'PDB with both minAvailable and maxUnavailable',
    props: { podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromNumber(1) } },
    expected: [
      ['podDisruptionBudgetConfig', 'minAvailable and maxUnavailable cannot both be set'],
    ],
  },
  {
    name: 'PDB with neither',
    props: { podDisruptionBudgetConfig: {} },
    expected: [
      ['podDisruptionBudgetConfig', 'neither minAvailable nor maxUnavailable is set'],
    ],
  },
  {
    name: 'PDB percent malformed',
    props: { podDisruptionBudgetConfig: { maxUnavailable: k8s.IntOrString.fromString('50 %') } },
    expected: [
      ['podDisruptionBudgetConfig.maxUnavailable', '"50 %" is not a percentage'],
    ],
  },
  {
    name: 'PDB percent over 100',
    props: { podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromString('150%') } },
    expected: [
      ['podDisruptionBudgetConfig.minAvailable', '150% is more than 100%'],
    ],
  },
  {
    name: 'extraArgs key with leading dashes',
    props: { extraArgs: { '--v': '4' } },
    expected: [
      ['extraArgs.--v', 'flag names are given without the leading'],
    ],
  },
  {
    name: 'extraArgs key with a value inside',
    props: { extraArgs: { 'v=4': '' } },
    expected: [
      ['extraArgs["v=4"]', '"v=4" is not a flag name: flags'],
    ],
  },
  {
    name: 'extraArgs empty key',
    props: { extraArgs: { '': 'x' } },
    expected: [
      ['extraArgs', 'a flag name is empty'],
    ],
  },
  {
    name: 'feature gates in both places',
    props: { featureGates: { KMSv2: true }, extraArgs: { 'feature-gates': 'KMSv2=true' } },
    expected: [
      ['extraArgs.feature-gates', '--feature-gates is set by the featureGates prop'],
    ],
  },
  {
    name: 'feature gate name invalid',
    props: { featureGates: { 'kms v2': true } },
    expected: [
      ['featureGates["kms v2"]', 'kube-apiserver 1.36 has no feature gate "kms v2"'],
    ],
  },
  {
    name: 'API server :latest tag',
    props: { imageTag: 'latest' },
    expected: [
      ['imageTag', 'the tag "latest" is mutable: pods of'],
    ],
  },
  {
    name: 'API server tag invalid',
    props: { imageTag: '' },
    expected: [
      ['imageTag', '"" is not a valid image tag'],
    ],
  },
  {
    name: 'API server repository uppercase',
    props: { imageRepository: 'registry.k8s.io/Kube-Apiserver' },
    expected: [
      ['imageRepository', 'the repository "registry.k8s.io/Kube-Apiserver" has uppercase letters, which'],
    ],
  },
  {
    name: 'API server repository with a tag',
    props: { imageRepository: 'registry.k8s.io/kube-apiserver:v1.30.0' },
    expected: [
      ['imageRepository', '"registry.k8s.io/kube-apiserver:v1.30.0" already carries a tag or digest,'],
    ],
  },
  {
    name: 'API server pull policy invalid',
    props: { imagePullPolicy: 'Sometimes' as ImagePullPolicy },
    expected: [
      ['imagePullPolicy', '"Sometimes" is not an image pull policy'],
    ],
  },
  {
    name: 'sidecar :latest image',
    props: { sidecarContainers: [sidecar({ image: 'custom-kms-plugin:latest' })] },
    expected: [
      ['sidecarContainers[0].image', '"custom-kms-plugin:latest" has the tag "latest", which is'],
    ],
  },
  {
    name: 'sidecar untagged image',
    props: { sidecarContainers: [sidecar({ image: 'custom-kms-plugin' })] },
    expected: [
      ['sidecarContainers[0].image', '"custom-kms-plugin" has no tag and no digest,'],
    ],
  },
  {
    name: 'sidecar without image',
    props: { sidecarContainers: [{ name: 'kms-plugin' }] },
    expected: [
      ['sidecarContainers[0].image', 'the container has no image'],
    ],
  },
  {
    name: 'sidecar image with whitespace',
    props: { sidecarContainers: [sidecar({ image: 'kms plugin:v1' })] },
    expected: [
      ['sidecarContainers[0].image', '"kms plugin:v1" contains whitespace'],
    ],
  },
  {
    name: 'sidecar image with a bad digest',
    props: { sidecarContainers: [sidecar({ image: 'kms@sha256:xyz' })] },
    expected: [
      ['sidecarContainers[0].image', 'the digest "sha256:xyz" is not valid'],
    ],
  },
  {
    name: 'containerPort out of range',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 70000 }] })] },
    expected: [
      ['sidecarContainers[0].ports[0].containerPort', '70000 is not a port number'],
    ],
  },
  {
    name: 'hostPort out of range',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 8080, hostPort: 70000 }] })], sidecarOptions: { 'kms-plugin': { allowPodSecurityViolations: true } } },
    expected: [
      ['sidecarContainers[0].ports[0].hostPort', '70000 is not a port number'],
    ],
  },
  {
    name: 'duplicate port names in one container',
    props: { sidecarContainers: [sidecar({ ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'metrics', containerPort: 8081 }] })] },
    expected: [
      ['sidecarContainers[0].ports[1].name', 'the port name "metrics" is used twice'],
    ],
  },
  {
    name: 'port name invalid',
    props: { sidecarContainers: [sidecar({ ports: [{ name: 'prometheus-metrics', containerPort: 8080 }] })] },
    expected: [
      ['sidecarContainers[0].ports[0].name', '"prometheus-metrics" is not a valid port name'],
    ],
  },
  {
    name: 'protocol invalid',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 8080, protocol: 'HTTP' }] })] },
    exact: [
      '[test/ApiServer] sidecarContainers[0].ports[0].protocol: "HTTP" is not one of "SCTP", "TCP" or "UDP". Fix: use one of "SCTP", "TCP" or "UDP"',
    ],
  },
  {
    name: 'probe on an undeclared port name',
    props: { sidecarContainers: [sidecar({ livenessProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('health') } } })] },
    expected: [
      ['sidecarContainers[0].livenessProbe.httpGet.port', 'no port of the container is named'],
    ],
  },
  {
    name: 'external etcd without endpoints',
    props: { etcd: EtcdConfig.external({ endpoints: [], clientCertSecretName: 'etcd-client' }) },
    expected: [
      ['etcd.endpoints', 'no etcd endpoint is given'],
    ],
  },
  {
    name: 'external etcd over http',
    props: { etcd: EtcdConfig.external({ endpoints: ['http://etcd:2379'], clientCertSecretName: 'etcd-client' }) },
    expected: [
      ['etcd.endpoints[0]', '"http://etcd:2379" uses "http", and the API server'],
    ],
  },
  {
    name: 'external etcd endpoint not a URL',
    props: { etcd: EtcdConfig.external({ endpoints: ['etcd-0:2379,etcd-1:2379'], clientCertSecretName: 'etcd-client' }) },
    expected: [
      ['etcd.endpoints[0]', '"etcd-0:2379,etcd-1:2379" contains whitespace or a comma (each'],
    ],
  },
  {
    name: 'toleration Exists with a value',
    props: { tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'karmada' }] },
    expected: [
      ['tolerations[0].value', 'a toleration with the operator Exists takes'],
    ],
  },
  {
    name: 'toleration effect invalid',
    props: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'karmada', effect: 'NoRun' }] },
    expected: [
      ['tolerations[0].effect', '"NoRun" is not one of "NoExecute", "NoSchedule"'],
    ],
  },
  {
    name: 'toleration operator invalid',
    props: { tolerations: [{ key: 'dedicated', operator: 'In', value: 'karmada' }] },
    expected: [
      ['tolerations[0].operator', '"In" is not one of "Equal" or'],
    ],
  },
  {
    name: 'tolerationSeconds without NoExecute',
    props: { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }] },
    expected: [
      ['tolerations[0].effect', 'tolerationSeconds only applies to the effect NoExecute'],
    ],
  },
  {
    name: 'two mounts at one path',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }], extraVolumeMounts: [{ name: 'a', mountPath: '/etc/karmada/pki' }] },
    expected: [
      ['extraVolumeMounts[0].mountPath', 'two volumes are mounted at "/etc/karmada/pki"'],
    ],
  },
  {
    name: 'relative mountPath',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }], sidecarContainers: [sidecar({ volumeMounts: [{ name: 'a', mountPath: 'var/run' }] })] },
    expected: [
      ['sidecarContainers[0].volumeMounts[0].mountPath', '"var/run" is a relative path'],
    ],
  },
  {
    name: 'subPath leaving the volume',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }], extraVolumeMounts: [{ name: 'a', mountPath: '/a', subPath: '../etc' }] },
    expected: [
      ['extraVolumeMounts[0].subPath', '"../etc" must not contain ".."'],
    ],
  },
  {
    name: 'env var name invalid',
    props: { sidecarContainers: [sidecar({ env: [{ name: 'KMS=KEY', value: 'x' }] })] },
    expected: [
      ['sidecarContainers[0].env[0].name', '"KMS=KEY" is not a valid environment variable'],
    ],
  },
  {
    name: 'env var with value and valueFrom',
    props: { sidecarContainers: [sidecar({ env: [{ name: 'POD', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })] },
    expected: [
      ['sidecarContainers[0].env[0].valueFrom', 'a variable cannot have both a value'],
    ],
  },
  {
    name: 'terminationMessagePolicy invalid',
    props: { sidecarContainers: [sidecar({ terminationMessagePolicy: 'Logs' })] },
    expected: [
      ['sidecarContainers[0].terminationMessagePolicy', '"Logs" is not one of "FallbackToLogsOnError" or'],
    ],
  },
  {
    name: 'sidecarOptions key naming no sidecar',
    props: { sidecarContainers: [sidecar({})], sidecarOptions: { 'kms-plugn': { nativeSidecar: true } } },
    expected: [
      ['sidecarOptions.kms-plugn', '"kms-plugn" names no container of sidecarContainers, so'],
    ],
  },
  {
    name: 'restartPolicy on a regular sidecar',
    props: { sidecarContainers: [sidecar({ restartPolicy: 'Always' })] },
    expected: [
      ['sidecarContainers[0].restartPolicy', 'restartPolicy is only allowed on init containers,'],
    ],
  },
  {
    name: 'annotation key named constructor',
    props: { annotations: { constructor: 'x' } },
    expected: [
      ['annotations.constructor', 'cdk8s cannot render an annotation key named'],
    ],
  },
  {
    name: 'a map key named constructor inside the pod',
    props: { extraVolumes: [{ name: 'a', csi: { driver: 'x.example.com', volumeAttributes: { constructor: 'x' } } }] },
    exact: [
      '[test/ApiServer] extraVolumes[0].csi.volumeAttributes.constructor: cdk8s cannot render a key named "constructor": it takes it for the object\'s class. Fix: remove or rename the key',
    ],
  },
  {
    name: 'a number that is not finite',
    props: { sidecarContainers: [sidecar({ livenessProbe: { exec: { command: ['true'] }, periodSeconds: Infinity } })] },
    expected: [
      ['sidecarContainers[0].livenessProbe.periodSeconds', 'expected an integer, got Infinity'],
    ],
  },
  {
    name: 'quantity from NaN',
    props: { resources: { limits: { cpu: k8s.Quantity.fromNumber(NaN) } } },
    expected: [
      ['resources.limits.cpu', 'the k8s.Quantity holds NaN'],
    ],
  },
  {
    name: 'toleration effect empty',
    props: { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: '' }] },
    expected: [
      ['tolerations[0].effect', '"" is not one of "NoExecute", "NoSchedule"'],
    ],
  },
  {
    name: 'env valueFrom with two sources',
    props: { sidecarContainers: [sidecar({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } }] })] },
    expected: [
      ['sidecarContainers[0].env[0].valueFrom', 'valueFrom gives 2 sources (fieldRef, secretKeyRef)'],
    ],
  },
  {
    name: 'external etcd endpoint with a path',
    props: { etcd: EtcdConfig.external({ endpoints: ['https://etcd:2379/v3'], clientCertSecretName: 'etcd-client' }) },
    expected: [
      ['etcd.endpoints[0]', '"https://etcd:2379/v3" is not just a scheme, a'],
    ],
  },
  {
    name: 'external etcd Secret name invalid',
    props: { etcd: EtcdConfig.external({ endpoints: ['https://etcd:2379'], clientCertSecretName: 'Etcd Client' }) },
    expected: [
      ['etcd.clientCertSecretName', '"Etcd Client" cannot be the name of'],
    ],
  },
  {
    name: 'envFrom prefix invalid',
    props: { sidecarContainers: [sidecar({ envFrom: [{ prefix: 'X=', configMapRef: { name: 'env' } }] })] },
    expected: [
      ['sidecarContainers[0].envFrom[0].prefix', '"X=" is not a valid environment variable'],
    ],
  },
  {
    name: 'sidecar pull policy invalid',
    props: { sidecarContainers: [sidecar({ imagePullPolicy: 'always' })] },
    expected: [
      ['sidecarContainers[0].imagePullPolicy', '"always" is not one of "Always", "IfNotPresent"'],
    ],
  },
  {
    name: 'extended resource request without limit',
    props: { sidecarContainers: [sidecar({ resources: { requests: { 'example.com/hsm': str('1') } } })] },
    expected: [
      ['sidecarContainers[0].resources.limits.example.com/hsm', '"example.com/hsm" cannot be overcommitted, so a request'],
    ],
  },
  {
    name: 'extended resource in fractions',
    props: { resources: { limits: { 'example.com/hsm': str('500m') } } },
    expected: [
      ['resources.limits.example.com/hsm', 'the extended resource "example.com/hsm" is counted in'],
    ],
  },
  {
    name: 'one host port for two sidecars',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 8080, hostPort: 9090 }] }), sidecar({ name: 'metrics', ports: [{ containerPort: 8081, hostPort: 9090 }] })],
      // host ports break the restricted profile: accepted knowingly here, to show the clash alone
      sidecarOptions: { 'kms-plugin': { allowPodSecurityViolations: true }, 'metrics': { allowPodSecurityViolations: true } } },
    expected: [
      ['sidecarContainers[1].ports[0].hostPort', 'the host port 9090/TCP is already bound'],
    ],
  },
  {
    name: 'affinity with an invalid label key and a bad operator',
    props: {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{
            weight: 0,
            podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'app name': 'karmada' } } },
          }],
        },
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] }] },
        },
      },
    },
    expected: [
      ['affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values', 'the operator Exists takes no values'],
      ['affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight', 'the weight 0 is not from 1'],
      ['affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels["app name"]', '"app name" is not a valid label'],
    ],
  },
  {
    name: 'liveness probe with successThreshold above 1',
    props: { sidecarContainers: [sidecar({ livenessProbe: { grpc: { port: 9000 }, successThreshold: 2 } })] },
    expected: [
      ['sidecarContainers[0].livenessProbe.successThreshold', 'a liveness probe\'s successThreshold must be 1,'],
    ],
  },
  {
    name: 'probe with two handlers',
    props: { sidecarContainers: [sidecar({ readinessProbe: { exec: { command: ['true'] }, grpc: { port: 9000 }, periodSeconds: 0 } })] },
    expected: [
      ['sidecarContainers[0].readinessProbe.grpc', 'only one handler may be given, and'],
    ],
  },
  {
    name: 'lifecycle hook without a handler',
    props: { sidecarContainers: [sidecar({ lifecycle: { preStop: {} } })] },
    expected: [
      ['sidecarContainers[0].lifecycle.preStop', 'no handler is given (one of exec,'],
    ],
  },
];
