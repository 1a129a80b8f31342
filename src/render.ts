/**
 * The pod and Service specs as JSON: the same objects, key for key and in the same order, as
 * cdk8s-plus-28's `k8s.toJson_PodSpec` and `k8s.toJson_ServiceSpec`, built several times faster.
 *
 * Each generated `toJson_*` function of the k8s imports builds an object with every field of its
 * type, then drops the undefined ones by spreading the result into a new object once per field
 * left: a cost that grows with the square of the fields set, paid for every container, probe,
 * security context and volume. With hundreds of API servers that was the largest part of
 * rendering. Here the pod, container, probe, HTTP action, security context, resources, mount,
 * volume and Service levels are assembled directly, from tables of their fields; every other type goes through the library's own
 * `toJson_*`, so each field is converted exactly as the library converts it. test/render.test.ts
 * holds the tables to the library's field lists and the output to the library's, on random input.
 */
import { k8s } from 'cdk8s-plus-28';

/**
 * Turns a field's value into its JSON (undefined: the field is left out). The value is typed
 * `never` so that the library's converters, each of its own type, fit.
 */
type Convert = (value: never) => unknown;

/** A field of a Kubernetes type: its JSON name, its name in the TypeScript type, and its conversion. */
export type Field = readonly [json: string, property: string, convert?: Convert];

/** Renders one Kubernetes type; `fields` is its table, for the tests. */
export interface Renderer {
  (value: unknown): Record<string, unknown> | undefined;
  readonly fields: readonly Field[];
}

/**
 * A renderer of one type from the table of its fields, in the library's (alphabetical) order.
 *
 * The library reads every field of the table; for a plain object it is enough to read the fields
 * it has (most types have many fields, and an object sets few): their places in the table are
 * sorted, so the JSON keys come in the library's order. Any other object (a class instance, whose
 * fields may be getters of its prototype) is read field by field, as the library does.
 */
function struct(fields: readonly Field[]): Renderer {
  const place = new Map(fields.map(([, property], i) => [property, i]));
  const render = (value: unknown) => {
    if (value === undefined) {
      return undefined;
    }
    const json: Record<string, unknown> = {};
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      for (const field of fields) {
        add(json, field, value);
      }
      return json;
    }
    const found: number[] = [];
    for (const property of Object.getOwnPropertyNames(value)) {
      const i = place.get(property);
      if (i !== undefined) {
        found.push(i);
      }
    }
    sortSmall(found);
    for (const i of found) {
      add(json, fields[i], value);
    }
    return json;
  };
  return Object.assign(render, { fields });
}

/** Sorts a short list of numbers in place (insertion sort: no allocation, unlike Array.prototype.sort). */
function sortSmall(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    const value = list[i];
    let j = i - 1;
    while (j >= 0 && list[j] > value) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = value;
  }
}

function add(json: Record<string, unknown>, [key, property, convert]: Field, value: unknown): void {
  const given = (value as Record<string, unknown>)[property];
  const field = convert ? convert(given as never) : given;
  if (field !== undefined) {
    json[key] = field;
  }
}

/** A list: each item converted, or copied. */
function list(convert?: Convert): Convert {
  return (items: readonly unknown[] | undefined) => (convert
    ? items?.map((item) => convert(item as never))
    : items?.map((item) => item));
}

/** A map of strings: copied without its undefined values. */
function stringMap(map: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return map === undefined ? undefined : mapOf(map, (v) => v);
}

/** A map of quantities: each value as its JSON number or string. */
function quantityMap(map: Record<string, k8s.Quantity> | undefined): Record<string, unknown> | undefined {
  return map === undefined ? undefined : mapOf(map, (v) => v?.value);
}

function mapOf<T>(map: Record<string, T>, convert: (value: T) => unknown): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) {
      continue;
    }
    if (key === '__proto__') {
      // An own key, as the library's spread makes it, not the prototype.
      Object.defineProperty(json, key, { value: convert(value), enumerable: true, writable: true, configurable: true });
    } else {
      json[key] = convert(value);
    }
  }
  return json;
}

