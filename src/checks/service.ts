import { parseCidr } from '../kubernetes/grammar';
import type { ApiServerModel } from '../model/types';
import { Problems, q } from '../problems';

/**
 * The Service type, a load balancer class that would be dropped, and the Service IP range (a flag,
 * which no object Kubernetes checks holds). The rendered Service is checked as Kubernetes checks it.
 */
export function checkService(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  if (input.serviceType === 'ExternalName') {
    problems.add('serviceType', 'a Service of type ExternalName has no selector and no cluster IP, so it cannot front the API server pods',
      'use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER');
  }
  if (input.loadBalancerClass !== undefined && input.serviceType !== 'LoadBalancer') {
    problems.add('loadBalancerClass', `loadBalancerClass applies to a Service of type LoadBalancer only, and serviceType is ${q(input.serviceType)}`,
      'set serviceType to ServiceType.LOAD_BALANCER, or remove loadBalancerClass');
  }
  checkServiceSubnet(input.serviceSubnet, problems);
}

function checkServiceSubnet(subnet: string, problems: Problems): void {
  const fix = 'give one CIDR such as "10.96.0.0/12", or an IPv4 and an IPv6 CIDR separated by a comma for dual stack, such as "10.96.0.0/12,fd00:10:96::/112"';
  const parts = subnet.split(',');
  if (parts.length > 2) {
    problems.add('serviceSubnet', `${q(subnet)} has ${parts.length} ranges; a cluster has at most two, one of each IP family`, fix);
    return;
  }
  const families: number[] = [];
  for (const part of parts) {
    const cidr = parseCidr(part);
    if (cidr === undefined) {
      problems.add('serviceSubnet', `${q(part)} is not a CIDR (an IPv4 or IPv6 address, "/" and a prefix length within its width)`, fix);
      return;
    }
    families.push(cidr.bytes.length === 4 ? 4 : 6);
  }
  if (families.length === 2 && families[0] === families[1]) {
    problems.add('serviceSubnet', `${q(subnet)} has two IPv${families[0]} ranges; dual stack needs one IPv4 and one IPv6 range`, fix);
  }
}
