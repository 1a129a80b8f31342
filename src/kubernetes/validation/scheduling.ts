/**
 * Where a pod may run and how it resolves names: nodeSelector, tolerations, node and pod
 * (anti-)affinity, topology spread constraints, dnsPolicy and dnsConfig, host aliases.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (ValidateTolerations, validateTaintEffect,
 * validateAffinity, ValidateNodeSelector, ValidateNodeSelectorRequirement,
 * ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms, validatePodAffinityTerm,
 * validateMatchLabelKeysAndMismatchLabelKeys, validateTopologySpreadConstraints,
 * validateMatchLabelKeysInTopologySpread, validateDNSPolicy, validatePodDNSConfig,
 * ValidateHostAliases). DNS search domains follow the relaxed rule that Kubernetes 1.33 applies by
 * default (RelaxedDNSSearchValidation: "_" allowed, "." alone allowed). Restated, not copied.
 */
import { RULES, isDns1123Label, isDns1123Subdomain, isDns1123SubdomainWithUnderscore, isIPv4MappedIPv6, parseIp } from '../grammar';
import { validateLabelKey, validateLabelSelector, validateLabelValue, validateLabels } from './meta';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, stringMapAt, textAt } from './report';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARACTERS = 2048;

/** An IP address in the strict form (Go syntax, not IPv4-mapped IPv6). */
export function validateIp(report: Report, value: string, path: string, what = 'IP address'): boolean {
  const bytes = parseIp(value);
  if (!bytes) {
    report.add(path, `${q(value)} is not a valid ${what}`, 'give an address such as "10.0.0.10" or "fd00::10" (IPv4 without leading zeros)');
    return false;
  }
  if (isIPv4MappedIPv6(bytes)) {
    report.add(path, `${q(value)} is an IPv4 address written as IPv6`, 'write it as a plain IPv4 address');
    return false;
  }
  return true;
}

/** The pod's tolerations. */
export function validateTolerations(report: Report, tolerations: unknown, path: string): void {
  listAt(tolerations).forEach((raw, i) => {
    const toleration = objectAt(raw) ?? {};
    const tolerationPath = item(path, i);
    const key = textAt(toleration.key) ?? '';
    const operator = textAt(toleration.operator) ?? '';
    const value = textAt(toleration.value) ?? '';
    const effect = textAt(toleration.effect) ?? '';
    if (key !== '') {
      validateLabelKey(report, key, at(tolerationPath, 'key'), 'toleration key');
    } else if (operator !== 'Exists') {
      report.add(at(tolerationPath, 'operator'), 'a toleration without a key must use the operator Exists (it then matches every taint)', 'set operator: Exists, or give a key');
    }
    if (toleration.tolerationSeconds !== undefined && toleration.tolerationSeconds !== null && effect !== 'NoExecute') {
      report.add(at(tolerationPath, 'effect'), 'tolerationSeconds only applies to the effect NoExecute', 'set effect: NoExecute, or remove tolerationSeconds');
    }
    if (operator === 'Equal' || operator === '') {
      validateLabelValue(report, value, at(tolerationPath, 'value'), 'toleration value');
    } else if (operator === 'Exists') {
      if (value !== '') {
        report.add(at(tolerationPath, 'value'), 'a toleration with the operator Exists takes no value', 'remove the value, or use the operator Equal');
      }
    } else {
      report.add(at(tolerationPath, 'operator'), `${q(operator)} is not a toleration operator`, 'use "Equal" or "Exists"');
    }
    if (effect !== '' && !TAINT_EFFECTS.includes(effect)) {
      report.add(at(tolerationPath, 'effect'), `${q(effect)} is not a taint effect`, `use one of ${TAINT_EFFECTS.join(', ')}, or leave it empty to match all`);
    }
  });
}

/** One node selector requirement on labels; values are label values unless `anyValues`. */
function validateNodeSelectorRequirement(report: Report, raw: unknown, path: string, anyValues: boolean): void {
  const requirement = objectAt(raw) ?? {};
  const operator = textAt(requirement.operator) ?? '';
  const values = listAt(requirement.values);
  if (!NODE_SELECTOR_OPERATORS.includes(operator)) {
    report.add(at(path, 'operator'), `${q(operator)} is not a node selector operator`, `use one of ${NODE_SELECTOR_OPERATORS.join(', ')}`);
  } else if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
    report.add(at(path, 'values'), `the operator ${operator} needs at least one value`, 'list the values to match');
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
    report.add(at(path, 'values'), `the operator ${operator} takes no values`, 'remove the values');
  } else if ((operator === 'Gt' || operator === 'Lt') && values.length !== 1) {
    report.add(at(path, 'values'), `the operator ${operator} takes exactly one value`, 'give one number');
  }
  validateLabelKey(report, textAt(requirement.key) ?? '', at(path, 'key'), 'node label key');
  if (!anyValues) {
    values.forEach((value, i) => validateLabelValue(report, textAt(value) ?? '', item(at(path, 'values'), i), 'node label value'));
  }
}

