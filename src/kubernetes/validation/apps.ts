/**
 * apps/v1 Deployments and StatefulSets.
 *
 * Rules from kubernetes/kubernetes pkg/apis/apps/validation/validation.go at
 * 2dd1588c490775be7cd90d0afc59c6dcef07032a (ValidateDeployment, ValidateDeploymentSpec,
 * ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidatePositiveIntOrPercent,
 * IsNotMoreThan100Percent, ValidatePodTemplateSpecForReplicaSet, ValidateStatefulSet,
 * ValidateStatefulSetSpec, validateRollingUpdateStatefulSet,
 * ValidatePersistentVolumeClaimRetentionPolicy, ValidateStatefulSetName), with the defaults of
 * pkg/apis/apps/v1/defaults.go (RollingUpdate with 25%/25%, progressDeadlineSeconds 600,
 * OrderedReady, partition 0). A StatefulSet's pod template and claim templates are held to the
 * rules of the pods and claims its controller makes from them: the API server takes the
 * StatefulSet, then refuses every pod or claim. Restated, not copied.
 */
import { RULES, isDns1123Label, isDns1123Subdomain, isPercent } from '../grammar';
import { isEmptySelector, selectorMatches, validateAnnotations, validateLabelSelector, validateLabels, validateObjectMeta } from './meta';
import { validatePodTemplate } from './pod';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, stringMapAt, textAt } from './report';
import { validatePersistentVolumeClaimSpec } from './storage';

/** The longest hash a controller appends to a name ("-" and up to 10 digits). */
const HASH_SUFFIX_LENGTH = 11;

/** An int-or-percent that must be a non-negative integer or a whole percentage. */
function validateIntOrPercent(report: Report, value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      report.add(path, `${value} is not a whole number of zero or more`, 'give a whole number, or a percentage such as "25%"');
    }
  } else if (typeof value === 'string') {
    if (!isPercent(value)) {
      report.add(path, `${q(value)} is not a percentage`, /^[0-9]+$/.test(value) ? `write ${value} as a number, or as "${value}%"` : 'give a percentage such as "25%", or a whole number');
    }
  } else {
    report.add(path, `${q(value)} is neither a number nor a percentage`, 'give a whole number, or a percentage such as "25%"');
  }
}

/** The number an int-or-percent stands for, as the server reads it (a percentage's number; other text as an integer if it is one). */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  const text = textAt(value) ?? '';
  const digits = /^([0-9]+)%?$/.exec(text);
  return digits ? Number(digits[1]) : 0;
}

function validateAtMost100Percent(report: Report, value: unknown, path: string): void {
  if (typeof value === 'string' && isPercent(value) && Number(value.slice(0, -1)) > 100) {
    report.add(path, `${value} is more than 100%`, 'give at most "100%"');
  }
}

function validateNonNegative(report: Report, object: JsonObject, field: string, path: string): void {
  const value = numberAt(object[field]);
  if (value !== undefined && value < 0) {
    report.add(at(path, field), `${field} is negative (${value})`, `set ${field} to zero or more`);
  }
}

/** The selector: present, valid, not empty, and selecting the template's labels. */
function validateWorkloadSelector(report: Report, spec: JsonObject, kind: string): void {
  const selector = objectAt(spec.selector);
  if (!selector) {
    report.add('spec.selector', `the ${kind} has no selector`, 'set spec.selector.matchLabels to labels of the pod template');
    return;
  }
  const before = report.issues.length;
  validateLabelSelector(report, selector, 'spec.selector');
  if (isEmptySelector(selector)) {
    report.add('spec.selector', `an empty selector is not allowed for a ${kind}`, 'select the pod template\'s labels with matchLabels');
    return;
  }
  const labels = Object.fromEntries(stringMapAt(objectAt(objectAt(spec.template)?.metadata)?.labels));
  if (report.issues.length === before && !selectorMatches(selector, labels)) {
    report.add('spec.template.metadata.labels', 'the selector does not select the pod template\'s labels', 'give the template the labels the selector matches');
  }
}

