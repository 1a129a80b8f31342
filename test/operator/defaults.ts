/**
 * The Karmada object as the operator sees it when it renders: first the API server's structural
 * pruning and defaulting from the CRD (operator/config/crds/operator.karmada.io_karmadas.yaml), then
 * the operator's own defaulter (operator/pkg/apis/operator/v1alpha1/defaults.go), both at
 * karmada-io/karmada@f8fdd02.
 *
 * The two interleave: the controller (operator/pkg/controller/karmada/controller.go, updateKarmada)
 * runs the Go defaulter, writes the object back when that changed the spec, and renders only on the
 * next reconcile, after the API server has applied the CRD defaults to the objects the Go
 * defaulter created. So a `karmadaAPIServer` the user left out still gets the CRD's
 * `priorityClassName: system-node-critical`.
 */
import * as crd from '../../src/imports/operator.karmada.io.schema.json';
import type { CommonSettings, Component, KarmadaObject } from './types';

type Json = any;
type Schema = Record<string, any>;

/** operator/pkg/constants/constants.go */
export const CONSTANTS = {
  kubeDefaultRepository: 'registry.k8s.io',
  karmadaDefaultRepository: 'docker.io/karmada',
  etcdDefaultVersion: '3.6.8-0',
  /** Default tag of kube-apiserver and kube-controller-manager (v1.35.2 in operator v1.18.x). */
  kubeDefaultVersion: 'v1.36.2',
  serviceSubnet: '10.96.0.0/12',
  dnsDomain: 'cluster.local',
} as const;

/**
 * The operator's own release version, the default tag of the Karmada images. It comes from the
 * binary's build flags (`git describe`, trimmed to the release: an operator built at f8fdd02 says
 * v1.19.0-rc.0); a binary built without them defaults to the tag "<nil>".
 */
export const DEFAULT_KARMADA_VERSION = 'v1.19.0-rc.0';

const schema: Schema = (crd as Schema).versions.v1alpha1;

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The API server's structural pruning and defaulting of a custom resource (apiextensions-apiserver
 * schema/pruning and schema/defaulting): fields the schema does not declare are dropped (unless it
 * preserves unknown fields), nulls are dropped, and an absent field with a `default` gets a copy of
 * it, which is then defaulted in turn. `metadata` is left alone (ObjectMeta has its own rules).
 * Returns a new value.
 */
export function applyStructuralSchema(s: Schema | undefined, value: Json, atRoot = true): Json {
  if (s === undefined) return value;
  if (Array.isArray(value)) return value.map(v => applyStructuralSchema(s.items, v, false));
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    if (atRoot && key === 'metadata') {
      out[key] = v;
    } else if (s.properties && key in s.properties) {
      out[key] = applyStructuralSchema(s.properties[key], v, false);
    } else if (isObject(s.additionalProperties)) {
      out[key] = applyStructuralSchema(s.additionalProperties, v, false);
    } else if (s['x-kubernetes-preserve-unknown-fields'] || s.additionalProperties === true) {
      out[key] = v;
    }
  }
  for (const [key, prop] of Object.entries<Schema>(s.properties ?? {})) {
    if (out[key] === undefined && prop.default !== undefined) {
      out[key] = applyStructuralSchema(prop, structuredClone(prop.default), false);
    }
  }
  return out;
}

/** The CRD's pruning and defaulting of a Karmada object. */
export function applyCrdDefaults(karmada: KarmadaObject): KarmadaObject {
  return applyStructuralSchema(schema, karmada);
}

/** Go's `len(s) == 0` for a string field. */
const empty = (s: string | undefined) => s === undefined || s === '';

function defaultImage(c: CommonSettings, repository: string, tag: string): void {
  if (empty(c.imageRepository)) c.imageRepository = repository;
  if (empty(c.imageTag)) c.imageTag = tag;
  if (empty(c.imagePullPolicy)) c.imagePullPolicy = 'IfNotPresent';
}

