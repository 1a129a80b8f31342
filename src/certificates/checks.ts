/**
 * Checks the certificate and etcd constructs share: names that Kubernetes and cert-manager must
 * accept, and issuers that must be reachable from the Certificates' namespace.
 */
import { MAX_LABEL_LENGTH, RULES, isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../kubernetes/grammar';
import { Problems, q, suggestName } from '../problems';
import { IssuerReference, isNamespacedIssuer } from './issuer';

/**
 * The instance name: a DNS-1035 label (Services are named after it), and short enough that every
 * name derived from it is one too.
 */
export function checkInstanceName(name: string | undefined, derived: readonly string[], problems: Problems): void {
  if (name === undefined || name === '') {
    problems.add('instanceName', 'the instance name is empty', 'name the Karmada instance, for example "tenant1"');
    return;
  }
  if (!isDns1035Label(name)) {
    problems.add('instanceName',
      `${q(name)} is not a valid instance name: it must be a DNS-1035 label (at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit), since objects are named after it`,
      `use a name such as ${q(suggestName(name).replace(/^[^a-z]+/, '') || 'tenant1')}`);
    return;
  }
  const longest = derived.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length > MAX_LABEL_LENGTH) {
    problems.add('instanceName', `the name ${q(longest)} derived from it has ${longest.length} characters, more than the ${MAX_LABEL_LENGTH} a Service or pod name may have`,
      `shorten instanceName by at least ${longest.length - MAX_LABEL_LENGTH} characters`);
  }
}

/** The namespace: a DNS-1123 label. */
export function checkNamespace(namespace: string, problems: Problems): void {
  if (!isDns1123Label(namespace)) {
    problems.add('namespace', `${q(namespace)} is not a valid namespace name (${RULES.dns1123Label})`, `use a name such as ${q(suggestName(namespace))}`);
  }
}

/** The cluster's DNS domain: a DNS-1123 subdomain. */
export function checkClusterDomain(domain: string, problems: Problems): void {
  if (!isDns1123Subdomain(domain)) {
    problems.add('clusterDomain', `${q(domain)} is not a DNS domain (${RULES.dns1123Subdomain})`,
      'use the cluster\'s DNS domain, such as "cluster.local", without a leading or trailing dot');
  }
}

/**
 * An issuer the Certificates of `namespace` can use: a namespaced Issuer must be in that namespace,
 * since cert-manager looks a Certificate's Issuer up in the Certificate's own namespace.
 */
export function checkIssuerNamespace(field: string, issuer: IssuerReference, issuerNamespace: string, namespace: string, problems: Problems): void {
  if (isNamespacedIssuer(issuer) && issuerNamespace !== namespace) {
    problems.add(field, `the Issuer ${q(issuer.name)} is in namespace ${q(issuerNamespace)}, and these Certificates are in ${q(namespace)}, where cert-manager would look for it`,
      'put both in one namespace, or use a ClusterIssuer');
  }
}
