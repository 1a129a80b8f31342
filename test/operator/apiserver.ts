/**
 * The API server's objects as the operator builds them, step by step, as in
 * operator/pkg/controlplane/apiserver/apiserver.go (installKarmadaAPIServer,
 * createKarmadaAPIServerService) and the templates of manifests.go beside it, at
 * karmada-io/karmada@f8fdd02: template → etcd wiring → patcher, then the PodDisruptionBudget
 * (operator/pkg/controlplane/pdb/pdb.go) from the patched pod labels.
 *
 * Objects are given as the operator's Go objects serialize, less the empty values Go's JSON
 * encoder writes for struct fields (`creationTimestamp: null`, `resources: {}`, `strategy: {}`,
 * `status: {}`), which the API server reads as absent.
 */
import { configureClientCredentials } from './etcd';
import { apiServerName, certSecretName } from './naming';
import { patchDeployment } from './patcher';
import { templatedString } from './template';
import type {
  Etcd, IContainer, KarmadaAPIServer, RenderedDeployment, RenderedPodDisruptionBudget, RenderedService, StringMap,
} from './types';

/** The API server's port, in the container and the Service (constants.KarmadaAPIserverListenClientPort). */
export const API_SERVER_PORT = 5443;
/** Where the certificate Secret is mounted. */
export const PKI_DIR = '/etc/karmada/pki';

