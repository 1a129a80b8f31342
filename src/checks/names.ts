import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import {
  DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, MAX_LABEL_LENGTH,
  isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelValue, q, suggestLabel,
} from './grammar';

/**
 * Names Kubernetes would reject: the instance name (and the Service name derived from it), the
 * namespace, the cluster domain, the priority class, the certificate Secret, and the names of sidecar
 * containers and extra volumes.
 */
export function checkNames(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  checkInstanceName(model, problems);

  if (!isDns1123Label(input.namespace)) {
    problems.add('namespace', `${q(input.namespace)} is not a valid namespace name (${DNS1123_LABEL_RULE})`,
      `use a name such as ${q(suggestLabel(input.namespace))}`);
  }
  if (!isDns1123Subdomain(input.clusterDomain)) {
    problems.add('clusterDomain', `${q(input.clusterDomain)} is not a DNS domain (${DNS1123_SUBDOMAIN_RULE})`,
      'use the cluster\'s DNS domain, such as "cluster.local", without a leading or trailing dot');
  }
  if (!isDns1123Subdomain(input.priorityClassName)) {
    problems.add('priorityClassName', `${q(input.priorityClassName)} is not a valid PriorityClass name (${DNS1123_SUBDOMAIN_RULE})`,
      'name an existing PriorityClass, such as "system-node-critical"');
  }
  if (input.certificateSecretName !== undefined && !isDns1123Subdomain(input.certificateSecretName)) {
    problems.add('certificateSecretName', `${q(input.certificateSecretName)} is not a valid Secret name (${DNS1123_SUBDOMAIN_RULE})`,
      'name the Secret that holds the API server certificates, or leave it out for "<instance>-cert"');
  }

  for (const sidecar of model.sidecars) {
    const name = sidecar.container.name;
    // A missing name is reported by the schema check of the container.
    if (name !== undefined && !isDns1123Label(name)) {
      problems.add(`${sidecar.field}.name`, `${q(name)} is not a valid container name (${DNS1123_LABEL_RULE})`,
        `rename it, for example to ${q(suggestLabel(name))}`);
    }
  }

  input.extraVolumes.forEach((volume, i) => {
    if (!isDns1123Label(volume.name)) {
      problems.add(`extraVolumes[${i}].name`, `${q(volume.name)} is not a valid volume name (${DNS1123_LABEL_RULE})`,
        `rename it, for example to ${q(suggestLabel(volume.name))}, and the mounts that use it`);
    }
  });
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
      `${q(name)} is not a valid instance name: it must be a DNS-1035 label (at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit), since the Service is named after it`,
      `use a name such as ${q(suggestLabel(name).replace(/^[^a-z]+/, '') || 'tenant1')}`);
    return;
  }
  if (!isDns1035Label(service)) {
    const room = MAX_LABEL_LENGTH - (service.length - name.length);
    problems.add('instanceName',
      `the Service name ${q(service)} derived from it has ${service.length} characters, more than the ${MAX_LABEL_LENGTH} a Service name may have`,
      `shorten instanceName to at most ${room} characters`);
  }
}