function validateDeploymentStrategy(report: Report, strategy: JsonObject | undefined, path: string): void {
  const type = textAt(strategy?.type) ?? 'RollingUpdate';
  const rolling = objectAt(strategy?.rollingUpdate);
  if (type === 'Recreate') {
    if (rolling) {
      report.add(at(path, 'rollingUpdate'), 'rollingUpdate cannot be set with the Recreate strategy', 'remove rollingUpdate, or use type RollingUpdate');
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    report.add(at(path, 'type'), `${q(type)} is not a deployment strategy`, 'use "RollingUpdate" or "Recreate"');
    return;
  }
  const rollingPath = at(path, 'rollingUpdate');
  const maxUnavailable = rolling?.maxUnavailable ?? '25%';
  const maxSurge = rolling?.maxSurge ?? '25%';
  validateIntOrPercent(report, maxUnavailable, at(rollingPath, 'maxUnavailable'));
  validateIntOrPercent(report, maxSurge, at(rollingPath, 'maxSurge'));
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    report.add(at(rollingPath, 'maxUnavailable'), 'maxUnavailable and maxSurge cannot both be 0: the rollout could never proceed', 'allow at least one extra or one unavailable pod');
  }
  validateAtMost100Percent(report, maxUnavailable, at(rollingPath, 'maxUnavailable'));
}

/** An apps/v1 Deployment. */
export function validateDeployment(report: Report, deployment: JsonObject): void {
  const meta = objectAt(deployment.metadata);
  validateObjectMeta(report, meta, 'metadata', 'dns1123Subdomain');
  const name = textAt(meta?.name) ?? '';
  if (isDns1123Subdomain(name) && name.length + HASH_SUFFIX_LENGTH > 253) {
    report.add('metadata.name', `the name has ${name.length} characters: its ReplicaSets, named "<name>-<hash>", would be longer than 253`, 'shorten the name to at most 242 characters');
  }
  const spec = objectAt(deployment.spec) ?? {};
  validateNonNegative(report, spec, 'replicas', 'spec');
  validateWorkloadSelector(report, spec, 'Deployment');
  validatePodTemplate(report, objectAt(spec.template), 'spec.template', { kind: 'Deployment' });
  validateDeploymentStrategy(report, objectAt(spec.strategy), 'spec.strategy');
  validateNonNegative(report, spec, 'minReadySeconds', 'spec');
  validateNonNegative(report, spec, 'revisionHistoryLimit', 'spec');
  const minReady = numberAt(spec.minReadySeconds) ?? 0;
  const deadline = numberAt(spec.progressDeadlineSeconds) ?? 600;
  if (deadline < 0) {
    report.add('spec.progressDeadlineSeconds', `progressDeadlineSeconds is negative (${deadline})`, 'set it to more than minReadySeconds');
  } else if (deadline <= minReady) {
    report.add(spec.progressDeadlineSeconds === undefined ? 'spec.minReadySeconds' : 'spec.progressDeadlineSeconds',
      `progressDeadlineSeconds (${deadline}${spec.progressDeadlineSeconds === undefined ? ', the default' : ''}) must be more than minReadySeconds (${minReady})`,
      'raise progressDeadlineSeconds above minReadySeconds');
  }
}

function validateStatefulSetStrategy(report: Report, strategy: JsonObject | undefined, path: string): void {
  const type = textAt(strategy?.type) ?? 'RollingUpdate';
  const rolling = objectAt(strategy?.rollingUpdate);
  if (type === 'OnDelete') {
    if (rolling) {
      report.add(at(path, 'rollingUpdate'), 'rollingUpdate is only for the RollingUpdate strategy', 'remove rollingUpdate, or use type RollingUpdate');
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    report.add(at(path, 'type'), `${q(type)} is not a StatefulSet update strategy`, 'use "RollingUpdate" or "OnDelete"');
    return;
  }
  if (!rolling) {
    return;
  }
  const rollingPath = at(path, 'rollingUpdate');
  validateNonNegative(report, rolling, 'partition', rollingPath);
  const maxUnavailable = rolling.maxUnavailable;
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    validateIntOrPercent(report, maxUnavailable, at(rollingPath, 'maxUnavailable'));
    if (intOrPercentValue(maxUnavailable) === 0) {
      report.add(at(rollingPath, 'maxUnavailable'), 'maxUnavailable cannot be 0', 'give at least 1, or remove maxUnavailable');
    }
    validateAtMost100Percent(report, maxUnavailable, at(rollingPath, 'maxUnavailable'));
  }
}

