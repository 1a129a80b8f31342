import { MAX_LABEL_LENGTH, RULES, isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelValue } from '../kubernetes/grammar';
import type { ApiServerModel } from '../model/types';
import { Problems, q, suggestName } from '../problems';

/**
 * The names the construct derives things from: the instance name (every object name and the
 * selector derive from it, so it is checked as what it becomes) and the cluster domain (in URLs and
 * flags, not in an object Kubernetes would check). Every other name is checked as Kubernetes
 * checks the rendered objects.
 */
export function checkNames(model: ApiServerModel, problems: Problems): void {
  checkInstanceName(model, problems);
  // An empty string reads as "not set" to Kubernetes, but here it would replace a default.
  for (const [prop, value] of [['namespace', model.input.namespace], ['priorityClassName', model.input.priorityClassName]] as const) {
    if (value === '') {
      problems.add(prop, `${prop} is empty`, `give a name, or leave ${prop} out for the default`);
    }
  }
  if (model.input.certificates !== undefined && model.input.certificateSecretName !== undefined) {
    problems.add('certificates', 'both certificates and certificateSecretName are given, and /etc/karmada/pki holds one of them',
      'give certificates (cert-manager\'s Secrets) or certificateSecretName (one Secret in the operator\'s layout), not both');
  }
  const domain = model.input.clusterDomain;
  if (!isDns1123Subdomain(domain)) {
    problems.add('clusterDomain', `${q(domain)} is not a DNS domain (${RULES.dns1123Subdomain})`,
      'use the cluster\'s DNS domain, such as "cluster.local", without a leading or trailing dot');
  }
}

/** The instance name is a label value, and the Service name built from it a DNS-1035 label. */
function checkInstanceName(model: ApiServerModel, problems: Problems): void {
  const name = model.input.instanceName;
  const service = model.names.apiServer;
  if (name === '') {
    problems.add('instanceName', 'the instance name is empty', 'name the Karmada instance, for example "tenant1"');
    return;
  }
  if (!isDns1123Label(name) || !isLabelValue(name) || !/^[a-z]/.test(name)) {
    problems.add('instanceName',
      `${q(name)} is not a valid instance name: it must be a DNS-1035 label (${RULES.dns1035Label}), since the Service is named after it`,
      `use a name such as ${q(suggestName(name).replace(/^[^a-z]+/, '') || 'tenant1')}`);
    return;
  }
  // Service names derived from the instance name: the API server's, and the local etcd's.
  const services = [service, ...model.etcd.services.filter((s) => s === model.names.etcdClientService)];
  const longest = services.reduce((a, b) => (b.length > a.length ? b : a));
  if (!isDns1035Label(longest)) {
    const room = MAX_LABEL_LENGTH - (longest.length - name.length);
    problems.add('instanceName',
      `the Service name ${q(longest)} derived from it has ${longest.length} characters, more than the ${MAX_LABEL_LENGTH} a Service name may have`,
      `shorten instanceName to at most ${room} characters`);
  }
}
