/**
 * v1 Services: ClusterIP (including headless), NodePort, LoadBalancer and ExternalName.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (ValidateService, validateServicePort,
 * validateClientIPAffinityConfig, ValidateServiceClusterIPsRelatedFields,
 * validateLoadBalancerClassField, validateServiceExternalTrafficPolicy,
 * validateServiceInternalTrafficFieldsValue, validateServiceTrafficDistribution,
 * ValidateNonSpecialIP), with the defaults of pkg/apis/core/v1/defaults.go (type ClusterIP,
 * protocol TCP, targetPort = port, sessionAffinity None) and the normalisation of clusterIP and
 * clusterIPs that pkg/registry/core/service does before validating. Fields the registry
 * allocates (clusterIPs, nodePorts, healthCheckNodePort, ipFamilies) may be left out.
 * Restated, not copied.
 */
import { RULES, isDns1123Label, isDns1123Subdomain, isPortNumber, isQualifiedName, parseCidr, parseIp, specialAddressKind } from '../grammar';
import { validateLabels, validateObjectMeta } from './meta';
import { validatePortNumberOrName } from './probes';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, stringMapAt, textAt } from './report';
import { validateIp } from './scheduling';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const IP_FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
const MAX_CLIENT_IP_TIMEOUT_SECONDS = 86400;
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';

function validatePorts(report: Report, spec: JsonObject, type: string): void {
  const ports = listAt(spec.ports).map((p) => objectAt(p) ?? {});
  const names = new Set<string>();
  const portKeys = new Set<string>();
  const nodePortKeys = new Set<string>();
  ports.forEach((port, i) => {
    const path = item('spec.ports', i);
    const name = textAt(port.name) ?? '';
    if (ports.length > 1 && name === '') {
      report.add(at(path, 'name'), 'a Service with several ports must name each one', 'name the port, such as "https"');
    } else if (name !== '') {
      if (!isDns1123Label(name)) {
        report.add(at(path, 'name'), `${q(name)} is not a valid port name (${RULES.dns1123Label})`, `use a name such as ${q(suggestName(name))}`);
      }
      if (names.has(name)) {
        report.add(at(path, 'name'), `the port name ${q(name)} is used twice`, 'give each port its own name');
      }
      names.add(name);
    }
    const number = numberAt(port.port) ?? 0;
    if (!isPortNumber(number)) {
      report.add(at(path, 'port'), number === 0 ? 'the Service port has no port number' : `${number} is not a port number`, 'use a port from 1 to 65535');
    }
    const protocol = textAt(port.protocol) ?? 'TCP';
    if (!PROTOCOLS.includes(protocol)) {
      report.add(at(path, 'protocol'), `${q(protocol)} is not a supported protocol`, 'use "TCP", "UDP" or "SCTP" (upper case)');
    }
    // An unset (or zero) targetPort defaults to the port.
    if (port.targetPort !== undefined && port.targetPort !== null && port.targetPort !== 0 && port.targetPort !== '') {
      validatePortNumberOrName(report, port.targetPort, at(path, 'targetPort'));
    }
    const appProtocol = textAt(port.appProtocol);
    if (appProtocol !== undefined && !isQualifiedName(appProtocol)) {
      report.add(at(path, 'appProtocol'), `${q(appProtocol)} is not a valid appProtocol (${RULES.qualifiedName})`, 'use a protocol name such as "https" or "kubernetes.io/h2c"');
    }
    const nodePort = numberAt(port.nodePort) ?? 0;
    if (nodePort !== 0) {
      if (type === 'ClusterIP') {
        report.add(at(path, 'nodePort'), 'a ClusterIP Service has no node ports', 'remove nodePort, or use type NodePort or LoadBalancer');
      } else if (!isPortNumber(nodePort)) {
        report.add(at(path, 'nodePort'), `${nodePort} is not a port number`, 'use a port in the cluster\'s node port range (30000-32767 by default)');
      }
      if (nodePortKeys.has(`${protocol}/${nodePort}`)) {
        report.add(at(path, 'nodePort'), `the node port ${protocol}/${nodePort} is used twice`, 'give each port its own nodePort');
      }
      nodePortKeys.add(`${protocol}/${nodePort}`);
    }
    if (portKeys.has(`${protocol}/${number}`)) {
      report.add(path, `the port ${protocol}/${number} is listed twice`, 'list each protocol and port once');
    }
    portKeys.add(`${protocol}/${number}`);
  });
}

