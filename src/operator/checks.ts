/**
 * Checks of the operator target: what the user asked for that the operator's `Karmada` object
 * cannot carry, and values the operator would refuse or change. They run on the same model as the
 * library's own checks (src/checks), which run too; fields are those of `KarmadaOperatorInstance`'s
 * props (`apiServer.<prop>`, `components.<component>`).
 */
import { isDns1123Label } from '../kubernetes/grammar';
import { keyField, q } from '../problems';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { htmlEscapeProblem, yamlScalarProblem } from './template';

/** The operator release this target follows. */
export const OPERATOR_VERSION = 'v1.19.0-rc.0';

/** What the operator target needs to know besides the model. */
export interface OperatorCheckContext {
  /** Whether the user gave settings of the local etcd (`components.localEtcd`). */
  readonly localEtcdGiven: boolean;
}

/** Every problem of the operator target. */
export function checkOperatorTarget(model: ApiServerModel, context: OperatorCheckContext, problems: Problems): void {
  checkUncarried(model, problems);
  checkSidecarsRegular(model, problems);
  checkEtcd(model, context, problems);
  checkOperatorValidation(model, problems);
  checkTemplateValues(model, problems);
}

/** Props the CR has no field for, and no other way to express. */
function checkUncarried(model: ApiServerModel, problems: Problems): void {
  const { input, names } = model;
  if (input.certificates !== undefined) {
    problems.add('apiServer.certificates', 'the operator issues the API server\'s certificates itself, into the Secret it mounts',
      'remove certificates (the operator makes <instance>-cert), or use KarmadaApiServer');
  }
  if (input.serviceAccount !== undefined) {
    problems.add('apiServer.serviceAccount', `the operator's karmadaAPIServer (${OPERATOR_VERSION}) has no service account setting, so its pods run as the namespace's default ServiceAccount`,
      'remove serviceAccount, or use KarmadaApiServer');
  }
  if (input.imagePullSecrets.length > 0) {
    problems.add('apiServer.imagePullSecrets', `the operator's karmadaAPIServer (${OPERATOR_VERSION}) has no image pull Secrets`,
      'remove imagePullSecrets (give the nodes the registry credentials, or use a registry the nodes can pull from), or use KarmadaApiServer');
  }
  if (input.topologySpreadConstraints.length > 0) {
    problems.add('apiServer.topologySpreadConstraints', `the operator's karmadaAPIServer (${OPERATOR_VERSION}) has no topologySpreadConstraints, so they cannot reach its pods`,
      'remove them: with 2 or more replicas the default required pod anti-affinity (one pod per node) is carried in affinity; '
      + 'or spread the pods with affinity.podAntiAffinity, or use KarmadaApiServer');
  }
  if (input.podSecurityContext !== undefined) {
    problems.add('apiServer.podSecurityContext', `the operator's karmadaAPIServer (${OPERATOR_VERSION}) has no pod security context, and the operator renders none`,
      'remove it (sidecars get the restricted settings in their own security context; the API server container runs as the operator renders it), or use KarmadaApiServer');
  }
  if (input.certificateSecretName !== undefined && input.certificateSecretName !== names.certSecret) {
    problems.add('apiServer.certificateSecretName', `the operator mounts the certificates it issues itself, from the Secret ${q(names.certSecret)}, and has no setting for another`,
      `remove certificateSecretName (or give ${q(names.certSecret)}); to bring your own CA, set spec.customCertificate on the Karmada object`);
  }
}

/** The CR has no init containers: a sidecar asked to be native cannot be one. */
function checkSidecarsRegular(model: ApiServerModel, problems: Problems): void {
  const plugins = model.input.encryption?.plugins ?? [];
  for (const sidecar of model.sidecars) {
    if (!sidecar.options.nativeSidecar) {
      continue;
    }
    let field: string | undefined;
    if (sidecar.field.startsWith('sidecarContainers[')) {
      field = `${keyField('apiServer.sidecarOptions', sidecar.container.name)}.nativeSidecar`;
    } else {
      // A KMS plugin is native by default; only an explicit nativeSidecar: true is refused, and the
      // default becomes a regular container (a documented difference).
      const plugin = plugins.find((p) => `${p.field}.container` === sidecar.field);
      field = plugin?.plugin.nativeSidecar === true ? `apiServer.${plugin.field}.nativeSidecar` : undefined;
    }
    if (field !== undefined) {
      problems.add(field, `the operator's sidecarContainers are regular containers after the API server (its CRD has no init containers), so ${q(sidecar.container.name)} cannot run as a native sidecar`,
        'remove nativeSidecar (the sidecar then starts beside the API server, in no set order), or use KarmadaApiServer');
    }
  }
}