/** An IntOrString (a port, say) as its number or string. */
const intOrString: Convert = (value: k8s.IntOrString | undefined) => value?.value;

const renderHttpGet = struct([
  ['host', 'host'],
  ['httpHeaders', 'httpHeaders', list(k8s.toJson_HttpHeader)],
  ['path', 'path'],
  ['port', 'port', intOrString],
  ['scheme', 'scheme'],
]);

const renderProbe = struct([
  ['exec', 'exec', k8s.toJson_ExecAction],
  ['failureThreshold', 'failureThreshold'],
  ['grpc', 'grpc', k8s.toJson_GrpcAction],
  ['httpGet', 'httpGet', renderHttpGet],
  ['initialDelaySeconds', 'initialDelaySeconds'],
  ['periodSeconds', 'periodSeconds'],
  ['successThreshold', 'successThreshold'],
  ['tcpSocket', 'tcpSocket', k8s.toJson_TcpSocketAction],
  ['terminationGracePeriodSeconds', 'terminationGracePeriodSeconds'],
  ['timeoutSeconds', 'timeoutSeconds'],
]);

const renderSecurityContext = struct([
  ['allowPrivilegeEscalation', 'allowPrivilegeEscalation'],
  ['capabilities', 'capabilities', k8s.toJson_Capabilities],
  ['privileged', 'privileged'],
  ['procMount', 'procMount'],
  ['readOnlyRootFilesystem', 'readOnlyRootFilesystem'],
  ['runAsGroup', 'runAsGroup'],
  ['runAsNonRoot', 'runAsNonRoot'],
  ['runAsUser', 'runAsUser'],
  ['seLinuxOptions', 'seLinuxOptions', k8s.toJson_SeLinuxOptions],
  ['seccompProfile', 'seccompProfile', k8s.toJson_SeccompProfile],
  ['windowsOptions', 'windowsOptions', k8s.toJson_WindowsSecurityContextOptions],
]);

const renderResources = struct([
  ['claims', 'claims', list(k8s.toJson_ResourceClaim)],
  ['limits', 'limits', quantityMap],
  ['requests', 'requests', quantityMap],
]);

/** One volume mount of a container. */
export const renderVolumeMount = struct([
  ['mountPath', 'mountPath'],
  ['mountPropagation', 'mountPropagation'],
  ['name', 'name'],
  ['readOnly', 'readOnly'],
  ['subPath', 'subPath'],
  ['subPathExpr', 'subPathExpr'],
]);

/** One container, as `k8s.toJson_Container` renders it. */
export const renderContainer = struct([
  ['args', 'args', list()],
  ['command', 'command', list()],
  ['env', 'env', list(k8s.toJson_EnvVar)],
  ['envFrom', 'envFrom', list(k8s.toJson_EnvFromSource)],
  ['image', 'image'],
  ['imagePullPolicy', 'imagePullPolicy'],
  ['lifecycle', 'lifecycle', k8s.toJson_Lifecycle],
  ['livenessProbe', 'livenessProbe', renderProbe],
  ['name', 'name'],
  ['ports', 'ports', list(k8s.toJson_ContainerPort)],
  ['readinessProbe', 'readinessProbe', renderProbe],
  ['resizePolicy', 'resizePolicy', list(k8s.toJson_ContainerResizePolicy)],
  ['resources', 'resources', renderResources],
  ['restartPolicy', 'restartPolicy'],
  ['securityContext', 'securityContext', renderSecurityContext],
  ['startupProbe', 'startupProbe', renderProbe],
  ['stdin', 'stdin'],
  ['stdinOnce', 'stdinOnce'],
  ['terminationMessagePath', 'terminationMessagePath'],
  ['terminationMessagePolicy', 'terminationMessagePolicy'],
  ['tty', 'tty'],
  ['volumeDevices', 'volumeDevices', list(k8s.toJson_VolumeDevice)],
  ['volumeMounts', 'volumeMounts', list(renderVolumeMount)],
  ['workingDir', 'workingDir'],
]);