/** The IP family of an address: 4 or 6. */
function family(address: string): 4 | 6 | undefined {
  const bytes = parseIp(address);
  return bytes ? (bytes.length === 4 ? 4 : 6) : undefined;
}

/** clusterIP and clusterIPs, ipFamilies and ipFamilyPolicy. */
function validateClusterIps(report: Report, spec: JsonObject, clusterIps: string[], clusterIpsPath: string, headless: boolean): void {
  const clusterIp = textAt(spec.clusterIP) ?? '';
  const explicit = listAt(spec.clusterIPs).map((ip) => textAt(ip) ?? '');
  if (clusterIp !== '' && explicit.length > 0 && explicit[0] !== clusterIp) {
    report.add('spec.clusterIPs', 'the first of clusterIPs must equal clusterIP', 'make clusterIPs[0] equal clusterIP, or give only one of them');
  }
  const families = listAt(spec.ipFamilies).map((f) => textAt(f) ?? '');
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') {
      report.add(item('spec.ipFamilies', i), `${q(f)} is not an IP family`, 'use "IPv4" or "IPv6"');
    }
    if (seen.has(f)) {
      report.add(item('spec.ipFamilies', i), `the IP family ${q(f)} is listed twice`, 'list each family once');
    }
    seen.add(f);
  });
  const policy = textAt(spec.ipFamilyPolicy);
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) {
    report.add('spec.ipFamilyPolicy', `${q(policy)} is not an IP family policy`, `use one of ${IP_FAMILY_POLICIES.join(', ')}`);
  }
  if (policy === 'SingleStack' && (families.length > 1 || clusterIps.length > 1)) {
    report.add('spec.ipFamilyPolicy', 'a SingleStack Service cannot have two IP families or two cluster IPs', 'use PreferDualStack or RequireDualStack, or keep one family');
  }
  let valid = true;
  clusterIps.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIps.length > 1) {
        report.add(clusterIpsPath, '"None" must be the only cluster IP', 'keep only "None" for a headless Service');
        valid = false;
      }
      return;
    }
    valid = validateIp(report, ip, explicit.length > 0 ? item('spec.clusterIPs', i) : 'spec.clusterIP', 'cluster IP') && valid;
  });
  if (clusterIps.length > 2) {
    report.add(clusterIpsPath, 'a Service has at most two cluster IPs', 'keep one IPv4 and one IPv6 address at most');
  }
  if (!valid || headless) {
    return;
  }
  if (clusterIps.length > 1 && clusterIps.every((ip) => family(ip) === family(clusterIps[0]))) {
    report.add(clusterIpsPath, 'two cluster IPs must be of different IP families', 'give one IPv4 and one IPv6 address');
  }
  clusterIps.slice(0, families.length).forEach((ip, i) => {
    const expected = families[i] === 'IPv6' ? 6 : 4;
    if ((families[i] === 'IPv4' || families[i] === 'IPv6') && family(ip) !== expected) {
      report.add(explicit.length > 0 ? item('spec.clusterIPs', i) : 'spec.clusterIP', `${q(ip)} is not an IPv${expected} address, as ipFamilies[${i}] says`, 'make the address and ipFamilies agree');
    }
  });
}

function validateSourceRanges(report: Report, ranges: string[], path: (i: number) => string): void {
  ranges.forEach((range, i) => {
    if (!parseCidr(range.trim())) {
      report.add(path(i), `${q(range)} is not a CIDR`, 'give a range such as "203.0.113.0/24"');
    }
  });
}

