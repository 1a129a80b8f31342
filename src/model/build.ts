/**
 * Builds the plain model of what the construct renders, in one direction:
 * props → input (defaults applied) → draft (one step a concern) → model → checks → objects.
 *
 * Every function here is pure: no cdk8s constructs, so the model is testable on its own, and the
 * construct builds it once per change, however many times cdk8s asks for validation.
 */
import { createHash } from 'crypto';
import { k8s } from 'cdk8s-plus-28';
import { encryptionStep } from '../encryption/step';
import { auditStep } from './audit';
import { availabilityStep } from './availability';
import { baseStep } from './base';
import { cisStep } from './cis';
import { identityStep } from './identity';
import { normalizeFlagName } from '../kube-apiserver/flags';
import { renderCommand } from './flags';
import {
  APISERVER_CONTAINER_NAME, CONFIG_CHECKSUM_ANNOTATION, CONFIG_DIR, CONFIG_VOLUME, PORT_NAME, SECURE_PORT, SERVICE_PORT_NAME,
} from './layout';
import { componentNames, objectLabels, selectorLabels } from './naming';
import { networkPolicyStep } from './network-policy';
import { podSecurityStep } from './pod-security';
import { placeSidecars } from './sidecars';
import type { ApiServerInput, ApiServerModel, ModelDraft, ModelStep } from './types';

/** The steps, in order. A concern that adds to the pod adds one step here. */
export const MODEL_STEPS: readonly ModelStep[] = [
  baseStep,
  auditStep,
  encryptionStep,
  // After the encryption step: it gives the KMS plugins that ask for one their token.
  identityStep,
  cisStep,
  podSecurityStep,
  availabilityStep,
  networkPolicyStep,
];

/** Builds the model from the input: runs every step, then finishes the pod. */
export function buildModel(input: ApiServerInput, steps: readonly ModelStep[] = MODEL_STEPS): ApiServerModel {
  const names = componentNames(input.instanceName);
  const draft: ModelDraft = {
    input,
    names,
    etcd: input.etcd._wire({
      namespace: input.namespace,
      clusterDomain: input.clusterDomain,
      defaultCertSecretName: names.etcdCertSecret,
      defaultServiceName: names.etcdClientService,
    }),
    flags: new Map(),
    volumes: [],
    apiServerMounts: [],
    configFiles: {},
    sidecars: [],
    podFields: {},
    apiServerFields: {},
    sidecarTransforms: [],
    podAnnotations: {},
  };
  for (const step of steps) {
    step(draft);
  }
  return finishModel(draft);
}

/** A stable checksum of the configuration files, so that a change of any file rolls the pods. */
export function configChecksum(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(`${name}\0${files[name]}\0`);
  }
  return hash.digest('hex');
}

/** An HTTPS probe of the API server on its secure port. */
function probe(path: string, failureThreshold: number, initialDelaySeconds?: number): k8s.Probe {
  return {
    httpGet: { path, port: k8s.IntOrString.fromNumber(SECURE_PORT), scheme: 'HTTPS' },
    initialDelaySeconds,
    periodSeconds: 10,
    timeoutSeconds: 15,
    successThreshold: 1,
    failureThreshold,
  };
}

/** Turns the draft into the pod, the Service and the budget. */
export function finishModel(draft: ModelDraft): ApiServerModel {
  const { input, names } = draft;
  // The draft ends here: its flags become the model's, with the extraArgs laid over them by the
  // names kube-apiserver reads them by, so that `authorization_mode` overrides `authorization-mode`
  // instead of rendering a second flag (list flags given twice append).
  const flags = new Map(draft.flags);
  const userFlagKeys = new Map<string, string>();
  for (const [key, value] of Object.entries(input.extraArgs)) {
    const name = normalizeFlagName(key);
    userFlagKeys.set(name, key);
    flags.set(name, value);
  }
  const configFiles = { ...draft.configFiles };
  const hasConfig = Object.keys(configFiles).length > 0;

  const volumes = [...draft.volumes];
  const mounts = [...draft.apiServerMounts];
  if (hasConfig) {
    volumes.push({ name: CONFIG_VOLUME, configMap: { name: names.configMap } });
    mounts.push({ name: CONFIG_VOLUME, mountPath: CONFIG_DIR, readOnly: true });
  }
  volumes.push(...input.extraVolumes);
  mounts.push(...input.extraVolumeMounts);

  const apiServer: k8s.Container = {
    name: APISERVER_CONTAINER_NAME,
    image: input.image,
    imagePullPolicy: input.imagePullPolicy,
    command: renderCommand(flags),
    ports: [{ name: PORT_NAME, containerPort: SECURE_PORT, protocol: 'TCP' }],
    // /livez, not /healthz: the KMS check is only in /healthz and /readyz, and a KMS outage must
    // not restart the API server.
    startupProbe: probe('/livez', 24),
    livenessProbe: probe('/livez', 8, 10),
    readinessProbe: probe('/readyz', 3, 10),
    resources: input.resources,
    volumeMounts: mounts,
    ...draft.apiServerFields,
  };

  const sidecars = [...input.sidecars, ...draft.sidecars]
    .map((sidecar) => draft.sidecarTransforms.reduce((s, transform) => transform(s), sidecar));
  const placed = placeSidecars(sidecars);
  const podSpec: k8s.PodSpec = {
    automountServiceAccountToken: false,
    priorityClassName: input.priorityClassName,
    initContainers: placed.initContainers.length > 0 ? placed.initContainers : undefined,
    containers: [apiServer, ...placed.containers],
    volumes,
    tolerations: input.tolerations.length > 0 ? input.tolerations : undefined,
    affinity: input.affinity,
    ...draft.podFields,
  };

  const selector = selectorLabels(input.instanceName);
  const labels = objectLabels(input.instanceName, input.labels);
  const podAnnotations = {
    ...input.annotations,
    ...draft.podAnnotations,
    ...(hasConfig ? { [CONFIG_CHECKSUM_ANNOTATION]: configChecksum(configFiles) } : {}),
  };
  const serviceSpec: k8s.ServiceSpec = {
    type: input.serviceType,
    selector,
    ports: [{
      name: SERVICE_PORT_NAME,
      port: SECURE_PORT,
      targetPort: k8s.IntOrString.fromNumber(SECURE_PORT),
      protocol: 'TCP',
    }],
    loadBalancerClass: input.serviceType === 'LoadBalancer' ? input.loadBalancerClass : undefined,
  };

  return {
    input,
    names,
    etcd: draft.etcd,
    flags,
    ownFlags: draft.flags,
    userFlagKeys,
    selectorLabels: selector,
    objectLabels: labels,
    podAnnotations,
    configFiles,
    podSpec,
    sidecars,
    serviceSpec,
    deploymentSpec: {
      replicas: input.replicas,
      strategy: draft.deploymentStrategy,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations: Object.keys(podAnnotations).length > 0 ? podAnnotations : undefined },
        spec: podSpec,
      },
    },
    podDisruptionBudget: draft.podDisruptionBudget,
    networkPolicy: draft.networkPolicy,
    serviceAccount: draft.serviceAccount,
    url: `https://${names.apiServer}.${input.namespace}.svc.${input.clusterDomain}:${SECURE_PORT}`,
  };
}