/** One volume of the pod, as `k8s.toJson_Volume` renders it. */
export const renderVolume = struct([
  ['awsElasticBlockStore', 'awsElasticBlockStore', k8s.toJson_AwsElasticBlockStoreVolumeSource],
  ['azureDisk', 'azureDisk', k8s.toJson_AzureDiskVolumeSource],
  ['azureFile', 'azureFile', k8s.toJson_AzureFileVolumeSource],
  ['cephfs', 'cephfs', k8s.toJson_CephFsVolumeSource],
  ['cinder', 'cinder', k8s.toJson_CinderVolumeSource],
  ['configMap', 'configMap', k8s.toJson_ConfigMapVolumeSource],
  ['csi', 'csi', k8s.toJson_CsiVolumeSource],
  ['downwardAPI', 'downwardApi', k8s.toJson_DownwardApiVolumeSource],
  ['emptyDir', 'emptyDir', k8s.toJson_EmptyDirVolumeSource],
  ['ephemeral', 'ephemeral', k8s.toJson_EphemeralVolumeSource],
  ['fc', 'fc', k8s.toJson_FcVolumeSource],
  ['flexVolume', 'flexVolume', k8s.toJson_FlexVolumeSource],
  ['flocker', 'flocker', k8s.toJson_FlockerVolumeSource],
  ['gcePersistentDisk', 'gcePersistentDisk', k8s.toJson_GcePersistentDiskVolumeSource],
  ['gitRepo', 'gitRepo', k8s.toJson_GitRepoVolumeSource],
  ['glusterfs', 'glusterfs', k8s.toJson_GlusterfsVolumeSource],
  ['hostPath', 'hostPath', k8s.toJson_HostPathVolumeSource],
  ['iscsi', 'iscsi', k8s.toJson_IscsiVolumeSource],
  ['name', 'name'],
  ['nfs', 'nfs', k8s.toJson_NfsVolumeSource],
  ['persistentVolumeClaim', 'persistentVolumeClaim', k8s.toJson_PersistentVolumeClaimVolumeSource],
  ['photonPersistentDisk', 'photonPersistentDisk', k8s.toJson_PhotonPersistentDiskVolumeSource],
  ['portworxVolume', 'portworxVolume', k8s.toJson_PortworxVolumeSource],
  ['projected', 'projected', k8s.toJson_ProjectedVolumeSource],
  ['quobyte', 'quobyte', k8s.toJson_QuobyteVolumeSource],
  ['rbd', 'rbd', k8s.toJson_RbdVolumeSource],
  ['scaleIO', 'scaleIo', k8s.toJson_ScaleIoVolumeSource],
  ['secret', 'secret', k8s.toJson_SecretVolumeSource],
  ['storageos', 'storageos', k8s.toJson_StorageOsVolumeSource],
  ['vsphereVolume', 'vsphereVolume', k8s.toJson_VsphereVirtualDiskVolumeSource],
]);

