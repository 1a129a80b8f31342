/**
 * Props → input: reads the props as given (whatever their runtime types), reports what is of the
 * wrong type, and applies the defaults. Everything after this step can trust the types.
 */
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import { readApiServerCertificateSecrets } from '../certificates/layout';
import { EncryptionAtRest } from '../encryption/config';
import type { AppObjects } from '../encryption/source';
import { EtcdConfig } from '../etcd/config';
import { DEFAULT_CLUSTER_DOMAIN } from '../model/naming';
import type { SidecarSpec } from '../model/sidecars';
import type { ApiServerInput } from '../model/types';
import { Problems } from '../problems';
import { nearName } from '../suggest';
import { PropReaders, booleanProp, stringMapProp, stringProp, structListProp, structProp } from '../prop-readers';
import {
  describeValue, readBoolean, readInstance, readList, readNumber, readObject, readRecord, readString, readStruct,
} from '../runtime';
import { ApiServerServiceAccount, readCreatedOptions, readPullSecrets, readTokenOptions } from './identity';
import { DEFAULT_IMAGE_REPOSITORY, DEFAULT_IMAGE_TAG, KarmadaApiServerProps, SidecarOptions } from './props';

function readIntOrString(value: unknown, field: string, problems: Problems): k8s.IntOrString | undefined {
  if (typeof value === 'number' || typeof value === 'string') {
    problems.add(field, `expected a k8s.IntOrString, got ${describeValue(value)}`,
      `write k8s.IntOrString.${typeof value === 'number' ? `fromNumber(${value})` : `fromString(${JSON.stringify(value)})`}`);
    return undefined;
  }
  return readInstance(value, k8s.IntOrString, field, problems, 'give k8s.IntOrString.fromNumber(1) or k8s.IntOrString.fromString("50%")');
}

/** How each prop is read. The type lists every prop, so a new prop cannot be forgotten here. */
const PROP_READERS: PropReaders<KarmadaApiServerProps> = {
  instanceName: stringProp('name the Karmada instance, such as "tenant1"'),
  namespace: stringProp('give the namespace name, such as "karmada-system"'),
  clusterDomain: stringProp('give the cluster\'s DNS domain, such as "cluster.local"'),
  imageRepository: stringProp('give the image repository, such as "registry.k8s.io/kube-apiserver"'),
  imageTag: stringProp('give the image tag, such as "v1.36.2"'),
  kubernetesVersion: stringProp('give the Kubernetes minor version of the image, such as "1.36"'),
  allowMutableImageTag: booleanProp,
  imagePullPolicy: stringProp('use ImagePullPolicy.IF_NOT_PRESENT, ALWAYS or NEVER'),
  replicas: (value, field, problems) => readNumber(value, field, problems, 'give a whole number of pods, such as 3'),
  labels: stringMapProp('{ "example.com/team": "platform" }'),
  annotations: stringMapProp('{ "example.com/owner": "platform" }'),
  resources: structProp('ResourceRequirements'),
  priorityClassName: stringProp('name a PriorityClass, such as "system-node-critical"'),
  podDisruptionBudgetConfig: (value, field, problems) => {
    const config = readObject(value, field, problems, '{ maxUnavailable: k8s.IntOrString.fromNumber(1) }');
    return config && {
      minAvailable: readIntOrString(config.minAvailable, `${field}.minAvailable`, problems),
      maxUnavailable: readIntOrString(config.maxUnavailable, `${field}.maxUnavailable`, problems),
    };
  },
  tolerations: structListProp('tolerations', 'Toleration'),
  affinity: structProp('Affinity'),
  nodeSelector: stringMapProp('{ "kubernetes.io/os": "linux" }'),
  topologySpreadConstraints: structListProp('topology spread constraints', 'TopologySpreadConstraint'),
  podSecurityContext: structProp('PodSecurityContext'),
  networkPolicy: (value, field, problems) => {
    const options = readObject(value, field, problems, '{ allowFrom: [ ... ] }');
    return options && { allowFrom: structListProp('peers', 'NetworkPolicyPeer')(options.allowFrom, `${field}.allowFrom`, problems) };
  },
  serviceSubnet: stringProp('give a CIDR, such as "10.96.0.0/12"'),
  serviceType: stringProp('use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER'),
  loadBalancerClass: stringProp('give the load balancer class, such as "service.k8s.aws/nlb"'),
  serviceAnnotations: stringMapProp('{ "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" }'),
  extraArgs: stringMapProp('{ "max-requests-inflight": "3000" }'),
  extraVolumes: structListProp('volumes', 'Volume'),
  extraVolumeMounts: structListProp('volume mounts', 'VolumeMount'),
  featureGates: (value, field, problems) =>
    (value === undefined ? undefined : readRecord(value, field, problems, 'boolean', '{ "SomeGate": true }')),
  // A sidecar that does not fit the Container type is reported and becomes a hole, so that the
  // others keep their index in later problems.
  sidecarContainers: (value, field, problems) => (value === undefined ? undefined : readList(value, field, problems, 'containers')
    .map((item, i) => readStruct(item ?? {}, 'Container', `${field}[${i}]`, problems))),
  sidecarOptions: (value, field, problems) => {
    const options = readObject(value, field, problems, '{ "kms-plugin": { nativeSidecar: true } }');
    return options && Object.fromEntries(Object.entries(options).map(([name, o]) => [name, readSidecarOptions(o, `${field}[${JSON.stringify(name)}]`, problems)]));
  },
  certificateSecretName: stringProp('name the Secret that holds the API server certificates'),
  certificates: readApiServerCertificateSecrets,
  serviceAccount: readServiceAccount,
  imagePullSecrets: readPullSecrets,
  etcd: (value, field, problems) => readInstance(value, EtcdConfig, field, problems, 'give EtcdConfig.local() or EtcdConfig.external({ ... })'),
  encryption: (value, field, problems) => readInstance(value, EncryptionAtRest, field, problems, 'give EncryptionAtRest.kms({ ... }) or EncryptionAtRest.fromSecret({ ... })'),
};

