import type { ApiServerModel } from '../model/types';
import { Problems, q } from '../problems';


/** The etcd wiring: at least one endpoint, each an https:// URL of a host and port. */
export function checkEtcd(model: ApiServerModel, problems: Problems): void {
  const wiring = model.etcd;
  wiring.inputProblems.forEach((p) => problems.add(p.field, p.message, p.fix));
  if (wiring.endpoints.length === 0) {
    problems.add('etcd.endpoints', 'no etcd endpoint is given', 'list the etcd client URLs, such as ["https://etcd-0.example.com:2379"]');
  }
  (wiring.endpointsGiven ? wiring.endpoints : []).forEach((endpoint, i) => {
    const why = endpointProblem(endpoint);
    if (why !== undefined) {
      problems.add(`etcd.endpoints[${i}]`, `${q(endpoint)} ${why}`,
        'give an https:// URL with a host and port and nothing after them, such as "https://etcd-0.example.com:2379"');
    }
  });
}

function endpointProblem(endpoint: string): string | undefined {
  if (typeof endpoint !== 'string' || /[\s,]/.test(endpoint)) {
    return 'contains whitespace or a comma (each endpoint is one URL)';
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') {
    return `uses ${q(url.protocol.replace(/:$/, ''))}, and the API server talks to etcd over TLS only`;
  }
  if (url.hostname === '' || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return 'is not just a scheme, a host and a port';
  }
  return undefined;
}
