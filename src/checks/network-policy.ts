import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';

/** An empty `allowFrom` would admit everyone, the opposite of what it says. */
export function checkNetworkPolicy(model: ApiServerModel, problems: Problems): void {
  const from = model.input.networkPolicy?.allowFrom;
  if (from !== undefined && from.length === 0) {
    problems.add('networkPolicy.allowFrom',
      'the list is empty, and Kubernetes reads an empty "from" as "from everywhere"',
      'list the pods, namespaces or IP blocks that may connect, or remove allowFrom to admit every source on the secure port');
  }
}
