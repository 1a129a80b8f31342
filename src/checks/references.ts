import { RULES, isDns1035Label, isDns1123Subdomain } from '../kubernetes/grammar';
import { referencesOf } from '../model/references';
import type { ApiServerModel } from '../model/types';
import { Problems, q } from '../problems';

/**
 * Every object the pod refers to must have a name such an object can have: Kubernetes accepts a pod
 * that names a Secret "certs_1", and the kubelet then waits forever for a Secret that cannot exist.
 */
export function checkReferences(model: ApiServerModel, problems: Problems): void {
  // A PriorityClass name is checked by the API server itself, in the pod spec; a name derived from
  // the instance name is checked as the instance name.
  for (const ref of referencesOf(model).filter((r) => r.kind !== 'PriorityClass' && !r.derived)) {
    const valid = ref.kind === 'Service' ? isDns1035Label(ref.name) : isDns1123Subdomain(ref.name);
    if (!valid) {
      problems.add(ref.field, `${q(ref.name)} cannot be the name of a ${ref.kind} (${ref.kind === 'Service' ? RULES.dns1035Label : RULES.dns1123Subdomain}), so the pod would wait for it forever`,
        `give the name of an existing ${ref.kind}: lowercase letters, digits, "-"${ref.kind === 'Service' ? '' : ' and "."'}`);
    }
  }
}
