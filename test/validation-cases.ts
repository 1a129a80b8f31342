/**
 * Bad inputs, one a case: the props (on top of a valid instance) and the exact error lines a synth
 * reports for them.
 */
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import { EtcdConfig, KarmadaApiServerProps } from '../src';

export interface BadInput {
  readonly name: string;
  readonly props: Omit<KarmadaApiServerProps, 'instanceName'> & { instanceName?: string };
  /** The exact lines of the synth error, after its header. */
  readonly errors: string[];
}

const str = (v: string) => k8s.Quantity.fromString(v);
const sidecar = (extra: Partial<k8s.Container>): k8s.Container => ({ name: 'kms-plugin', image: 'registry.example.com/kms:v1', ...extra });

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'instanceName not a DNS label',
    props: { instanceName: 'Tenant_1' },
    errors: [
      '[test/ApiServer] instanceName: "Tenant_1" is not a valid instance name: it must be a DNS-1035 label (at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit), since the Service is named after it. Fix: use a name such as "tenant-1"',
    ],
  },
  {
    name: 'instanceName starting with a digit',
    props: { instanceName: '1tenant' },
    errors: [
      '[test/ApiServer] instanceName: "1tenant" is not a valid instance name: it must be a DNS-1035 label (at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit), since the Service is named after it. Fix: use a name such as "tenant"',
    ],
  },
  {
    name: 'instanceName too long for the Service name',
    props: { instanceName: 'a'.repeat(50) },
    errors: [
      '[test/ApiServer] instanceName: the Service name "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-karmada-apiserver" derived from it has 68 characters, more than the 63 a Service name may have. Fix: shorten instanceName to at most 45 characters',
    ],
  },
  {
    name: 'empty instanceName',
    props: { instanceName: '' },
    errors: [
      '[test/ApiServer] instanceName: the instance name is empty. Fix: name the Karmada instance, for example "tenant1"',
    ],
  },
  {
    name: 'namespace not a DNS label',
    props: { namespace: 'Tenant.One' },
    errors: [
      '[test/ApiServer] namespace: "Tenant.One" is not a valid namespace name (at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit). Fix: use a name such as "tenant-one"',
    ],
  },
  {
    name: 'clusterDomain not a domain',
    props: { clusterDomain: '.cluster.local' },
    errors: [
      '[test/ApiServer] clusterDomain: ".cluster.local" is not a DNS domain (at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit). Fix: use the cluster\'s DNS domain, such as "cluster.local", without a leading or trailing dot',
    ],
  },
  {
    name: 'priorityClassName invalid',
    props: { priorityClassName: 'System Critical' },
    errors: [
      '[test/ApiServer] priorityClassName: "System Critical" is not a valid PriorityClass name (at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit). Fix: name an existing PriorityClass, such as "system-node-critical"',
    ],
  },
  {
    name: 'certificateSecretName invalid',
    props: { certificateSecretName: 'certs_1' },
    errors: [
      '[test/ApiServer] certificateSecretName: "certs_1" is not a valid Secret name (at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit). Fix: name the Secret that holds the API server certificates, or leave it out for "<instance>-cert"',
    ],
  },
  {
    name: 'sidecar name not a DNS label',
    props: { sidecarContainers: [sidecar({ name: 'KMS_plugin' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].name: "KMS_plugin" is not a valid container name (at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit). Fix: rename it, for example to "kms-plugin"',
    ],
  },
  {
    name: 'extra volume name not a DNS label',
    props: { extraVolumes: [{ name: 'kms.socket', emptyDir: {} }] },
    errors: [
      '[test/ApiServer] extraVolumes[0].name: "kms.socket" is not a valid volume name (at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit). Fix: rename it, for example to "kms-socket", and the mounts that use it',
    ],
  },
  {
    name: 'duplicate container names',
    props: { sidecarContainers: [sidecar({}), sidecar({})] },
    errors: [
      '[test/ApiServer] sidecarContainers[1].name: container name "kms-plugin" is already taken by sidecarContainers[0]. Fix: give every sidecar a name of its own, other than "kube-apiserver"',
    ],
  },
  {
    name: 'sidecar named like the API server container',
    props: { sidecarContainers: [sidecar({ name: 'kube-apiserver' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].name: container name "kube-apiserver" is already taken by the API server container. Fix: give every sidecar a name of its own, other than "kube-apiserver"',
    ],
  },
  {
    name: 'duplicate volume names',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }] },
    errors: [
      '[test/ApiServer] extraVolumes[1].name: volume name "a" is declared twice in the pod. Fix: give the volume a name of its own (the construct itself declares "apiserver-cert", "etcd-client-cert" and "apiserver-config")',
    ],
  },
  {
    name: 'a mount with no volume',
    props: { extraVolumeMounts: [{ name: 'missing', mountPath: '/x' }] },
    errors: [
      '[test/ApiServer] extraVolumeMounts[0].name: the API server mounts volume "missing", which no volume of the pod declares. Fix: declare it in extraVolumes (declared: apiserver-cert, etcd-client-cert, apiserver-config), or fix the mount\'s name',
    ],
  },
  {
    name: 'port clash with the secure port',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 5443 }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].ports[0].containerPort: port 5443 is already used by the API server\'s secure port; containers of one pod share its network. Fix: listen on another port than 5443, which the API server serves on',
    ],
  },
  {
    name: 'label key invalid',
    props: { labels: { 'team name': 'a' } },
    errors: [
      '[test/ApiServer] labels["team name"]: "team name" is not a valid label key (a key is an optional DNS subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit). Fix: rename the label key, for example "example.com/team"',
    ],
  },
  {
    name: 'label value invalid',
    props: { labels: { team: 'platform team' } },
    errors: [
      '[test/ApiServer] labels.team: "platform team" is not a valid label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, or empty. Fix: shorten or reword the value, or put it in annotations, which take any text',
    ],
  },
  {
    name: 'label overriding a reserved label',
    props: { labels: { 'app.kubernetes.io/name': 'mine' } },
    errors: [
      '[test/ApiServer] labels.app.kubernetes.io/name: the label "app.kubernetes.io/name" is set by the construct (it selects the API server pods) and cannot be overridden. Fix: remove it from labels; use another key, such as "example.com/name"',
    ],
  },
  {
    name: 'annotation key invalid',
    props: { annotations: { 'example.com/a/b': 'x' } },
    errors: [
      '[test/ApiServer] annotations.example.com/a/b: "example.com/a/b" is not a valid annotation key (a key is an optional DNS subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit). Fix: rename the annotation key, for example "example.com/owner"',
    ],
  },
  {
    name: 'service annotation key invalid',
    props: { serviceAnnotations: { '-lb': 'x' } },
    errors: [
      '[test/ApiServer] serviceAnnotations.-lb: "-lb" is not a valid annotation key (a key is an optional DNS subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit). Fix: rename the annotation key, for example "example.com/owner"',
    ],
  },
  {
    name: 'invalid quantity',
    props: { resources: { requests: { cpu: str('one') } } },
    errors: [
      '[test/ApiServer] resources.requests.cpu: "one" is not a Kubernetes quantity. Fix: write a number with an optional suffix, such as "250m" or "0.5" for CPU and "256Mi" or "1Gi" for memory, via k8s.Quantity.fromString()',
    ],
  },
  {
    name: 'negative quantity',
    props: { sidecarContainers: [sidecar({ resources: { limits: { memory: str('-64Mi') } } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].resources.limits.memory: "-64Mi" is negative. Fix: give a quantity of zero or more',
    ],
  },
  {
    name: 'request above limit',
    props: { resources: { requests: { memory: str('2Gi') }, limits: { memory: str('1Gi') } } },
    errors: [
      '[test/ApiServer] resources.requests.memory: the request "2Gi" is larger than the limit "1Gi". Fix: lower the request to at most the limit, or raise limits.memory',
    ],
  },
  {
    name: 'unknown resource name',
    props: { resources: { requests: { gpu: str('1') } } },
    errors: [
      '[test/ApiServer] resources.requests.gpu: "gpu" is not a resource Kubernetes knows. Fix: use "cpu", "memory", "ephemeral-storage", "hugepages-<size>", or a domain-prefixed extended resource such as "example.com/gpu"',
    ],
  },
  {
    name: 'ExternalName Service',
    props: { serviceType: ServiceType.EXTERNAL_NAME },
    errors: [
      '[test/ApiServer] serviceType: a Service of type ExternalName has no selector and no cluster IP, so it cannot front the API server pods. Fix: use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER',
    ],
  },
  {
    name: 'loadBalancerClass without LoadBalancer',
    props: { loadBalancerClass: 'example.com/lb' },
    errors: [
      '[test/ApiServer] loadBalancerClass: loadBalancerClass applies to a Service of type LoadBalancer only, and serviceType is "ClusterIP". Fix: set serviceType to ServiceType.LOAD_BALANCER, or remove loadBalancerClass',
    ],
  },
  {
    name: 'loadBalancerClass without a prefix',
    props: { serviceType: ServiceType.LOAD_BALANCER, loadBalancerClass: 'nlb' },
    errors: [
      '[test/ApiServer] loadBalancerClass: "nlb" is not a valid load balancer class: it must be a label-style key with a domain prefix. Fix: use the class your load balancer implementation documents, such as "service.k8s.aws/nlb"',
    ],
  },
  {
    name: 'service subnet not a CIDR',
    props: { serviceSubnet: '10.96.0.0' },
    errors: [
      '[test/ApiServer] serviceSubnet: "10.96.0.0" is not a CIDR: has no prefix length ("/<bits>"). Fix: give one CIDR such as "10.96.0.0/12", or an IPv4 and an IPv6 CIDR separated by a comma for dual stack, such as "10.96.0.0/12,fd00:10:96::/112"',
    ],
  },
  {
    name: 'service subnet with a bad address',
    props: { serviceSubnet: '10.96.0.300/12' },
    errors: [
      '[test/ApiServer] serviceSubnet: "10.96.0.300/12" is not a CIDR: "10.96.0.300" is not an IPv4 or IPv6 address. Fix: give one CIDR such as "10.96.0.0/12", or an IPv4 and an IPv6 CIDR separated by a comma for dual stack, such as "10.96.0.0/12,fd00:10:96::/112"',
    ],
  },
  {
    name: 'dual-stack subnet of one family',
    props: { serviceSubnet: '10.96.0.0/12,10.100.0.0/16' },
    errors: [
      '[test/ApiServer] serviceSubnet: "10.96.0.0/12,10.100.0.0/16" has two IPv4 ranges; dual stack needs one IPv4 and one IPv6 range. Fix: give one CIDR such as "10.96.0.0/12", or an IPv4 and an IPv6 CIDR separated by a comma for dual stack, such as "10.96.0.0/12,fd00:10:96::/112"',
    ],
  },
  {
    name: 'negative replicas',
    props: { replicas: -1 },
    errors: [
      '[test/ApiServer] replicas: -1 is not a number of pods: it must be a whole number from 0 up. Fix: set replicas to a whole number such as 1 or 3 (3 for high availability)',
    ],
  },
  {
    name: 'non-integer replicas',
    props: { replicas: 1.5 },
    errors: [
      '[test/ApiServer] replicas: 1.5 is not a number of pods: it must be a whole number from 0 up. Fix: set replicas to a whole number such as 1 or 3 (3 for high availability)',
    ],
  },
  {
    name: 'NaN replicas',
    props: { replicas: NaN },
    errors: [
      '[test/ApiServer] replicas: NaN is not a number of pods: it must be a whole number from 0 up. Fix: set replicas to a whole number such as 1 or 3 (3 for high availability)',
    ],
  },
  {
    name: 'PDB with both minAvailable and maxUnavailable',
    props: { podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromNumber(1) } },
    errors: [
      '[test/ApiServer] podDisruptionBudgetConfig: both minAvailable and maxUnavailable are set, and a PodDisruptionBudget takes only one. Fix: keep one of them: maxUnavailable (such as 1) adapts as replicas change',
    ],
  },
  {
    name: 'PDB with neither',
    props: { podDisruptionBudgetConfig: {} },
    errors: [
      '[test/ApiServer] podDisruptionBudgetConfig: neither minAvailable nor maxUnavailable is set. Fix: set one of them, such as { maxUnavailable: k8s.IntOrString.fromNumber(1) }, or leave podDisruptionBudgetConfig out',
    ],
  },
  {
    name: 'PDB percent malformed',
    props: { podDisruptionBudgetConfig: { maxUnavailable: k8s.IntOrString.fromString('50 %') } },
    errors: [
      '[test/ApiServer] podDisruptionBudgetConfig.maxUnavailable: "50 %" is neither a whole number nor a percentage such as "50%". Fix: give a whole number of pods with k8s.IntOrString.fromNumber(1), or a percentage with k8s.IntOrString.fromString("50%")',
    ],
  },
  {
    name: 'PDB percent over 100',
    props: { podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromString('150%') } },
    errors: [
      '[test/ApiServer] podDisruptionBudgetConfig.minAvailable: "150%" is more than 100%. Fix: give a percentage from 0% to 100%',
    ],
  },
  {
    name: 'extraArgs key with leading dashes',
    props: { extraArgs: { '--v': '4' } },
    errors: [
      '[test/ApiServer] extraArgs.--v: flag names are given without the leading "--" (the construct adds it), so this renders "----v". Fix: use the key "v"',
    ],
  },
  {
    name: 'extraArgs key with a value inside',
    props: { extraArgs: { 'v=4': '' } },
    errors: [
      '[test/ApiServer] extraArgs["v=4"]: "v=4" is not a flag name: flags are letters, digits, "-", "_" and ".", with no "=" or spaces. Fix: give the flag name as the key and its value as the value; to set a value, use { "v": "4" }',
    ],
  },
  {
    name: 'extraArgs empty key',
    props: { extraArgs: { '': 'x' } },
    errors: [
      '[test/ApiServer] extraArgs: a flag name is empty. Fix: remove the entry with the empty key, or name the flag, such as "v"',
    ],
  },
  {
    name: 'feature gates in both places',
    props: { featureGates: { KMSv2: true }, extraArgs: { 'feature-gates': 'KMSv2=true' } },
    errors: [
      '[test/ApiServer] extraArgs.feature-gates: feature gates are set both in featureGates (KMSv2) and in extraArgs["feature-gates"], which would silently replace them. Fix: move every gate into featureGates, and remove extraArgs["feature-gates"]',
    ],
  },
  {
    name: 'feature gate name invalid',
    props: { featureGates: { 'kms v2': true } },
    errors: [
      '[test/ApiServer] featureGates["kms v2"]: "kms v2" is not a feature gate name: gates are CamelCase letters and digits, such as "KMSv2". Fix: use the gate name as the Kubernetes documentation spells it, without "=" or spaces',
    ],
  },
  {
    name: 'API server :latest tag',
    props: { imageTag: 'latest' },
    errors: [
      '[test/ApiServer] imageTag: the tag "latest" is mutable: pods of one Deployment could run different API server builds, and a rollback would not restore the old one. Fix: pin a release tag such as "v1.36.2", or set allowMutableImageTag: true to accept it knowingly',
    ],
  },
  {
    name: 'API server tag invalid',
    props: { imageTag: '' },
    errors: [
      '[test/ApiServer] imageTag: "" is not a valid image tag (at most 128 letters, digits, "_", "." and "-", not starting with "." or "-"). Fix: give a Kubernetes release tag such as "v1.36.2", or leave imageTag out',
    ],
  },
  {
    name: 'API server repository uppercase',
    props: { imageRepository: 'registry.k8s.io/Kube-Apiserver' },
    errors: [
      '[test/ApiServer] imageRepository: the repository "registry.k8s.io/Kube-Apiserver" has uppercase letters, which image names may not have. Fix: write it in lowercase: "registry.k8s.io/kube-apiserver"',
    ],
  },
  {
    name: 'API server repository with a tag',
    props: { imageRepository: 'registry.k8s.io/kube-apiserver:v1.30.0' },
    errors: [
      '[test/ApiServer] imageRepository: "registry.k8s.io/kube-apiserver:v1.30.0" already carries a tag or digest, and imageTag is appended to it. Fix: give the repository alone, "registry.k8s.io/kube-apiserver", and the tag in imageTag',
    ],
  },
  {
    name: 'API server pull policy invalid',
    props: { imagePullPolicy: 'Sometimes' as ImagePullPolicy },
    errors: [
      '[test/ApiServer] imagePullPolicy: "Sometimes" is not an image pull policy. Fix: use ImagePullPolicy.ALWAYS, IF_NOT_PRESENT or NEVER',
    ],
  },
  {
    name: 'sidecar :latest image',
    props: { sidecarContainers: [sidecar({ image: 'custom-kms-plugin:latest' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].image: "custom-kms-plugin:latest" has the tag "latest", which is mutable: pods could run different builds. Fix: pin a version tag or a digest, or accept it knowingly with sidecarOptions: { "kms-plugin": { allowMutableImageTag: true } }',
    ],
  },
  {
    name: 'sidecar untagged image',
    props: { sidecarContainers: [sidecar({ image: 'custom-kms-plugin' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].image: "custom-kms-plugin" has no tag and no digest, so it means ":latest", which is mutable: pods could run different builds. Fix: pin a version tag or a digest, or accept it knowingly with sidecarOptions: { "kms-plugin": { allowMutableImageTag: true } }',
    ],
  },
  {
    name: 'sidecar without image',
    props: { sidecarContainers: [{ name: 'kms-plugin' }] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].image: the sidecar has no image, and a Deployment\'s containers need one. Fix: give the image, such as "registry.example.com/kms-plugin:v1.0.0"',
    ],
  },
  {
    name: 'sidecar image with whitespace',
    props: { sidecarContainers: [sidecar({ image: 'kms plugin:v1' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].image: "kms plugin:v1" contains whitespace. Fix: remove the spaces or line breaks from the image',
    ],
  },
  {
    name: 'sidecar image with a bad digest',
    props: { sidecarContainers: [sidecar({ image: 'kms@sha256:xyz' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].image: the digest "sha256:xyz" is not valid. Fix: write the digest as "@sha256:" and 64 hex digits',
    ],
  },
  {
    name: 'containerPort out of range',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 70000 }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].ports[0].containerPort: 70000 is not a port number. Fix: give a whole number from 1 to 65535',
    ],
  },
  {
    name: 'hostPort out of range',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 8080, hostPort: 70000 }] })], sidecarOptions: { 'kms-plugin': { allowPodSecurityViolations: true } } },
    errors: [
      '[test/ApiServer] sidecarContainers[0].ports[0].hostPort: 70000 is not a port number. Fix: give a whole number from 1 to 65535, or 0 or nothing for no host port',
    ],
  },
  {
    name: 'duplicate port names in one container',
    props: { sidecarContainers: [sidecar({ ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'metrics', containerPort: 8081 }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].ports[1].name: the port name "metrics" is already used by ports[0] of this container. Fix: give each port of a container a name of its own',
    ],
  },
  {
    name: 'port name invalid',
    props: { sidecarContainers: [sidecar({ ports: [{ name: 'prometheus-metrics', containerPort: 8080 }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].ports[0].name: "prometheus-metrics" is not a valid port name (at most 15 lowercase letters, digits and "-", with at least one letter, no "--", not starting or ending with "-"). Fix: rename the port, such as "metrics"',
    ],
  },
  {
    name: 'protocol invalid',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 8080, protocol: 'HTTP' }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].ports[0].protocol: "HTTP" is not a protocol. Fix: use "TCP" (the default), "UDP" or "SCTP"',
    ],
  },
  {
    name: 'probe on an undeclared port name',
    props: { sidecarContainers: [sidecar({ livenessProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('health') } } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].livenessProbe.httpGet.port: no port of the container is named "health". Fix: name one of the container\'s ports "health", or give the port number (the container names no ports)',
    ],
  },
  {
    name: 'external etcd without endpoints',
    props: { etcd: EtcdConfig.external({ endpoints: [], clientCertSecretName: 'etcd-client' }) },
    errors: [
      '[test/ApiServer] etcd.endpoints: no etcd endpoint is given. Fix: list the etcd client URLs, such as ["https://etcd-0.example.com:2379"]',
    ],
  },
  {
    name: 'external etcd over http',
    props: { etcd: EtcdConfig.external({ endpoints: ['http://etcd:2379'], clientCertSecretName: 'etcd-client' }) },
    errors: [
      '[test/ApiServer] etcd.endpoints[0]: "http://etcd:2379" uses "http", and the API server talks to etcd over TLS only. Fix: give an https:// URL with a host and port and nothing after them, such as "https://etcd-0.example.com:2379"',
    ],
  },
  {
    name: 'external etcd endpoint not a URL',
    props: { etcd: EtcdConfig.external({ endpoints: ['etcd-0:2379,etcd-1:2379'], clientCertSecretName: 'etcd-client' }) },
    errors: [
      '[test/ApiServer] etcd.endpoints[0]: "etcd-0:2379,etcd-1:2379" contains whitespace or a comma (each endpoint is one URL). Fix: give an https:// URL with a host and port and nothing after them, such as "https://etcd-0.example.com:2379"',
    ],
  },
  {
    name: 'toleration Exists with a value',
    props: { tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'karmada' }] },
    errors: [
      '[test/ApiServer] tolerations[0].value: a toleration with operator "Exists" matches any value, so it takes no value ("karmada" is set). Fix: remove value, or use operator "Equal" to match that value',
    ],
  },
  {
    name: 'toleration effect invalid',
    props: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'karmada', effect: 'NoRun' }] },
    errors: [
      '[test/ApiServer] tolerations[0].effect: "NoRun" is not a taint effect. Fix: use "NoSchedule", "PreferNoSchedule" or "NoExecute", or leave effect out to match all',
    ],
  },
  {
    name: 'toleration operator invalid',
    props: { tolerations: [{ key: 'dedicated', operator: 'In', value: 'karmada' }] },
    errors: [
      '[test/ApiServer] tolerations[0].operator: "In" is not a toleration operator. Fix: use "Equal" (the default) or "Exists"',
    ],
  },
  {
    name: 'tolerationSeconds without NoExecute',
    props: { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }] },
    errors: [
      '[test/ApiServer] tolerations[0].tolerationSeconds: tolerationSeconds applies to the NoExecute effect only. Fix: set effect to "NoExecute", or remove tolerationSeconds',
    ],
  },
  {
    name: 'two mounts at one path',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }], extraVolumeMounts: [{ name: 'a', mountPath: '/etc/karmada/pki' }] },
    errors: [
      '[test/ApiServer] extraVolumeMounts[0].mountPath: "/etc/karmada/pki" is already a mount path of this container (the construct mounts a volume there), and a path takes one mount. Fix: mount the volume at another path, or mount one volume with sub-paths',
    ],
  },
  {
    name: 'relative mountPath',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }], sidecarContainers: [sidecar({ volumeMounts: [{ name: 'a', mountPath: 'var/run' }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].volumeMounts[0].mountPath: "var/run" is a relative path. Fix: give an absolute path: "/var/run"',
    ],
  },
  {
    name: 'subPath leaving the volume',
    props: { extraVolumes: [{ name: 'a', emptyDir: {} }], extraVolumeMounts: [{ name: 'a', mountPath: '/a', subPath: '../etc' }] },
    errors: [
      '[test/ApiServer] extraVolumeMounts[0].subPath: "../etc" leaves the volume: a sub-path is relative and has no "..". Fix: give a path inside the volume, such as "config/file.yaml"',
    ],
  },
  {
    name: 'env var name invalid',
    props: { sidecarContainers: [sidecar({ env: [{ name: '1KMS KEY', value: 'x' }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].env[0].name: "1KMS KEY" is not a valid environment variable name (letters, digits, "_", "-" and ".", not starting with a digit). Fix: rename it, such as "_1KMS_KEY"',
    ],
  },
  {
    name: 'env var with value and valueFrom',
    props: { sidecarContainers: [sidecar({ env: [{ name: 'POD', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].env[0].valueFrom: both value and valueFrom are set, and a variable takes one of them. Fix: remove value or valueFrom',
    ],
  },
  {
    name: 'terminationMessagePolicy invalid',
    props: { sidecarContainers: [sidecar({ terminationMessagePolicy: 'Logs' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].terminationMessagePolicy: "Logs" is not a termination message policy. Fix: use "File" (the default) or "FallbackToLogsOnError"',
    ],
  },
  {
    name: 'sidecarOptions key naming no sidecar',
    props: { sidecarContainers: [sidecar({})], sidecarOptions: { 'kms-plugn': { nativeSidecar: true } } },
    errors: [
      '[test/ApiServer] sidecarOptions.kms-plugn: "kms-plugn" names no container of sidecarContainers, so these options would be ignored. Fix: use the name of one of the sidecars ("kms-plugin"), or remove the entry',
    ],
  },
  {
    name: 'restartPolicy on a regular sidecar',
    props: { sidecarContainers: [sidecar({ restartPolicy: 'Always' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].restartPolicy: restartPolicy is only allowed on init containers, and this sidecar is a regular container. Fix: remove restartPolicy, or make the sidecar native with { nativeSidecar: true }',
    ],
  },
  {
    name: 'annotation key named constructor',
    props: { annotations: { constructor: 'x' } },
    errors: [
      '[test/ApiServer] annotations.constructor: cdk8s cannot render an annotation key named "constructor". Fix: use a prefixed key, such as "example.com/constructor"',
    ],
  },
  {
    name: 'a map key named constructor inside the pod',
    props: { extraVolumes: [{ name: 'a', csi: { driver: 'x.example.com', volumeAttributes: { constructor: 'x' } } }] },
    errors: [
      '[test/ApiServer] extraVolumes[0].csi.volumeAttributes.constructor: cdk8s cannot render a key named "constructor". Fix: rename the key',
    ],
  },
  {
    name: 'a number that is not finite',
    props: { sidecarContainers: [sidecar({ livenessProbe: { exec: { command: ['true'] }, periodSeconds: Infinity } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].livenessProbe.periodSeconds: Infinity is not a finite number, and would render as null. Fix: give a finite number',
    ],
  },
  {
    name: 'quantity from NaN',
    props: { resources: { limits: { cpu: k8s.Quantity.fromNumber(NaN) } } },
    errors: [
      '[test/ApiServer] resources.limits.cpu: NaN is not a Kubernetes quantity. Fix: write a number with an optional suffix, such as "250m" or "0.5" for CPU and "256Mi" or "1Gi" for memory, via k8s.Quantity.fromString()',
    ],
  },
  {
    name: 'toleration effect empty',
    props: { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: '' }] },
    errors: [
      '[test/ApiServer] tolerations[0].effect: "" is not a taint effect. Fix: use "NoSchedule", "PreferNoSchedule" or "NoExecute", or leave effect out to match all',
    ],
  },
  {
    name: 'env valueFrom with two sources',
    props: { sidecarContainers: [sidecar({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].env[0].valueFrom: valueFrom names 2 sources (fieldRef, secretKeyRef), and takes exactly one. Fix: keep one of them',
    ],
  },
  {
    name: 'external etcd endpoint with a path',
    props: { etcd: EtcdConfig.external({ endpoints: ['https://etcd:2379/v3'], clientCertSecretName: 'etcd-client' }) },
    errors: [
      '[test/ApiServer] etcd.endpoints[0]: "https://etcd:2379/v3" is not just a scheme, a host and a port. Fix: give an https:// URL with a host and port and nothing after them, such as "https://etcd-0.example.com:2379"',
    ],
  },
  {
    name: 'external etcd Secret name invalid',
    props: { etcd: EtcdConfig.external({ endpoints: ['https://etcd:2379'], clientCertSecretName: 'Etcd Client' }) },
    errors: [
      '[test/ApiServer] etcd.clientCertSecretName: "Etcd Client" is not a valid Secret name. Fix: name the Secret that holds the etcd client certificate: lowercase letters, digits, "-" and "."',
    ],
  },
  {
    name: 'envFrom prefix invalid',
    props: { sidecarContainers: [sidecar({ envFrom: [{ prefix: '1 X', configMapRef: { name: 'env' } }] })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].envFrom[0].prefix: "1 X" is not a valid environment variable prefix. Fix: use letters, digits, "_", "-" and ".", not starting with a digit',
    ],
  },
  {
    name: 'sidecar pull policy invalid',
    props: { sidecarContainers: [sidecar({ imagePullPolicy: 'always' })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].imagePullPolicy: "always" is not an image pull policy. Fix: use "Always", "IfNotPresent" or "Never"',
    ],
  },
  {
    name: 'extended resource request without limit',
    props: { sidecarContainers: [sidecar({ resources: { requests: { 'example.com/hsm': str('1') } } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].resources.limits.example.com/hsm: the extended resource "example.com/hsm" has a request and no limit, and cannot be overcommitted. Fix: set limits.example.com/hsm to the request (or give the limit alone: the request defaults to it)',
    ],
  },
  {
    name: 'extended resource in fractions',
    props: { resources: { limits: { 'example.com/hsm': str('500m') } } },
    errors: [
      '[test/ApiServer] resources.limits.example.com/hsm: the extended resource "example.com/hsm" is counted in whole units, not 0.5. Fix: give a whole number',
    ],
  },
  {
    name: 'one host port for two sidecars',
    props: { sidecarContainers: [sidecar({ ports: [{ containerPort: 8080, hostPort: 9090 }] }), sidecar({ name: 'metrics', ports: [{ containerPort: 8081, hostPort: 9090 }] })],
      // host ports break the restricted profile: accepted knowingly here, to show the clash alone
      sidecarOptions: { 'kms-plugin': { allowPodSecurityViolations: true }, 'metrics': { allowPodSecurityViolations: true } } },
    errors: [
      '[test/ApiServer] sidecarContainers[1].ports[0].hostPort: host port 9090/TCP is already taken by sidecarContainers[0].ports[0], and a pod binds a host port once. Fix: give each host port to one container only, or leave hostPort out (a Service reaches the pod without it)',
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
    errors: [
      '[test/ApiServer] affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: operator Exists takes no values. Fix: remove values',
      '[test/ApiServer] affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: 0 is not a weight. Fix: give a whole number from 1 to 100',
      '[test/ApiServer] affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels["app name"]: "app name" is not a valid label key. Fix: use a label key such as "app.kubernetes.io/name"',
    ],
  },
  {
    name: 'liveness probe with successThreshold above 1',
    props: { sidecarContainers: [sidecar({ livenessProbe: { grpc: { port: 9000 }, successThreshold: 2 } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].livenessProbe.successThreshold: a liveness probe succeeds on its first success, so successThreshold must be 1, not 2. Fix: set it to 1 or leave it out',
    ],
  },
  {
    name: 'probe with two handlers and a zero period',
    props: { sidecarContainers: [sidecar({ readinessProbe: { exec: { command: ['true'] }, grpc: { port: 9000 }, periodSeconds: 0 } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].readinessProbe: the probe has 2 handlers (exec, grpc), and takes exactly one. Fix: give one of exec, httpGet, tcpSocket or grpc',
      '[test/ApiServer] sidecarContainers[0].readinessProbe.periodSeconds: 0 is out of range. Fix: give a whole number of 1 or more',
    ],
  },
  {
    name: 'lifecycle hook without a handler',
    props: { sidecarContainers: [sidecar({ lifecycle: { preStop: {} } })] },
    errors: [
      '[test/ApiServer] sidecarContainers[0].lifecycle.preStop: the hook has 0 handlers, and takes exactly one. Fix: give one of exec, httpGet or tcpSocket',
    ],
  },
];