function defaultComponent(c: Component | undefined, repository: string, tag: string, replicas = 1): Component {
  const out = c ?? {};
  defaultImage(out, repository, tag);
  if (out.replicas === undefined) out.replicas = replicas;
  return out;
}

/**
 * The operator's defaulter (setDefaultsKarmada), on JSON: a Go nil pointer or map is an absent
 * field, a Go empty string is an absent or empty field. Returns a new object.
 */
export function setOperatorDefaults(karmada: KarmadaObject, karmadaVersion = DEFAULT_KARMADA_VERSION): KarmadaObject {
  const k: KarmadaObject = structuredClone(karmada);
  const spec = (k.spec ??= {});

  const host = (spec.hostCluster ??= {});
  const networking = (host.networking ??= {});
  networking.dnsDomain ??= CONSTANTS.dnsDomain; // set, and never read again (see the notes)

  const c = (spec.components ??= {});
  const etcd = (c.etcd ??= {});
  if (etcd.external === undefined) {
    const local = (etcd.local ??= {});
    if (local.replicas === undefined) local.replicas = 1;
    defaultImage(local, `${CONSTANTS.kubeDefaultRepository}/etcd`, CONSTANTS.etcdDefaultVersion);
    const data = (local.volumeData ??= {});
    if (!data.emptyDir && !data.hostPath && !data.volumeClaim) data.emptyDir = {};
  }

  const apiServer = (c.karmadaAPIServer ??= {});
  defaultImage(apiServer, `${CONSTANTS.kubeDefaultRepository}/kube-apiserver`, CONSTANTS.kubeDefaultVersion);
  if (apiServer.replicas === undefined) apiServer.replicas = 1;
  if (apiServer.serviceSubnet === undefined) apiServer.serviceSubnet = CONSTANTS.serviceSubnet; // a pointer: "" stays ""
  if (empty(apiServer.serviceType)) apiServer.serviceType = 'ClusterIP';

  const karmadaImage = (name: string) => `${CONSTANTS.karmadaDefaultRepository}/${name}`;
  c.karmadaAggregatedAPIServer = defaultComponent(c.karmadaAggregatedAPIServer, karmadaImage('karmada-aggregated-apiserver'), karmadaVersion);
  c.kubeControllerManager = defaultComponent(c.kubeControllerManager, `${CONSTANTS.kubeDefaultRepository}/kube-controller-manager`, CONSTANTS.kubeDefaultVersion);
  c.karmadaControllerManager = defaultComponent(c.karmadaControllerManager, karmadaImage('karmada-controller-manager'), karmadaVersion);
  c.karmadaScheduler = defaultComponent(c.karmadaScheduler, karmadaImage('karmada-scheduler'), karmadaVersion);
  c.karmadaWebhook = defaultComponent(c.karmadaWebhook, karmadaImage('karmada-webhook'), karmadaVersion);
  c.karmadaMetricsAdapter = defaultComponent(c.karmadaMetricsAdapter, karmadaImage('karmada-metrics-adapter'), karmadaVersion, 2);
  // Add-ons: defaulted only when present.
  if (c.karmadaSearch) c.karmadaSearch = defaultComponent(c.karmadaSearch, karmadaImage('karmada-search'), karmadaVersion);
  if (c.karmadaDescheduler) c.karmadaDescheduler = defaultComponent(c.karmadaDescheduler, karmadaImage('karmada-descheduler'), karmadaVersion);
  return k;
}

/**
 * The object the operator renders from: CRD defaults, the Go defaulter, and the CRD defaults again
 * on the write-back (see the file's header). A further round changes nothing.
 */
export function defaultKarmada(karmada: KarmadaObject, karmadaVersion = DEFAULT_KARMADA_VERSION): KarmadaObject {
  return applyCrdDefaults(setOperatorDefaults(applyCrdDefaults(karmada), karmadaVersion));
}
