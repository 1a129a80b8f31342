/**
 * KarmadaEtcd's props → input: reads the props as given (whatever their runtime types), reports
 * what is wrong with field and fix, and applies the defaults.
 */
import { ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import { RULES, isDns1123Subdomain } from '../kubernetes/grammar';
import { checkClusterDomain, checkInstanceName, checkNamespace } from '../certificates/checks';
import { IssuerReference, readIssuerReference } from '../certificates/issuer';
import { EtcdSecretLayout } from '../certificates/layout';
import { etcdCertificateNames } from '../certificates/names';
import { DEFAULT_KEY_ALGORITHM, KeyAlgorithm, readKeyAlgorithm, readSans } from '../certificates/profile';
import { PropReaders, instanceProp, readPropsWith, stringMapProp, stringProp, structListProp, structProp } from '../prop-readers';
import { DEFAULT_CLUSTER_DOMAIN, componentNames } from '../model/naming';
import { parseQuantity } from '../kubernetes/grammar';
import { Problems, q } from '../problems';
import { readNumber, readObject, readString } from '../runtime';
import { DEFAULT_ETCD_IMAGE_REPOSITORY, DEFAULT_ETCD_IMAGE_TAG } from './layout';
import { EtcdInput, EtcdStorageInput, defaultEtcdResources } from './model';
import { etcdNames, memberNames } from './names';
import { EtcdCertificates, EtcdStorage, KarmadaEtcdProps } from './props';

/** The cert-manager certificates of an etcd, when it makes them. */
export interface EtcdCertManagerInput {
  readonly issuer: IssuerReference;
  readonly keyAlgorithm: KeyAlgorithm;
  readonly serverCertSans: string[];
}

/** The input, and the cert-manager settings when the etcd makes its certificates. */
export interface EtcdRead {
  readonly input: EtcdInput;
  readonly certManager?: EtcdCertManagerInput;
}

const READERS: PropReaders<KarmadaEtcdProps> = {
  instanceName: stringProp('name the Karmada instance, such as "tenant1"'),
  namespace: stringProp('give the namespace name, such as "karmada-system"'),
  clusterDomain: stringProp('give the cluster\'s DNS domain, such as "cluster.local"'),
  replicas: (value, field, problems) => readNumber(value, field, problems, 'give the number of members: 1, 3, 5 or 7'),
  certificates: instanceProp(EtcdCertificates, 'give EtcdCertificates.certManager({ issuer }) or EtcdCertificates.fromSecret()'),
  storage: instanceProp(EtcdStorage, 'give EtcdStorage.claim() or EtcdStorage.emptyDir()'),
  imageRepository: stringProp('give the image repository, such as "registry.k8s.io/etcd"'),
  imageTag: stringProp('give the image tag, such as "3.6.8-0"'),
  imagePullPolicy: stringProp('use ImagePullPolicy.IF_NOT_PRESENT, ALWAYS or NEVER'),
  resources: structProp('ResourceRequirements'),
  priorityClassName: stringProp('name a PriorityClass, such as "system-node-critical"'),
  labels: stringMapProp('{ "example.com/team": "platform" }'),
  annotations: stringMapProp('{ "example.com/owner": "platform" }'),
  tolerations: structListProp('tolerations', 'Toleration'),
  affinity: structProp('Affinity'),
  nodeSelector: stringMapProp('{ "kubernetes.io/os": "linux" }'),
  topologySpreadConstraints: structListProp('topology spread constraints', 'TopologySpreadConstraint'),
};

/** The member counts we accept: odd, since an even count tolerates no more failures than one member fewer. */
export const MEMBER_COUNTS = [1, 3, 5, 7];

/** The longest StatefulSet name: its pods carry the label `controller-revision-hash: <name>-<10 characters>`, at most 63. */
const MAX_STATEFULSET_NAME = 52;

/**
 * Reads the props, reports every problem, and returns the input with the defaults applied.
 * `namespace` is the namespace already resolved (the chart's when the props give none).
 */
export function readEtcdProps(props: unknown, namespaceOf: (given: string | undefined) => string, problems: Problems): EtcdRead {
  const read = readPropsWith(props, READERS, 'KarmadaEtcd', '{ instanceName: "tenant1" }', problems);
  const instanceName = read.instanceName ?? '';
  const namespace = namespaceOf(read.namespace);
  const clusterDomain = read.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const names = etcdNames(instanceName);
  const replicas = readReplicas(read.replicas, problems);

  checkInstanceName(read.instanceName, [names.clientService, ...memberNames(names.statefulSet, replicas)], problems);
  if (read.instanceName !== undefined && names.statefulSet.length > MAX_STATEFULSET_NAME) {
    problems.add('instanceName', `the StatefulSet name ${q(names.statefulSet)} derived from it has ${names.statefulSet.length} characters: its pods' controller-revision-hash label "<name>-<hash>" would be longer than 63`,
      `shorten instanceName by at least ${names.statefulSet.length - MAX_STATEFULSET_NAME} characters`);
  }
  checkNamespace(namespace, problems);
  checkClusterDomain(clusterDomain, problems);

  const imageTag = read.imageTag ?? DEFAULT_ETCD_IMAGE_TAG;
  if (imageTag === '' || imageTag === 'latest') {
    problems.add('imageTag', `${q(imageTag)} does not pin an etcd release: members of one cluster could run different ones`, 'give a version tag, such as "3.6.8-0"');
  }
  const pullPolicy = read.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT;
  if (!(Object.values(ImagePullPolicy) as string[]).includes(pullPolicy)) {
    problems.add('imagePullPolicy', `${q(pullPolicy)} is not a pull policy`, 'use ImagePullPolicy.IF_NOT_PRESENT, ALWAYS or NEVER');
  }
  const priorityClassName = read.priorityClassName ?? 'system-node-critical';
  if (!isDns1123Subdomain(priorityClassName)) {
    problems.add('priorityClassName', `${q(priorityClassName)} is not a valid PriorityClass name (${RULES.dns1123Subdomain})`,
      'name an existing PriorityClass, such as "system-node-critical"');
  }

  const certificates = readCertificates(read.certificates, instanceName, problems);
  const input: EtcdInput = {
    instanceName,
    namespace,
    clusterDomain,
    names,
    replicas,
    secrets: certificates.secrets,
    storage: readStorage(read.storage, problems),
    image: `${read.imageRepository ?? DEFAULT_ETCD_IMAGE_REPOSITORY}:${imageTag}`,
    imagePullPolicy: pullPolicy,
    resources: (read.resources as k8s.ResourceRequirements | undefined) ?? defaultEtcdResources(),
    priorityClassName,
    labels: read.labels ?? {},
    annotations: read.annotations ?? {},
    tolerations: read.tolerations ?? [],
    affinity: read.affinity,
    nodeSelector: read.nodeSelector ?? {},
    topologySpreadConstraints: read.topologySpreadConstraints ?? [],
  };
  return { input, certManager: certificates.certManager };
}

function readReplicas(value: number | undefined, problems: Problems): number {
  if (value === undefined) {
    return 1;
  }
  if (!MEMBER_COUNTS.includes(value)) {
    const why = Number.isInteger(value) && value > 1 && value % 2 === 0
      ? `an even count tolerates no more failed members than ${value - 1}, and needs one more member for every write`
      : 'etcd needs an odd number of members, at least 1';
    problems.add('replicas', `${value} members: ${why}`, `use one of ${MEMBER_COUNTS.join(', ')}`);
    return 1;
  }
  return value;
}

/** The Secrets the etcd pod mounts, and the cert-manager settings when it makes the certificates. */
function readCertificates(value: EtcdCertificates | undefined, instanceName: string, problems: Problems):
{ readonly secrets: EtcdRead['input']['secrets']; readonly certManager?: EtcdCertManagerInput } {
  const operatorSecret = componentNames(instanceName).etcdCertSecret;
  const source = value?._source();
  if (value !== undefined && source === undefined) {
    problems.add('certificates', 'this EtcdCertificates was made with new, and holds no settings', 'use EtcdCertificates.certManager({ issuer }) or EtcdCertificates.fromSecret()');
  }
  if (source?.kind === 'certManager') {
    const options = readObject(source.options, 'certificates', problems, '{ issuer: { name: "my-etcd-ca", kind: "Issuer" } }') ?? {};
    const issuer = readIssuerReference(options.issuer, 'certificates.issuer', problems);
    if (options.issuer === undefined) {
      problems.add('certificates.issuer', 'no issuer is given', 'give the etcd CA\'s issuer, such as KarmadaCertificateAuthorities.etcdIssuer');
    }
    for (const key of Object.keys(options)) {
      if (!['issuer', 'keyAlgorithm', 'serverCertSans'].includes(key)) {
        problems.add(`certificates.${key}`, `${q(key)} is not an option of EtcdCertificates.certManager()`, 'use issuer, keyAlgorithm and serverCertSans');
      }
    }
    const names = etcdCertificateNames(instanceName);
    return {
      secrets: { layout: EtcdSecretLayout.CERT_MANAGER, serverSecretName: names.server, peerSecretName: names.peer },
      certManager: {
        issuer: issuer ?? { name: '', kind: 'Issuer' },
        keyAlgorithm: readKeyAlgorithm(options.keyAlgorithm, 'certificates.keyAlgorithm', problems) ?? DEFAULT_KEY_ALGORITHM,
        serverCertSans: readSans(options.serverCertSans, 'certificates.serverCertSans', problems) ?? [],
      },
    };
  }
  let secretName = operatorSecret;
  if (source?.kind === 'secret') {
    const options = readObject(source.options, 'certificates', problems, '{ secretName: "my-etcd-cert" }') ?? {};
    const name = readString(options.secretName, 'certificates.secretName', problems, 'name the Secret that holds the etcd certificates');
    if (name !== undefined && !isDns1123Subdomain(name)) {
      problems.add('certificates.secretName', `${q(name)} is not a valid Secret name (${RULES.dns1123Subdomain})`, 'name the Secret that holds the etcd certificates');
    }
    secretName = name ?? operatorSecret;
  }
  return { secrets: { layout: EtcdSecretLayout.OPERATOR, serverSecretName: secretName } };
}

function readSize(value: unknown, field: string, problems: Problems): string | undefined {
  const text = readString(value, field, problems, 'give a size such as "8Gi"');
  if (text === undefined) {
    return undefined;
  }
  const quantity = parseQuantity(text);
  if (quantity === undefined || quantity.numerator <= 0n) {
    problems.add(field, `${q(text)} is not a positive quantity`, 'give a size such as "8Gi"');
    return undefined;
  }
  return text;
}

function readStorage(value: EtcdStorage | undefined, problems: Problems): EtcdStorageInput {
  const source = value?._source();
  if (value !== undefined && source === undefined) {
    problems.add('storage', 'this EtcdStorage was made with new, and holds no settings', 'use EtcdStorage.claim() or EtcdStorage.emptyDir()');
  }
  if (source?.kind === 'emptyDir') {
    const options = readObject(source.options, 'storage', problems, '{ sizeLimit: "8Gi" }') ?? {};
    return { kind: 'emptyDir', sizeLimit: readSize(options.sizeLimit, 'storage.sizeLimit', problems) };
  }
  const options = source?.kind === 'claim' ? readObject(source.options, 'storage', problems, '{ size: "8Gi" }') ?? {} : {};
  const storageClassName = readString(options.storageClassName, 'storage.storageClassName', problems, 'name a StorageClass');
  if (storageClassName !== undefined && !isDns1123Subdomain(storageClassName)) {
    problems.add('storage.storageClassName', `${q(storageClassName)} is not a valid StorageClass name (${RULES.dns1123Subdomain})`, 'name an existing StorageClass');
  }
  return { kind: 'claim', size: readSize(options.size, 'storage.size', problems) ?? '8Gi', storageClassName };
}