/** A v1 Service. */
export function validateService(report: Report, service: JsonObject): void {
  const meta = objectAt(service.metadata);
  validateObjectMeta(report, meta, 'metadata', 'dns1035Label');
  const annotations = new Map(stringMapAt(meta?.annotations));
  const mode = annotations.get(TOPOLOGY_MODE_ANNOTATION);
  const hints = annotations.get(TOPOLOGY_HINTS_ANNOTATION);
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    report.add(at('metadata.annotations', TOPOLOGY_MODE_ANNOTATION), `the topology mode ${q(mode)} differs from the topology-aware-hints annotation ${q(hints)}`, 'give both the same value, or drop the older topology-aware-hints annotation');
  }
  const spec = objectAt(service.spec) ?? {};
  const type = textAt(spec.type) ?? 'ClusterIP';
  if (!SERVICE_TYPES.includes(type)) {
    report.add('spec.type', `${q(type)} is not a Service type`, `use one of ${SERVICE_TYPES.join(', ')}`);
  }
  const explicitIps = listAt(spec.clusterIPs).map((ip) => textAt(ip) ?? '');
  const clusterIp = textAt(spec.clusterIP) ?? '';
  const clusterIps = explicitIps.length > 0 ? explicitIps : clusterIp !== '' ? [clusterIp] : [];
  const clusterIpsPath = explicitIps.length > 0 ? 'spec.clusterIPs' : 'spec.clusterIP';
  const headless = clusterIps.length === 1 && clusterIps[0] === 'None';
  if (listAt(spec.ports).length === 0 && !headless && type !== 'ExternalName') {
    report.add('spec.ports', 'the Service has no ports', 'add a port, or make the Service headless (clusterIP: None)');
  }
  if (headless && (type === 'LoadBalancer' || type === 'NodePort')) {
    report.add(clusterIpsPath, `a ${type} Service cannot be headless (clusterIP None)`, 'remove clusterIP: None, or use type ClusterIP');
  }
  if (type === 'ExternalName') {
    if (clusterIps.length > 0) report.add(clusterIpsPath, 'an ExternalName Service has no cluster IP', 'remove clusterIP and clusterIPs');
    if (listAt(spec.ipFamilies).length > 0) report.add('spec.ipFamilies', 'an ExternalName Service has no IP families', 'remove ipFamilies');
    if (spec.ipFamilyPolicy !== undefined) report.add('spec.ipFamilyPolicy', 'an ExternalName Service has no IP family policy', 'remove ipFamilyPolicy');
    const cname = (textAt(spec.externalName) ?? '').replace(/\.$/, '');
    if (cname === '') {
      report.add('spec.externalName', 'an ExternalName Service has no externalName', 'give the DNS name to alias');
    } else if (!isDns1123Subdomain(cname)) {
      report.add('spec.externalName', `${q(spec.externalName)} is not a DNS name (${RULES.dns1123Subdomain})`, 'give a lowercase DNS name such as "db.example.com"');
    }
  } else {
    validateClusterIps(report, spec, clusterIps, clusterIpsPath, headless);
  }
  validatePorts(report, spec, type);
  validateLabels(report, spec.selector, 'spec.selector', 'selector label');
  const affinity = textAt(spec.sessionAffinity) ?? 'None';
  const affinityConfig = objectAt(spec.sessionAffinityConfig);
  if (affinity !== 'None' && affinity !== 'ClientIP') {
    report.add('spec.sessionAffinity', `${q(affinity)} is not a session affinity`, 'use "None" or "ClientIP"');
  } else if (affinity === 'ClientIP') {
    const timeout = objectAt(affinityConfig?.clientIP)?.timeoutSeconds;
    if (timeout !== undefined && timeout !== null && !(Number.isInteger(timeout) && (timeout as number) > 0 && (timeout as number) <= MAX_CLIENT_IP_TIMEOUT_SECONDS)) {
      report.add('spec.sessionAffinityConfig.clientIP.timeoutSeconds', `${q(timeout)} is not from 1 to ${MAX_CLIENT_IP_TIMEOUT_SECONDS} seconds`, 'give a timeout of at most a day (86400)');
    }
  } else if (affinityConfig) {
    report.add('spec.sessionAffinityConfig', 'sessionAffinityConfig is only for sessionAffinity ClientIP', 'remove sessionAffinityConfig, or set sessionAffinity: ClientIP');
  }
  const externalIps = listAt(spec.externalIPs).map((ip) => textAt(ip) ?? '');
  externalIps.forEach((ip, i) => {
    const path = item('spec.externalIPs', i);
    if (validateIp(report, ip, path, 'external IP')) {
      const special = specialAddressKind(parseIp(ip) ?? []);
      if (special) {
        report.add(path, `the external IP ${q(ip)} is ${special}`, 'give an address clients can reach');
      }
    }
  });
  const sourceRanges = listAt(spec.loadBalancerSourceRanges).map((r) => textAt(r) ?? '');
  if (sourceRanges.length > 0) {
    if (type !== 'LoadBalancer') {
      report.add('spec.loadBalancerSourceRanges', 'loadBalancerSourceRanges is only for LoadBalancer Services', 'remove it, or use type LoadBalancer');
    }
    validateSourceRanges(report, sourceRanges, (i) => item('spec.loadBalancerSourceRanges', i));
  } else if (annotations.has(SOURCE_RANGES_ANNOTATION)) {
    const path = at('metadata.annotations', SOURCE_RANGES_ANNOTATION);
    if (type !== 'LoadBalancer') {
      report.add(path, 'the source ranges annotation is only for LoadBalancer Services', 'remove it, or use type LoadBalancer');
    }
    const value = (annotations.get(SOURCE_RANGES_ANNOTATION) ?? '').trim();
    if (value !== '') {
      validateSourceRanges(report, value.split(','), () => path);
    }
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
    report.add('spec.allocateLoadBalancerNodePorts', 'allocateLoadBalancerNodePorts is only for LoadBalancer Services', 'remove it, or use type LoadBalancer');
  }
  const lbClass = textAt(spec.loadBalancerClass);
  if (lbClass !== undefined) {
    if (type !== 'LoadBalancer') {
      report.add('spec.loadBalancerClass', 'loadBalancerClass is only for LoadBalancer Services', 'remove it, or use type LoadBalancer');
    } else if (!isQualifiedName(lbClass)) {
      report.add('spec.loadBalancerClass', `${q(lbClass)} is not a valid load balancer class (${RULES.qualifiedName})`, 'use a class such as "example.com/internal-lb"');
    }
  }
  validateTrafficPolicies(report, spec, type, externalIps.length > 0);
}