/** The claim templates, returned as the pod volumes the controller adds for them. */
function validateClaimTemplates(report: Report, templates: unknown, statefulSetName: string): Map<string, JsonObject> {
  const volumes = new Map<string, JsonObject>();
  listAt(templates).forEach((raw, i) => {
    const template = objectAt(raw) ?? {};
    const path = item('spec.volumeClaimTemplates', i);
    const meta = objectAt(template.metadata);
    const name = textAt(meta?.name) ?? '';
    if (name === '') {
      report.add(at(at(path, 'metadata'), 'name'), 'the claim template has no name', 'name it; pods mount it under that name');
    } else if (!isDns1123Label(name)) {
      report.add(at(at(path, 'metadata'), 'name'), `${q(name)} is not a valid volume name (${RULES.dns1123Label}), which a claim template's name must be`, `use a name such as ${q(suggestName(name))}`);
    } else if (volumes.has(name)) {
      report.add(at(at(path, 'metadata'), 'name'), `two claim templates are named ${q(name)}`, 'give each claim template its own name');
    } else if (statefulSetName !== '' && `${name}-${statefulSetName}-0`.length > 253) {
      report.add(at(at(path, 'metadata'), 'name'), `the claims "${name}-${statefulSetName}-<n>" would be longer than 253 characters`, 'shorten the claim template or StatefulSet name');
    }
    validateLabels(report, meta?.labels, at(at(path, 'metadata'), 'labels'));
    validateAnnotations(report, meta?.annotations, at(at(path, 'metadata'), 'annotations'));
    validatePersistentVolumeClaimSpec(report, objectAt(template.spec) ?? {}, at(path, 'spec'));
    if (name !== '' && !volumes.has(name)) {
      volumes.set(name, { name, persistentVolumeClaim: { claimName: `${name}-${statefulSetName}` } });
    }
  });
  return volumes;
}

/** An apps/v1 StatefulSet. */
export function validateStatefulSet(report: Report, statefulSet: JsonObject): void {
  const meta = objectAt(statefulSet.metadata);
  validateObjectMeta(report, meta, 'metadata', 'dns1123Label');
  const name = textAt(meta?.name) ?? '';
  if (isDns1123Label(name) && name.length + HASH_SUFFIX_LENGTH > 63) {
    report.add('metadata.name', `the name has ${name.length} characters: the pods' controller-revision-hash label "<name>-<hash>" would be longer than 63`, 'shorten the name to at most 52 characters');
  }
  const spec = objectAt(statefulSet.spec) ?? {};
  const policy = textAt(spec.podManagementPolicy) ?? 'OrderedReady';
  if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    report.add('spec.podManagementPolicy', `${q(policy)} is not a pod management policy`, 'use "OrderedReady" or "Parallel"');
  }
  validateStatefulSetStrategy(report, objectAt(spec.updateStrategy), 'spec.updateStrategy');
  const retention = objectAt(spec.persistentVolumeClaimRetentionPolicy);
  for (const field of ['whenDeleted', 'whenScaled']) {
    const value = textAt(retention?.[field]);
    if (value !== undefined && value !== 'Retain' && value !== 'Delete') {
      report.add(at('spec.persistentVolumeClaimRetentionPolicy', field), `${q(value)} is not a claim retention policy`, 'use "Retain" or "Delete"');
    }
  }
  validateNonNegative(report, spec, 'replicas', 'spec');
  validateNonNegative(report, spec, 'minReadySeconds', 'spec');
  validateNonNegative(report, objectAt(spec.ordinals) ?? {}, 'start', 'spec.ordinals');
  validateWorkloadSelector(report, spec, 'StatefulSet');
  const serviceName = textAt(spec.serviceName) ?? '';
  if (serviceName !== '' && !isDns1123Label(serviceName)) {
    report.add('spec.serviceName', `${q(serviceName)} is not a valid Service name for the pods' subdomain (${RULES.dns1123Label})`, `use the headless Service's name, such as ${q(suggestName(serviceName))}`);
  }
  const claimVolumes = validateClaimTemplates(report, spec.volumeClaimTemplates, name);
  validatePodTemplate(report, objectAt(spec.template), 'spec.template', { kind: 'StatefulSet', addedVolumes: claimVolumes });
}