/** The operator's flags for kube-apiserver, in its order, before the etcd flags. */
export function templateFlags(serviceSubnet: string): string[] {
  const pki = PKI_DIR;
  return [
    '--allow-privileged=true',
    '--authorization-mode=Node,RBAC',
    `--client-ca-file=${pki}/ca.crt`,
    '--disable-admission-plugins=StorageObjectInUseProtection,ServiceAccount',
    '--enable-admission-plugins=NodeRestriction',
    '--enable-bootstrap-token-auth=true',
    '--bind-address=0.0.0.0',
    `--secure-port=${API_SERVER_PORT}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    // The signing key is the private key of the admin client certificate (karmada.crt).
    `--service-account-key-file=${pki}/karmada.key`,
    `--service-account-signing-key-file=${pki}/karmada.key`,
    templatedString('--service-cluster-ip-range', serviceSubnet, '--service-cluster-ip-range='),
    `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
    `--proxy-client-key-file=${pki}/front-proxy-client.key`,
    '--requestheader-allowed-names=front-proxy-client',
    `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-username-headers=X-Remote-User',
    `--tls-cert-file=${pki}/apiserver.crt`,
    `--tls-private-key-file=${pki}/apiserver.key`,
    '--tls-min-version=VersionTLS13',
    '--max-requests-inflight=1500',
    '--max-mutating-requests-inflight=500',
    '--v=2',
  ];
}

/** The three labels on every object; the selector takes the first two. */
export function operatorLabels(instance: string): { selector: StringMap; all: StringMap } {
  const selector = {
    'app.kubernetes.io/name': 'karmada-apiserver',
    'app.kubernetes.io/instance': templatedString('app.kubernetes.io/instance', instance),
  };
  return { selector, all: { ...selector, 'app.kubernetes.io/managed-by': 'karmada-operator' } };
}

/** What the Deployment template is filled with. */
export interface DeploymentTemplateValues {
  instance: string;
  namespace: string;
  image: string;
  imagePullPolicy: string;
  serviceSubnet: string;
  replicas: number;
}

/** The Deployment template (KarmadaApiserverDeployment) after substitution and decoding. */
export function deploymentTemplate(v: DeploymentTemplateValues): RenderedDeployment {
  const labels = operatorLabels(v.instance);
  const probe = (path: string, failureThreshold: number) => ({
    failureThreshold,
    httpGet: { path, port: API_SERVER_PORT, scheme: 'HTTPS' as const },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 15,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: templatedString('metadata.name', apiServerName(v.instance)),
      namespace: templatedString('metadata.namespace', v.namespace),
      labels: labels.all,
    },
    spec: {
      replicas: v.replicas,
      selector: { matchLabels: labels.selector },
      template: {
        metadata: { labels: { ...labels.selector } },
        spec: {
          automountServiceAccountToken: false,
          containers: [{
            name: 'kube-apiserver',
            image: templatedString('image', v.image),
            // Any string: the CRD has no enum for it.
            imagePullPolicy: templatedString('imagePullPolicy', v.imagePullPolicy) as IContainer['imagePullPolicy'],
            command: ['kube-apiserver', ...templateFlags(v.serviceSubnet)],
            livenessProbe: probe('/livez', 8),
            readinessProbe: probe('/readyz', 3),
            // Quirk (manifests.go): the template writes a required pod anti-affinity on
            // kubernetes.io/hostname at the container's indentation. Container has no affinity
            // field and the decoding is lenient, so it is dropped without an error: replicas may
            // share a node.
            ports: [{ containerPort: API_SERVER_PORT, name: 'http', protocol: 'TCP' }],
            volumeMounts: [{ mountPath: PKI_DIR, name: 'apiserver-cert', readOnly: true }],
          }],
          volumes: [{ name: 'apiserver-cert', secret: { secretName: templatedString('secretName', certSecretName(v.instance)) } }],
        },
      },
    },
  };
}

/**
 * installKarmadaAPIServer without the API calls: the template filled from the defaulted settings,
 * the etcd wiring, then the patcher. Neither `featureGates` of the Karmada spec (passed in, and
 * ignored) nor the API server's own `featureGates` reach the command: the patcher is not given
 * them. `certSANs` goes into the serving certificate, not here.
 */
export function apiServerDeployment(cfg: KarmadaAPIServer, etcd: Etcd, instance: string, namespace: string): RenderedDeployment {
  const base = deploymentTemplate({
    instance,
    namespace,
    image: `${cfg.imageRepository ?? ''}:${cfg.imageTag ?? ''}`,
    imagePullPolicy: cfg.imagePullPolicy ?? '',
    serviceSubnet: cfg.serviceSubnet ?? '',
    replicas: cfg.replicas ?? 1,
  });
  return patchDeployment(configureClientCredentials(base, etcd, instance, namespace), {
    annotations: cfg.annotations,
    labels: cfg.labels,
    priorityClassName: cfg.priorityClassName,
    extraArgs: cfg.extraArgs,
    extraVolumeMounts: cfg.extraVolumeMounts,
    extraVolumes: cfg.extraVolumes,
    sidecarContainers: cfg.sidecarContainers,
    resources: cfg.resources,
    tolerations: cfg.tolerations,
    affinity: cfg.affinity,
  });
}

/** createKarmadaAPIServerService without the API call. */
export function apiServerService(cfg: KarmadaAPIServer, instance: string, namespace: string): RenderedService {
  const labels = operatorLabels(instance);
  const service: RenderedService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: templatedString('metadata.name', apiServerName(instance)),
      namespace: templatedString('metadata.namespace', namespace),
      labels: labels.all,
    },
    spec: {
      ports: [{ name: 'client', port: API_SERVER_PORT, protocol: 'TCP', targetPort: API_SERVER_PORT }],
      selector: labels.selector,
    },
  };
  const type = templatedString('spec.type', cfg.serviceType ?? '');
  if (type !== '') service.spec.type = type;
  if (Object.keys(cfg.serviceAnnotations ?? {}).length > 0) service.metadata.annotations = { ...cfg.serviceAnnotations };
  if (type === 'LoadBalancer' && cfg.loadBalancerClass !== undefined) service.spec.loadBalancerClass = cfg.loadBalancerClass;
  return service;
}

/** The owner reference's uid when the caller has none: the API server assigns the real one. */
export const UNKNOWN_UID = '00000000-0000-0000-0000-000000000000';

/**
 * buildPodDisruptionBudget for the API server: named like the Deployment, owned by it, with the
 * pod template's labels after the patcher as its labels and selector (so the user's `labels` are
 * in the selector, unlike the Deployment's). minAvailable wins over maxUnavailable.
 */
export function apiServerPodDisruptionBudget(
  instance: string,
  namespace: string,
  config: { minAvailable?: number | string; maxUnavailable?: number | string },
  podLabels: StringMap,
  deploymentUid = UNKNOWN_UID,
): RenderedPodDisruptionBudget {
  const name = apiServerName(instance);
  const pdb: RenderedPodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name,
      namespace,
      labels: { ...podLabels },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deploymentUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: { selector: { matchLabels: { ...podLabels } } },
  };
  if (config.minAvailable !== undefined) pdb.spec.minAvailable = config.minAvailable;
  else if (config.maxUnavailable !== undefined) pdb.spec.maxUnavailable = config.maxUnavailable;
  return pdb;
}
