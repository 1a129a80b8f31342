/**
 * Pod templates and pod specs, as embedded in workloads.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (ValidatePodTemplateSpec, ValidatePodSpec,
 * ValidatePodSpecificAnnotations, validatePodResourceClaims, validateRestartPolicy,
 * ValidatePreemptionPolicy, validateReadinessGates, validateSchedulingGates, validateImagePullSecrets)
 * and, for what every pod made from a template must also pass, validatePodMetadataAndSpec.
 * Restated, not copied. Defaults first: restartPolicy Always, terminationGracePeriodSeconds 30.
 */
import { RULES, isDns1123Label, isDns1123Subdomain, isQualifiedName } from '../grammar';
import { PodFacts, validateContainers, validateInitContainers } from './containers';
import { validateTemplateMeta } from './meta';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, stringMapAt, textAt } from './report';
import { validateResourceRequirements } from './resources';
import { validateAffinity, validateDns, validateHostAliases, validateNodeSelector, validateTolerations, validateTopologySpreadConstraints } from './scheduling';
import { validateHostProcess, validateOs, validatePodSecurityContext, validateSecurityAnnotations } from './security';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DEFAULT_GRACE_PERIOD_SECONDS = 30;
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const TOLERATIONS_ANNOTATION = 'scheduler.alpha.kubernetes.io/tolerations';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** How a workload constrains the pods of its template. */
export interface TemplateOptions {
  /** The workload's kind, for messages. */
  readonly kind: string;
  /** Volumes the controller adds to each pod (a StatefulSet's claim templates), by name. */
  readonly addedVolumes?: ReadonlyMap<string, JsonObject>;
}

function validateName(report: Report, value: unknown, path: string, rule: 'label' | 'subdomain', what: string): void {
  const name = textAt(value);
  if (name === undefined || name === '') {
    return;
  }
  const ok = rule === 'label' ? isDns1123Label(name) : isDns1123Subdomain(name);
  if (!ok) {
    report.add(path, `${q(name)} is not a valid ${what} (${rule === 'label' ? RULES.dns1123Label : RULES.dns1123Subdomain})`, `use a name such as ${q(suggestName(name))}`);
  }
}

function validateResourceClaims(report: Report, claims: unknown, path: string): Set<string> {
  const names = new Set<string>();
  listAt(claims).forEach((raw, i) => {
    const claim = objectAt(raw) ?? {};
    const claimPath = item(path, i);
    const name = textAt(claim.name) ?? '';
    if (name === '') {
      report.add(at(claimPath, 'name'), 'the resource claim has no name', 'name the claim');
    } else if (names.has(name)) {
      report.add(at(claimPath, 'name'), `the resource claim name ${q(name)} is used twice`, 'give each claim its own name');
    } else {
      validateName(report, name, at(claimPath, 'name'), 'label', 'resource claim name');
      names.add(name);
    }
    const sources = ['resourceClaimName', 'resourceClaimTemplateName'].filter((s) => textAt(claim[s]) !== undefined);
    if (sources.length !== 1) {
      report.add(claimPath, sources.length === 0 ? 'the resource claim names neither a claim nor a claim template' : 'the resource claim names both a claim and a claim template',
        'give exactly one of resourceClaimName, resourceClaimTemplateName');
    }
    for (const source of sources) {
      if (!isDns1123Subdomain(textAt(claim[source]) ?? '')) {
        report.add(at(claimPath, source), `${q(claim[source])} is not a valid object name (${RULES.dns1123Subdomain})`, 'give the name of the object');
      }
    }
  });
  return names;
}