/** One node selector requirement on fields: only metadata.name, with In or NotIn and one node name. */
function validateNodeFieldRequirement(report: Report, raw: unknown, path: string): void {
  const requirement = objectAt(raw) ?? {};
  const operator = textAt(requirement.operator) ?? '';
  const values = listAt(requirement.values);
  if (operator !== 'In' && operator !== 'NotIn') {
    report.add(at(path, 'operator'), `${q(operator)} is not an operator for node fields`, 'use "In" or "NotIn"');
  } else if (values.length !== 1) {
    report.add(at(path, 'values'), `a node field requirement takes exactly one value, not ${values.length}`, 'give one node name');
  }
  if (requirement.key !== 'metadata.name') {
    report.add(at(path, 'key'), `${q(requirement.key)} is not a node field that can be selected`, 'use "metadata.name"');
    return;
  }
  values.forEach((value, i) => {
    if (!isDns1123Subdomain(textAt(value) ?? '')) {
      report.add(item(at(path, 'values'), i), `${q(value)} is not a valid node name (${RULES.dns1123Subdomain})`, 'give the node\'s name');
    }
  });
}

function validateNodeSelectorTerm(report: Report, raw: unknown, path: string, anyValues: boolean): void {
  const term = objectAt(raw) ?? {};
  listAt(term.matchExpressions).forEach((r, i) => validateNodeSelectorRequirement(report, r, item(at(path, 'matchExpressions'), i), anyValues));
  listAt(term.matchFields).forEach((r, i) => validateNodeFieldRequirement(report, r, item(at(path, 'matchFields'), i)));
}

function validateWeight(report: Report, weight: unknown, path: string): void {
  const value = numberAt(weight) ?? 0;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    report.add(path, `the weight ${q(weight)} is not from 1 to 100`, 'give a weight from 1 to 100');
  }
}