/** The serviceAccount prop: one of our factories' results, with options of the right types. */
function readServiceAccount(value: unknown, field: string, problems: Problems): ApiServerServiceAccount | undefined {
  const account = readInstance(value, ApiServerServiceAccount, field, problems, 'give ApiServerServiceAccount.fromName("...") or ApiServerServiceAccount.create({ ... })');
  const choice = account?._choice;
  if (account === undefined) {
    return undefined;
  }
  if (choice === undefined) {
    problems.add(field, 'this ApiServerServiceAccount was made with new, and holds no settings', 'use ApiServerServiceAccount.fromName("...") or ApiServerServiceAccount.create({ ... })');
    return undefined;
  }
  const before = problems.list.length;
  if (choice.kind === 'existing') {
    readString(choice.name, `${field}.name`, problems, 'give the name of the ServiceAccount');
  } else {
    readCreatedOptions(choice.options, field, problems);
  }
  return problems.list.length === before ? account : undefined;
}

/** The options of one sidecar, read whatever their runtime type. */
export function readSidecarOptions(value: unknown, field: string, problems: Problems): SidecarOptions {
  const options = readObject(value, field, problems, '{ nativeSidecar: true }') ?? {};
  for (const key of Object.keys(options)) {
    if (!SIDECAR_OPTION_KEYS.includes(key)) {
      problems.add(`${field}.${key}`, `${JSON.stringify(key)} is not a sidecar option`, `use one of ${SIDECAR_OPTION_KEYS.join(', ')}`);
    }
  }
  return {
    nativeSidecar: readBoolean(options.nativeSidecar, `${field}.nativeSidecar`, problems),
    allowPodSecurityViolations: readBoolean(options.allowPodSecurityViolations, `${field}.allowPodSecurityViolations`, problems),
    allowMutableImageTag: readBoolean(options.allowMutableImageTag, `${field}.allowMutableImageTag`, problems),
    serviceAccountToken: options.serviceAccountToken === undefined ? undefined : readTokenOptions(options.serviceAccountToken, `${field}.serviceAccountToken`, problems),
  };
}

const SIDECAR_OPTION_KEYS = ['nativeSidecar', 'allowPodSecurityViolations', 'allowMutableImageTag', 'serviceAccountToken'];