function validateGates(report: Report, spec: JsonObject, specPath: string): void {
  listAt(spec.readinessGates).forEach((raw, i) => {
    const condition = textAt(objectAt(raw)?.conditionType) ?? '';
    if (!isQualifiedName(condition)) {
      report.add(at(item(at(specPath, 'readinessGates'), i), 'conditionType'), `${q(condition)} is not a valid condition type (${RULES.qualifiedName})`, 'use a type such as "example.com/ready"');
    }
  });
  const seen = new Set<string>();
  listAt(spec.schedulingGates).forEach((raw, i) => {
    const name = textAt(objectAt(raw)?.name) ?? '';
    const gatePath = item(at(specPath, 'schedulingGates'), i);
    if (!isQualifiedName(name)) {
      report.add(gatePath, `${q(name)} is not a valid scheduling gate name (${RULES.qualifiedName})`, 'use a name such as "example.com/wait"');
    } else if (seen.has(name)) {
      report.add(gatePath, `the scheduling gate ${q(name)} is listed twice`, 'list each gate once');
    }
    seen.add(name);
  });
}

/** A pod spec as a template for pods of a workload. */
export function validatePodSpec(report: Report, spec: JsonObject, specPath: string, options: TemplateOptions): void {
  const gracePeriodSeconds = numberAt(spec.terminationGracePeriodSeconds) ?? DEFAULT_GRACE_PERIOD_SECONDS;
  const restartPolicy = textAt(spec.restartPolicy) ?? 'Always';
  const volumes = validateVolumes(report, spec.volumes, at(specPath, 'volumes'));
  for (const [name, volume] of options.addedVolumes ?? []) {
    volumes.set(name, volume);
  }
  const claimNames = validateResourceClaims(report, spec.resourceClaims, at(specPath, 'resourceClaims'));
  const pod: PodFacts = {
    volumes,
    claimNames,
    gracePeriodSeconds,
    restartPolicy,
    hostUsers: spec.hostUsers !== false,
    hostNetwork: spec.hostNetwork === true,
  };
  validateContainers(report, spec.containers, at(specPath, 'containers'), pod);
  validateInitContainers(report, spec.initContainers, spec.containers, at(specPath, 'initContainers'), pod);
  if (listAt(spec.ephemeralContainers).length > 0) {
    report.add(at(specPath, 'ephemeralContainers'), 'a pod template cannot have ephemeral containers', 'remove ephemeralContainers; add them to running pods with kubectl debug');
  }
  validateResourceRequirements(report, spec.resources, at(specPath, 'resources'), claimNames, 'pod');
  if (objectAt(spec.overhead)) {
    validateResourceRequirements(report, { limits: spec.overhead }, at(specPath, 'overhead'), claimNames);
  }
  if (!RESTART_POLICIES.includes(restartPolicy)) {
    report.add(at(specPath, 'restartPolicy'), `${q(restartPolicy)} is not a restart policy`, 'use "Always", "OnFailure" or "Never"');
  } else if (restartPolicy !== 'Always') {
    report.add(at(specPath, 'restartPolicy'), `the pods of a ${options.kind} must have restartPolicy Always, not ${restartPolicy}`, 'remove restartPolicy or set it to "Always"');
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    report.add(at(specPath, 'activeDeadlineSeconds'), `the pods of a ${options.kind} cannot have activeDeadlineSeconds`, 'remove activeDeadlineSeconds');
  }
  validateDns(report, spec, specPath);
  validateNodeSelector(report, spec.nodeSelector, at(specPath, 'nodeSelector'));
  validatePodSecurityContext(report, spec, specPath);
  listAt(spec.imagePullSecrets).forEach((raw, i) => {
    const name = textAt(objectAt(raw)?.name) ?? '';
    if (name !== '' && !isDns1123Subdomain(name)) {
      report.add(at(item(at(specPath, 'imagePullSecrets'), i), 'name'), `${q(name)} is not a valid Secret name (${RULES.dns1123Subdomain})`, `use a name such as ${q(suggestName(name))}`);
    }
  });
  validateAffinity(report, spec.affinity, at(specPath, 'affinity'));
  validateGates(report, spec, specPath);
  validateTopologySpreadConstraints(report, spec.topologySpreadConstraints, at(specPath, 'topologySpreadConstraints'));
  validateHostProcess(report, spec, specPath);
  // The deprecated serviceAccount field stands in for serviceAccountName when that is empty.
  const serviceAccountField = textAt(spec.serviceAccountName) ? 'serviceAccountName' : 'serviceAccount';
  validateName(report, spec[serviceAccountField], at(specPath, serviceAccountField), 'subdomain', 'ServiceAccount name');
  validateName(report, spec.nodeName, at(specPath, 'nodeName'), 'subdomain', 'node name');
  validateName(report, spec.hostname, at(specPath, 'hostname'), 'label', 'host name');
  validateName(report, spec.subdomain, at(specPath, 'subdomain'), 'label', 'subdomain');
  validateName(report, spec.priorityClassName, at(specPath, 'priorityClassName'), 'subdomain', 'PriorityClass name');
  validateName(report, spec.runtimeClassName, at(specPath, 'runtimeClassName'), 'subdomain', 'RuntimeClass name');
  validateTolerations(report, spec.tolerations, at(specPath, 'tolerations'));
  validateHostAliases(report, spec.hostAliases, at(specPath, 'hostAliases'));
  const preemption = textAt(spec.preemptionPolicy);
  if (preemption !== undefined && preemption !== 'PreemptLowerPriority' && preemption !== 'Never') {
    report.add(at(specPath, 'preemptionPolicy'), `${q(preemption)} is not a preemption policy`, 'use "PreemptLowerPriority" or "Never"');
  }
  validateOs(report, spec, specPath);
}