function validateNodeAffinity(report: Report, affinity: JsonObject, path: string): void {
  const required = objectAt(affinity.requiredDuringSchedulingIgnoredDuringExecution);
  if (required) {
    const termsPath = at(at(path, 'requiredDuringSchedulingIgnoredDuringExecution'), 'nodeSelectorTerms');
    const terms = listAt(required.nodeSelectorTerms);
    if (terms.length === 0) {
      report.add(termsPath, 'required node affinity has no node selector terms', 'add at least one term, or remove requiredDuringSchedulingIgnoredDuringExecution');
    }
    terms.forEach((term, i) => validateNodeSelectorTerm(report, term, item(termsPath, i), false));
  }
  listAt(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
    const preferred = objectAt(raw) ?? {};
    const preferredPath = item(at(path, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
    validateWeight(report, preferred.weight, at(preferredPath, 'weight'));
    // Preferred terms may name label values no node has.
    validateNodeSelectorTerm(report, preferred.preference, at(preferredPath, 'preference'), true);
  });
}

/** The keys a label selector constrains. */
function selectorKeys(selector: JsonObject): Set<string> {
  const keys = new Set(stringMapAt(selector.matchLabels).map(([k]) => k));
  listAt(selector.matchExpressions).forEach((e) => keys.add(textAt(objectAt(e)?.key) ?? ''));
  return keys;
}

function validatePodAffinityTerm(report: Report, raw: unknown, path: string): void {
  const term = objectAt(raw) ?? {};
  const selector = objectAt(term.labelSelector);
  validateLabelSelector(report, term.labelSelector, at(path, 'labelSelector'));
  validateLabelSelector(report, term.namespaceSelector, at(path, 'namespaceSelector'));
  listAt(term.namespaces).forEach((ns, i) => {
    if (!isDns1123Label(textAt(ns) ?? '')) {
      report.add(item(at(path, 'namespaces'), i), `${q(ns)} is not a valid namespace name (${RULES.dns1123Label})`, 'give a namespace name');
    }
  });
  const matchKeys = listAt(term.matchLabelKeys).map((k) => textAt(k) ?? '');
  const mismatchKeys = listAt(term.mismatchLabelKeys).map((k) => textAt(k) ?? '');
  for (const [field, keys] of [['matchLabelKeys', matchKeys], ['mismatchLabelKeys', mismatchKeys]] as const) {
    if (keys.length > 0 && !selector) {
      report.add(at(path, field), `${field} needs a labelSelector`, `add a labelSelector, or remove ${field}`);
    } else {
      keys.forEach((key, i) => validateLabelKey(report, key, item(at(path, field), i)));
    }
  }
  if (selector) {
    const labelKeys = new Set(stringMapAt(selector.matchLabels).map(([k]) => k));
    // A key in matchLabelKeys that also has a matchExpression beside matchLabels can only mean a conflict.
    listAt(selector.matchExpressions).forEach((e) => {
      const key = textAt(objectAt(e)?.key) ?? '';
      const index = matchKeys.indexOf(key);
      if (index >= 0 && labelKeys.has(key)) {
        report.add(item(at(path, 'matchLabelKeys'), index), `${q(key)} is in both matchLabelKeys and labelSelector`, 'remove it from one of them');
      }
      labelKeys.add(key);
    });
  }
  matchKeys.forEach((key, i) => {
    if (mismatchKeys.includes(key)) {
      report.add(item(at(path, 'matchLabelKeys'), i), `${q(key)} is in both matchLabelKeys and mismatchLabelKeys`, 'remove it from one of them');
    }
  });
  const topologyKey = textAt(term.topologyKey) ?? '';
  if (topologyKey === '') {
    report.add(at(path, 'topologyKey'), 'the affinity term has no topologyKey', 'set topologyKey, such as "kubernetes.io/hostname"');
  } else {
    validateLabelKey(report, topologyKey, at(path, 'topologyKey'), 'topology key');
  }
}

function validatePodAffinity(report: Report, affinity: JsonObject, path: string): void {
  listAt(affinity.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, i) =>
    validatePodAffinityTerm(report, term, item(at(path, 'requiredDuringSchedulingIgnoredDuringExecution'), i)));
  listAt(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
    const weighted = objectAt(raw) ?? {};
    const weightedPath = item(at(path, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
    validateWeight(report, weighted.weight, at(weightedPath, 'weight'));
    validatePodAffinityTerm(report, weighted.podAffinityTerm, at(weightedPath, 'podAffinityTerm'));
  });
}

/** spec.affinity. */
export function validateAffinity(report: Report, affinity: unknown, path: string): void {
  const object = objectAt(affinity);
  if (!object) {
    return;
  }
  const node = objectAt(object.nodeAffinity);
  if (node) validateNodeAffinity(report, node, at(path, 'nodeAffinity'));
  const pod = objectAt(object.podAffinity);
  if (pod) validatePodAffinity(report, pod, at(path, 'podAffinity'));
  const anti = objectAt(object.podAntiAffinity);
  if (anti) validatePodAffinity(report, anti, at(path, 'podAntiAffinity'));
}

/** spec.topologySpreadConstraints. */
export function validateTopologySpreadConstraints(report: Report, constraints: unknown, path: string): void {
  const list = listAt(constraints).map((c) => objectAt(c) ?? {});
  list.forEach((constraint, i) => {
    const constraintPath = item(path, i);
    const maxSkew = numberAt(constraint.maxSkew) ?? 0;
    if (maxSkew <= 0) {
      report.add(at(constraintPath, 'maxSkew'), `maxSkew must be at least 1, not ${maxSkew}`, 'set maxSkew to 1 or more');
    }
    const topologyKey = textAt(constraint.topologyKey) ?? '';
    if (topologyKey === '') {
      report.add(at(constraintPath, 'topologyKey'), 'the constraint has no topologyKey', 'set topologyKey, such as "topology.kubernetes.io/zone"');
    }
    const action = textAt(constraint.whenUnsatisfiable) ?? '';
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      report.add(at(constraintPath, 'whenUnsatisfiable'), `${q(action)} is not a whenUnsatisfiable action`, 'use "DoNotSchedule" or "ScheduleAnyway"');
    }
    if (list.slice(i + 1).some((other) => other.topologyKey === constraint.topologyKey && other.whenUnsatisfiable === constraint.whenUnsatisfiable)) {
      report.add(constraintPath, `another constraint has the same topologyKey ${q(topologyKey)} and whenUnsatisfiable ${q(action)}`, 'merge the two constraints');
    }
    const minDomains = constraint.minDomains;
    if (minDomains !== undefined && minDomains !== null) {
      if (!((numberAt(minDomains) ?? 0) > 0)) {
        report.add(at(constraintPath, 'minDomains'), `minDomains must be at least 1, not ${q(minDomains)}`, 'set minDomains to 1 or more, or remove it');
      }
      if (action !== 'DoNotSchedule') {
        report.add(at(constraintPath, 'minDomains'), 'minDomains only works with whenUnsatisfiable DoNotSchedule', 'set whenUnsatisfiable: DoNotSchedule, or remove minDomains');
      }
    }
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const policy = textAt(constraint[field]);
      if (policy !== undefined && policy !== 'Honor' && policy !== 'Ignore') {
        report.add(at(constraintPath, field), `${q(policy)} is not a node inclusion policy`, 'use "Honor" or "Ignore"');
      }
    }
    const selector = objectAt(constraint.labelSelector);
    const keys = listAt(constraint.matchLabelKeys).map((k) => textAt(k) ?? '');
    if (keys.length > 0 && !selector) {
      report.add(at(constraintPath, 'matchLabelKeys'), 'matchLabelKeys needs a labelSelector', 'add a labelSelector, or remove matchLabelKeys');
    }
    const taken = selector ? selectorKeys(selector) : new Set<string>();
    keys.forEach((key, j) => {
      validateLabelKey(report, key, item(at(constraintPath, 'matchLabelKeys'), j));
      if (taken.has(key)) {
        report.add(item(at(constraintPath, 'matchLabelKeys'), j), `${q(key)} is in both matchLabelKeys and labelSelector`, 'remove it from one of them');
      }
    });
    validateLabelSelector(report, constraint.labelSelector, at(constraintPath, 'labelSelector'));
  });
}

