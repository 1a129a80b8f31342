import { isIP } from 'net';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { isQualifiedName, q } from './grammar';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'];

/** The Service: its type, its load balancer class, and the Service IP range. */
export function checkService(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  if (input.serviceType === 'ExternalName') {
    problems.add('serviceType', 'a Service of type ExternalName has no selector and no cluster IP, so it cannot front the API server pods',
      'use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER');
  } else if (!SERVICE_TYPES.includes(input.serviceType)) {
    problems.add('serviceType', `${q(input.serviceType)} is not a Service type`,
      'use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER');
  }

  if (input.loadBalancerClass !== undefined) {
    if (input.serviceType !== 'LoadBalancer') {
      problems.add('loadBalancerClass', `loadBalancerClass applies to a Service of type LoadBalancer only, and serviceType is ${q(input.serviceType)}`,
        'set serviceType to ServiceType.LOAD_BALANCER, or remove loadBalancerClass');
    } else if (!isQualifiedName(input.loadBalancerClass) || !input.loadBalancerClass.includes('/')) {
      problems.add('loadBalancerClass', `${q(input.loadBalancerClass)} is not a valid load balancer class: it must be a label-style key with a domain prefix`,
        'use the class your load balancer implementation documents, such as "service.k8s.aws/nlb"');
    }
  }

  checkServiceSubnet(input.serviceSubnet, problems);
}

/** Why a CIDR is not one, or undefined when it is; its IP family on success. */
export function parseCidr(cidr: string): { family?: 4 | 6; error?: string } {
  const slash = cidr.indexOf('/');
  if (slash === -1) {
    return { error: 'has no prefix length ("/<bits>")' };
  }
  const address = cidr.slice(0, slash);
  const bits = cidr.slice(slash + 1);
  const family = isIP(address);
  if (family !== 4 && family !== 6) {
    return { error: `${q(address)} is not an IPv4 or IPv6 address` };
  }
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) {
    return { error: `the prefix length ${q(bits)} is not a number from 0 to ${max}` };
  }
  return { family };
}

function checkServiceSubnet(subnet: string, problems: Problems): void {
  const fix = 'give one CIDR such as "10.96.0.0/12", or an IPv4 and an IPv6 CIDR separated by a comma for dual stack, such as "10.96.0.0/12,fd00:10:96::/112"';
  const parts = String(subnet).split(',');
  if (parts.length > 2) {
    problems.add('serviceSubnet', `${q(subnet)} has ${parts.length} ranges; a cluster has at most two, one of each IP family`, fix);
    return;
  }
  const families: number[] = [];
  for (const part of parts) {
    const { family, error } = parseCidr(part);
    if (error !== undefined) {
      problems.add('serviceSubnet', `${q(part)} is not a CIDR: ${error}`, fix);
      return;
    }
    families.push(family!);
  }
  if (families.length === 2 && families[0] === families[1]) {
    problems.add('serviceSubnet', `${q(subnet)} has two IPv${families[0]} ranges; dual stack needs one IPv4 and one IPv6 range`, fix);
  }
}