function validateTrafficPolicies(report: Report, spec: JsonObject, type: string, hasExternalIps: boolean): void {
  const external = textAt(spec.externalTrafficPolicy);
  const accessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && hasExternalIps);
  if (external !== undefined && external !== '') {
    if (!accessible) {
      report.add('spec.externalTrafficPolicy', 'externalTrafficPolicy is only for Services reachable from outside (NodePort, LoadBalancer, or with externalIPs)', 'remove externalTrafficPolicy');
    } else if (external !== 'Cluster' && external !== 'Local') {
      report.add('spec.externalTrafficPolicy', `${q(external)} is not a traffic policy`, 'use "Cluster" or "Local"');
    }
  }
  const healthCheckNodePort = numberAt(spec.healthCheckNodePort) ?? 0;
  if (healthCheckNodePort !== 0) {
    if (!(type === 'LoadBalancer' && external === 'Local')) {
      report.add('spec.healthCheckNodePort', 'healthCheckNodePort is only for LoadBalancer Services with externalTrafficPolicy Local', 'remove healthCheckNodePort');
    } else if (!isPortNumber(healthCheckNodePort)) {
      report.add('spec.healthCheckNodePort', `${healthCheckNodePort} is not a port number`, 'use a port from 1 to 65535, or leave it to the cluster');
    }
  }
  const internal = textAt(spec.internalTrafficPolicy);
  if (internal !== undefined && internal !== 'Cluster' && internal !== 'Local') {
    report.add('spec.internalTrafficPolicy', `${q(internal)} is not a traffic policy`, 'use "Cluster" or "Local"');
  }
  const distribution = textAt(spec.trafficDistribution);
  if (distribution !== undefined && distribution !== 'PreferClose') {
    report.add('spec.trafficDistribution', `${q(distribution)} is not a traffic distribution Kubernetes 1.33 accepts by default`, 'use "PreferClose", or remove trafficDistribution');
  }
}