/** Whether a pod deletion cost is an int32 written plainly (no "+", no leading zeros). */
function isDeletionCost(value: string): boolean {
  return /^(0|-?[1-9][0-9]*)$/.test(value) && Number(value) >= -2147483648 && Number(value) <= 2147483647;
}

function validatePodAnnotations(report: Report, annotations: unknown, path: string, spec: JsonObject): void {
  const map = new Map(stringMapAt(annotations));
  const cost = map.get(DELETION_COST_ANNOTATION);
  if (cost !== undefined && !isDeletionCost(cost)) {
    report.add(at(path, DELETION_COST_ANNOTATION), `${q(cost)} is not a 32-bit integer`, 'give a whole number such as "100" (no "+", no leading zeros)');
  }
  if (map.has(MIRROR_POD_ANNOTATION) && !textAt(spec.nodeName)) {
    report.add(at(path, MIRROR_POD_ANNOTATION), 'the mirror pod annotation needs spec.nodeName', 'remove the annotation: it is for static pods');
  }
  const tolerations = map.get(TOLERATIONS_ANNOTATION);
  if (tolerations !== undefined && tolerations !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(tolerations);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
      report.add(at(path, TOLERATIONS_ANNOTATION), 'the tolerations annotation is not a JSON list of tolerations', 'use spec.tolerations instead');
    } else {
      validateTolerations(report, parsed, at(path, TOLERATIONS_ANNOTATION));
    }
  }
}

/** A workload's pod template: its metadata, its annotations' pod rules, and its spec. */
export function validatePodTemplate(report: Report, template: JsonObject | undefined, path: string, options: TemplateOptions): void {
  if (!template) {
    report.add(path, `the ${options.kind} has no pod template`, 'give spec.template');
    return;
  }
  const meta = objectAt(template.metadata);
  const spec = objectAt(template.spec) ?? {};
  const specPath = at(path, 'spec');
  validateTemplateMeta(report, meta, at(path, 'metadata'));
  validatePodAnnotations(report, meta?.annotations, at(at(path, 'metadata'), 'annotations'), spec);
  validatePodSpec(report, spec, specPath, options);
  validateSecurityAnnotations(report, meta?.annotations, at(at(path, 'metadata'), 'annotations'), spec, specPath);
}