/**
 * The props as given, each read by its reader: every value of the wrong type is reported and left
 * out, so the rest can trust the types. Unknown props (a misspelt name from JavaScript) are
 * reported with the closest known name.
 */
export function readProps(props: unknown, problems: Problems): KarmadaApiServerProps {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    problems.add('props', `expected the props object, got ${describeValue(props)}`, 'pass the props, such as { instanceName: "tenant1" }');
    return { instanceName: '' };
  }
  const given = props as Record<string, unknown>;
  const known = Object.keys(PROP_READERS);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const close = nearName(key, known);
      problems.add(key, `${JSON.stringify(key)} is not a prop of KarmadaApiServer, so it would be ignored`,
        close ? `did you mean ${close}?` : 'remove it; see KarmadaApiServerProps for the props');
    }
  }
  const read: Record<string, unknown> = {};
  for (const [key, reader] of Object.entries(PROP_READERS)) {
    read[key] = reader(given[key], key, problems);
  }
  // A missing name is reported by the name checks, as an empty one.
  read.instanceName ??= '';
  return read as unknown as KarmadaApiServerProps;
}

/** What the input needs besides the props: where the API server lives, and its sidecars so far. */
export interface InputContext {
  readonly namespace: string;
  /** The labels of the construct's chart, which cdk8s puts on every object, and the chart's path. */
  readonly chartLabels: Readonly<Record<string, string>>;
  readonly chartPath: string;
  readonly sidecars: readonly SidecarSpec[];
  readonly appObjects: AppObjects;
}

/** The input of the model: the props read, with their defaults applied. */
export function inputOf(p: KarmadaApiServerProps, context: InputContext): ApiServerInput {
  const imageRepository = p.imageRepository ?? DEFAULT_IMAGE_REPOSITORY;
  const imageTag = p.imageTag ?? DEFAULT_IMAGE_TAG;
  return {
    instanceName: p.instanceName,
    namespace: context.namespace,
    clusterDomain: p.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
    image: `${imageRepository}:${imageTag}`,
    imageRepository,
    imageTag,
    kubernetesVersion: p.kubernetesVersion,
    allowMutableImageTag: p.allowMutableImageTag ?? false,
    imagePullPolicy: p.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT,
    replicas: p.replicas ?? 1,
    labels: p.labels ?? {},
    chartLabels: context.chartLabels,
    chartPath: context.chartPath,
    annotations: p.annotations ?? {},
    resources: p.resources,
    priorityClassName: p.priorityClassName ?? 'system-node-critical',
    podDisruptionBudget: p.podDisruptionBudgetConfig,
    tolerations: p.tolerations ?? [],
    affinity: p.affinity,
    nodeSelector: p.nodeSelector ?? {},
    topologySpreadConstraints: p.topologySpreadConstraints ?? [],
    podSecurityContext: p.podSecurityContext,
    networkPolicy: p.networkPolicy,
    serviceSubnet: p.serviceSubnet ?? '10.96.0.0/12',
    serviceSubnetGiven: p.serviceSubnet !== undefined,
    serviceType: p.serviceType ?? ServiceType.CLUSTER_IP,
    loadBalancerClass: p.loadBalancerClass,
    serviceAnnotations: p.serviceAnnotations ?? {},
    extraArgs: p.extraArgs ?? {},
    extraVolumes: p.extraVolumes ?? [],
    extraVolumeMounts: p.extraVolumeMounts ?? [],
    featureGates: p.featureGates ?? {},
    sidecars: context.sidecars,
    sidecarOptionKeys: Object.keys(p.sidecarOptions ?? {}),
    certificateSecretName: p.certificateSecretName,
    certificates: p.certificates,
    serviceAccount: p.serviceAccount?._choice,
    imagePullSecrets: p.imagePullSecrets ?? [],
    etcd: p.etcd ?? EtcdConfig.local(),
    etcdGiven: p.etcd !== undefined,
    encryption: p.encryption?._spec(),
    appObjects: context.appObjects,
  };
}

/** The options of the sidecar of one name; only an own entry counts (not `constructor`, say). */
export function sidecarOptionsOf(options: { [name: string]: SidecarOptions } | undefined, name: string): SidecarOptions {
  return options !== undefined && Object.prototype.hasOwnProperty.call(options, name) ? options[name] ?? {} : {};
}