/** The operator deploys the local etcd itself, and wants an external etcd's Secret under its own name. */
function checkEtcd(model: ApiServerModel, context: OperatorCheckContext, problems: Problems): void {
  const { input, names, etcd } = model;
  const secretName = etcd.volume.secret?.secretName;
  if (input.etcd._kind === 'inCluster' || input.etcd._kind === 'karmadaEtcd') {
    problems.add('apiServer.etcd', 'the operator deploys its own etcd (components.localEtcd) or connects to an external one; it cannot carry an etcd this library renders',
      'use EtcdConfig.local() for the operator\'s etcd, or EtcdConfig.external() for one of your own');
    return;
  }
  if (input.etcd._kind === 'external') {
    if (secretName !== names.etcdCertSecret) {
      problems.add('apiServer.etcd.clientCertSecretName', `the operator (${OPERATOR_VERSION}) requires the external etcd's client certificate Secret to be named ${q(names.etcdCertSecret)}, and rejects the Karmada object otherwise`,
        `name the Secret ${q(names.etcdCertSecret)} (keys ca.crt, tls.crt, tls.key)`);
    }
    if (context.localEtcdGiven) {
      problems.add('components.localEtcd', 'the API server uses an external etcd (apiServer.etcd), and the operator would still deploy this local one beside it',
        'remove components.localEtcd, or use EtcdConfig.local()');
    }
    return;
  }
  if (secretName !== names.etcdCertSecret) {
    problems.add('apiServer.etcd.clientCertSecretName', `the operator issues the local etcd's certificates into the Secret ${q(names.etcdCertSecret)}, and mounts that one`,
      'remove clientCertSecretName from EtcdConfig.local(), or use EtcdConfig.external() for an etcd of your own');
  }
  const expectedServer = `https://${names.etcdClientService}.${input.namespace}.svc.${input.clusterDomain}:2379`;
  if (etcd.endpoints.length !== 1 || etcd.endpoints[0] !== expectedServer) {
    problems.add('apiServer.etcd.serviceName', `the operator serves the local etcd through the Service ${q(names.etcdClientService)}, and no other`,
      'remove serviceName from EtcdConfig.local(), or use EtcdConfig.external() for an etcd of your own');
  }
}

/** The operator's own validation (operator/pkg/controller/karmada/validating.go) that our props can fail. */
function checkOperatorValidation(model: ApiServerModel, problems: Problems): void {
  const { input } = model;
  if (input.serviceType === 'LoadBalancer' && input.loadBalancerClass !== undefined && !isDns1123Label(input.loadBalancerClass)) {
    problems.add('apiServer.loadBalancerClass', `the operator (${OPERATOR_VERSION}) accepts only a DNS-1123 label as loadBalancerClass (no domain prefix, no "/") and rejects the Karmada object otherwise`,
      'use a class without a prefix, remove loadBalancerClass (the cluster\'s default load balancer then serves the Service), or use KarmadaApiServer');
  }
}

/** Values the operator substitutes into its templates: html/template escaping and YAML 1.1 typing. */
function checkTemplateValues(model: ApiServerModel, problems: Problems): void {
  const { input } = model;
  const image = `${input.imageRepository}:${input.imageTag}`;
  // [field, value, the scalar YAML reads it in (undefined: after a prefix that keeps it a string)]
  const values: [string, string, string | undefined][] = [
    ['apiServer.instanceName', input.instanceName, input.instanceName],
    ['apiServer.namespace', input.namespace, input.namespace],
    ['apiServer.imageRepository', input.imageRepository, image],
    ['apiServer.imageTag', input.imageTag, undefined],
    ['apiServer.imagePullPolicy', input.imagePullPolicy, input.imagePullPolicy],
    ['apiServer.serviceSubnet', input.serviceSubnet, undefined],
  ];
  for (const [field, value, scalar] of values) {
    // An empty or mistyped value is reported by the library's checks.
    if (typeof value !== 'string' || value === '') {
      continue;
    }
    const why = htmlEscapeProblem(value) ?? (scalar === undefined ? undefined : yamlScalarProblem(scalar));
    if (why !== undefined) {
      problems.add(field, `${q(value)}: ${why}`, 'choose a value without such characters, or use KarmadaApiServer');
    }
  }
}
