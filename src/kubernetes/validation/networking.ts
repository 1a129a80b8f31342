/**
 * networking.k8s.io/v1 NetworkPolicies.
 *
 * Rules from kubernetes/kubernetes pkg/apis/networking/validation/validation.go at
 * 1758d176899c3cef671eb4a3bb77df852280eb95 and the newer stored version with endPort and
 * IsValidCIDRForLegacyField (ValidateNetworkPolicy, ValidateNetworkPolicySpec,
 * ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock). CIDRs are parsed as Go
 * does (IPv4 without leading zeros), which is stricter than the legacy parsing Kubernetes 1.33
 * still accepts for this field. Restated, not copied.
 */
import { RULES, cidrContainsAddress, isIanaSvcName, isPortNumber, parseCidr } from '../grammar';
import { validateLabelSelector, validateObjectMeta } from './meta';
import { q } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, textAt } from './report';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];

function validatePort(report: Report, raw: unknown, path: string): void {
  const port = objectAt(raw) ?? {};
  const protocol = textAt(port.protocol);
  if (protocol !== undefined && !PROTOCOLS.includes(protocol)) {
    report.add(at(path, 'protocol'), `${q(protocol)} is not a supported protocol`, 'use "TCP", "UDP" or "SCTP" (upper case)');
  }
  const endPort = numberAt(port.endPort);
  if (typeof port.port === 'number') {
    if (!isPortNumber(port.port)) {
      report.add(at(path, 'port'), `${port.port} is not a port number`, 'use a port from 1 to 65535');
    }
    if (endPort !== undefined) {
      if (endPort < port.port) {
        report.add(at(path, 'endPort'), `endPort ${endPort} is below port ${port.port}`, 'give an endPort of at least port');
      }
      if (!isPortNumber(endPort)) {
        report.add(at(path, 'endPort'), `${endPort} is not a port number`, 'use a port from 1 to 65535');
      }
    }
  } else if (typeof port.port === 'string') {
    if (endPort !== undefined) {
      report.add(at(path, 'endPort'), 'endPort needs a numeric port', 'give port as a number, or remove endPort');
    }
    if (!isIanaSvcName(port.port)) {
      report.add(at(path, 'port'), `${q(port.port)} is not a port name (${RULES.ianaSvcName})`, /^[0-9]+$/.test(port.port) ? `write the port as a number, ${port.port}` : 'use the name of a container port, such as "https"');
    }
  } else if (endPort !== undefined) {
    report.add(at(path, 'endPort'), 'endPort needs a port', 'give the first port of the range, or remove endPort');
  }
}

function validateIpBlock(report: Report, block: JsonObject, path: string): void {
  const cidrText = textAt(block.cidr) ?? '';
  if (cidrText === '') {
    report.add(at(path, 'cidr'), 'the ipBlock has no cidr', 'give a range such as "10.0.0.0/8"');
    return;
  }
  const cidr = parseCidr(cidrText);
  if (!cidr) {
    report.add(at(path, 'cidr'), `${q(cidrText)} is not a CIDR`, 'give a range such as "10.0.0.0/8"');
    return;
  }
  listAt(block.except).forEach((raw, i) => {
    const text = textAt(raw) ?? '';
    const except = parseCidr(text);
    const exceptPath = item(at(path, 'except'), i);
    if (!except) {
      report.add(exceptPath, `${q(text)} is not a CIDR`, 'give a range such as "10.1.0.0/16"');
    } else if (!cidrContainsAddress(cidr, except.bytes) || except.prefix <= cidr.prefix) {
      report.add(exceptPath, `${q(text)} is not strictly inside ${q(cidrText)}`, 'give a smaller range inside cidr, or widen cidr');
    }
  });
}

function validatePeer(report: Report, raw: unknown, path: string): void {
  const peer = objectAt(raw) ?? {};
  const kinds = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => objectAt(peer[k]));
  validateLabelSelector(report, peer.podSelector, at(path, 'podSelector'));
  validateLabelSelector(report, peer.namespaceSelector, at(path, 'namespaceSelector'));
  const block = objectAt(peer.ipBlock);
  if (block) {
    validateIpBlock(report, block, at(path, 'ipBlock'));
  }
  if (kinds.length === 0) {
    report.add(path, 'the peer selects nothing', 'give a podSelector, a namespaceSelector or an ipBlock');
  } else if (kinds.length > 1 && block) {
    report.add(path, 'an ipBlock peer cannot also have selectors', 'split it into two peers');
  }
}

/** A networking.k8s.io/v1 NetworkPolicy. */
export function validateNetworkPolicy(report: Report, policy: JsonObject): void {
  validateObjectMeta(report, objectAt(policy.metadata), 'metadata', 'dns1123Subdomain');
  const spec = objectAt(policy.spec) ?? {};
  validateLabelSelector(report, spec.podSelector, 'spec.podSelector');
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    listAt(spec[direction]).forEach((raw, i) => {
      const rule = objectAt(raw) ?? {};
      const rulePath = item(`spec.${direction}`, i);
      listAt(rule.ports).forEach((port, j) => validatePort(report, port, item(at(rulePath, 'ports'), j)));
      listAt(rule[peers]).forEach((peer, j) => validatePeer(report, peer, item(at(rulePath, peers), j)));
    });
  }
  const types = listAt(spec.policyTypes).map((t) => textAt(t) ?? '');
  if (types.length > POLICY_TYPES.length) {
    report.add('spec.policyTypes', `${types.length} policy types are more than the two there are`, 'list "Ingress", "Egress" or both');
    return;
  }
  types.forEach((type, i) => {
    if (!POLICY_TYPES.includes(type)) {
      report.add(item('spec.policyTypes', i), `${q(type)} is not a policy type`, 'use "Ingress" or "Egress"');
    }
  });
}
