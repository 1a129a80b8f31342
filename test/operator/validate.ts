/**
 * The operator's own checks, which it runs on the defaulted object before it installs anything
 * (operator/pkg/controller/karmada/validating.go at karmada-io/karmada@f8fdd02). When one fails,
 * the operator sets the Ready condition to False with the messages, and renders nothing.
 */
import { etcdCertSecretName } from './naming';
import type { KarmadaObject } from './types';

/**
 * An approximation of Go's url.ParseRequestURI: an absolute URL or an absolute path.
 */
function isRequestURI(s: string): boolean {
  if (s.startsWith('/')) return true;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/** k8s.io/apimachinery's IsDNS1123Label. */
function isDNS1123Label(s: string): boolean {
  return s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

/** The operator's validation errors for a defaulted Karmada object; empty when it proceeds. */
export function validateKarmada(karmada: KarmadaObject): string[] {
  const errors: string[] = [];
  const spec = karmada.spec ?? {};

  const http = spec.crdTarball?.httpSource;
  if (http) {
    if (!isRequestURI(http.url)) errors.push(`spec.crdTarball.httpSource.url: Invalid value: ${JSON.stringify(http.url)}: invalid CRDs remote URL`);
    if (http.proxy && !isRequestURI(http.proxy.proxyURL)) {
      errors.push(`spec.crdTarball.httpSource.proxy.proxyURL: Invalid value: ${JSON.stringify(http.proxy.proxyURL)}: invalid CRDs proxy URL`);
    }
  }

  const components = spec.components;
  if (!components) return errors;

  const apiServer = components.karmadaAPIServer;
  if (apiServer) {
    const path = 'spec.components.karmadaAPIServer';
    const type = apiServer.serviceType ?? '';
    if (!['ClusterIP', 'NodePort', 'LoadBalancer'].includes(type)) {
      errors.push(`${path}.serviceType: Invalid value: ${JSON.stringify(type)}: unsupported service type for Karmada API server`);
    }
    // Quirk: the CRD documents prefixed classes such as "example.com/internal-vip", but the
    // operator accepts DNS-1123 labels only (no dots, no slash).
    if (type === 'LoadBalancer' && apiServer.loadBalancerClass !== undefined && !isDNS1123Label(apiServer.loadBalancerClass)) {
      errors.push(`${path}.loadBalancerClass: Invalid value: ${JSON.stringify(apiServer.loadBalancerClass)}: must be a DNS-1123 label`);
    }
    const inCluster = !spec.hostCluster?.secretRef?.name; // operator/pkg/util/kubeconfig.go IsInCluster
    if (!inCluster && type === 'ClusterIP') {
      errors.push(`${path}.serviceType: Invalid value: "ClusterIP": if karmada is installed in a remote cluster, the service type of karmada-apiserver must be either NodePort or LoadBalancer`);
    }
  }

  const etcd = components.etcd;
  if (!etcd || (!etcd.local && !etcd.external)) {
    errors.push('spec.components.etcd: Invalid value: unexpected empty etcd configuration');
  } else if (etcd.external) {
    // An external etcd's client Secret must carry the name of the operator's own etcd Secret.
    // Nothing rejects local and external together: the API server then uses the external one,
    // and the operator still installs the local etcd.
    const expected = etcdCertSecretName(karmada.metadata.name);
    const name = etcd.external.secretRef?.name ?? '';
    if (name !== expected) {
      errors.push(`spec.components.etcd.external.secretRef.name: Invalid value: ${JSON.stringify(name)}: secret name for external etcd client must be ${expected}`);
    }
  }
  // An even number of local etcd replicas is only logged.
  return errors;
}