/** spec.nodeSelector: a label map. */
export function validateNodeSelector(report: Report, nodeSelector: unknown, path: string): void {
  validateLabels(report, nodeSelector, path, 'node selector');
}

/** spec.dnsPolicy and spec.dnsConfig. */
export function validateDns(report: Report, spec: JsonObject, specPath: string): void {
  const policy = textAt(spec.dnsPolicy) ?? 'ClusterFirst';
  if (!DNS_POLICIES.includes(policy)) {
    report.add(at(specPath, 'dnsPolicy'), `${q(policy)} is not a DNS policy`, `use one of ${DNS_POLICIES.join(', ')}`);
  }
  const config = objectAt(spec.dnsConfig);
  const configPath = at(specPath, 'dnsConfig');
  const nameservers = listAt(config?.nameservers);
  if (policy === 'None' && !config) {
    report.add(configPath, 'dnsPolicy None needs a dnsConfig', 'add dnsConfig with at least one nameserver');
    return;
  }
  if (policy === 'None' && nameservers.length === 0) {
    report.add(at(configPath, 'nameservers'), 'dnsPolicy None needs at least one nameserver', 'list the DNS servers to use');
    return;
  }
  if (!config) {
    return;
  }
  if (nameservers.length > MAX_NAMESERVERS) {
    report.add(at(configPath, 'nameservers'), `${nameservers.length} nameservers are more than the ${MAX_NAMESERVERS} allowed`, 'keep at most 3');
  }
  nameservers.forEach((ns, i) => validateIp(report, textAt(ns) ?? '', item(at(configPath, 'nameservers'), i), 'nameserver address'));
  const searches = listAt(config.searches).map((s) => textAt(s) ?? '');
  if (searches.length > MAX_SEARCHES) {
    report.add(at(configPath, 'searches'), `${searches.length} search domains are more than the ${MAX_SEARCHES} allowed`, 'keep at most 32');
  }
  if (searches.join(' ').length > MAX_SEARCH_CHARACTERS) {
    report.add(at(configPath, 'searches'), `the search list is longer than ${MAX_SEARCH_CHARACTERS} characters`, 'shorten the search list');
  }
  searches.forEach((search, i) => {
    if (search !== '.' && !isDns1123SubdomainWithUnderscore(search.replace(/\.$/, ''))) {
      report.add(item(at(configPath, 'searches'), i), `${q(search)} is not a DNS search domain`, `use a domain such as ${q(suggestName(search))}`);
    }
  });
  listAt(config.options).forEach((raw, i) => {
    if (!textAt(objectAt(raw)?.name)) {
      report.add(item(at(configPath, 'options'), i), 'the DNS option has no name', 'name the option, such as "ndots"');
    }
  });
}

/** spec.hostAliases. */
export function validateHostAliases(report: Report, aliases: unknown, path: string): void {
  listAt(aliases).forEach((raw, i) => {
    const alias = objectAt(raw) ?? {};
    const aliasPath = item(path, i);
    validateIp(report, textAt(alias.ip) ?? '', at(aliasPath, 'ip'));
    listAt(alias.hostnames).forEach((name, j) => {
      if (!isDns1123Subdomain(textAt(name) ?? '')) {
        report.add(item(at(aliasPath, 'hostnames'), j), `${q(name)} is not a host name (${RULES.dns1123Subdomain})`, 'give a lowercase host name');
      }
    });
  });
}