/** The pod spec, as `k8s.toJson_PodSpec` renders it. */
export const renderPodSpec = struct([
  ['activeDeadlineSeconds', 'activeDeadlineSeconds'],
  ['affinity', 'affinity', k8s.toJson_Affinity],
  ['automountServiceAccountToken', 'automountServiceAccountToken'],
  ['containers', 'containers', list(renderContainer)],
  ['dnsConfig', 'dnsConfig', k8s.toJson_PodDnsConfig],
  ['dnsPolicy', 'dnsPolicy'],
  ['enableServiceLinks', 'enableServiceLinks'],
  ['ephemeralContainers', 'ephemeralContainers', list(k8s.toJson_EphemeralContainer)],
  ['hostAliases', 'hostAliases', list(k8s.toJson_HostAlias)],
  ['hostIPC', 'hostIpc'],
  ['hostNetwork', 'hostNetwork'],
  ['hostPID', 'hostPid'],
  ['hostUsers', 'hostUsers'],
  ['hostname', 'hostname'],
  ['imagePullSecrets', 'imagePullSecrets', list(k8s.toJson_LocalObjectReference)],
  ['initContainers', 'initContainers', list(renderContainer)],
  ['nodeName', 'nodeName'],
  ['nodeSelector', 'nodeSelector', stringMap],
  ['os', 'os', k8s.toJson_PodOs],
  ['overhead', 'overhead', quantityMap],
  ['preemptionPolicy', 'preemptionPolicy'],
  ['priority', 'priority'],
  ['priorityClassName', 'priorityClassName'],
  ['readinessGates', 'readinessGates', list(k8s.toJson_PodReadinessGate)],
  ['resourceClaims', 'resourceClaims', list(k8s.toJson_PodResourceClaim)],
  ['restartPolicy', 'restartPolicy'],
  ['runtimeClassName', 'runtimeClassName'],
  ['schedulerName', 'schedulerName'],
  ['schedulingGates', 'schedulingGates', list(k8s.toJson_PodSchedulingGate)],
  ['securityContext', 'securityContext', k8s.toJson_PodSecurityContext],
  ['serviceAccount', 'serviceAccount'],
  ['serviceAccountName', 'serviceAccountName'],
  ['setHostnameAsFQDN', 'setHostnameAsFqdn'],
  ['shareProcessNamespace', 'shareProcessNamespace'],
  ['subdomain', 'subdomain'],
  ['terminationGracePeriodSeconds', 'terminationGracePeriodSeconds'],
  ['tolerations', 'tolerations', list(k8s.toJson_Toleration)],
  ['topologySpreadConstraints', 'topologySpreadConstraints', list(k8s.toJson_TopologySpreadConstraint)],
  ['volumes', 'volumes', list(renderVolume)],
]);

/** The Service spec, as `k8s.toJson_ServiceSpec` renders it. */
export const renderServiceSpec = struct([
  ['allocateLoadBalancerNodePorts', 'allocateLoadBalancerNodePorts'],
  ['clusterIP', 'clusterIp'],
  ['clusterIPs', 'clusterIPs', list()],
  ['externalIPs', 'externalIPs', list()],
  ['externalName', 'externalName'],
  ['externalTrafficPolicy', 'externalTrafficPolicy'],
  ['healthCheckNodePort', 'healthCheckNodePort'],
  ['internalTrafficPolicy', 'internalTrafficPolicy'],
  ['ipFamilies', 'ipFamilies', list()],
  ['ipFamilyPolicy', 'ipFamilyPolicy'],
  ['loadBalancerClass', 'loadBalancerClass'],
  ['loadBalancerIP', 'loadBalancerIp'],
  ['loadBalancerSourceRanges', 'loadBalancerSourceRanges', list()],
  ['ports', 'ports', list(k8s.toJson_ServicePort)],
  ['publishNotReadyAddresses', 'publishNotReadyAddresses'],
  ['selector', 'selector', stringMap],
  ['sessionAffinity', 'sessionAffinity'],
  ['sessionAffinityConfig', 'sessionAffinityConfig', k8s.toJson_SessionAffinityConfig],
  ['type', 'type'],
]);

/** The tables, by the name of the library function each stands for: for the tests. @internal */
export const RENDER_TABLES: Record<string, Renderer> = {
  toJson_HttpGetAction: renderHttpGet,
  toJson_Probe: renderProbe,
  toJson_SecurityContext: renderSecurityContext,
  toJson_VolumeMount: renderVolumeMount,
  toJson_ResourceRequirements: renderResources,
  toJson_ServiceSpec: renderServiceSpec,
  toJson_Container: renderContainer,
  toJson_Volume: renderVolume,
  toJson_PodSpec: renderPodSpec,
};
