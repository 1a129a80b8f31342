/**
 * PersistentVolumeClaims: standalone, as StatefulSet volumeClaimTemplates, and inside ephemeral
 * volumes.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (ValidatePersistentVolumeClaim,
 * ValidatePersistentVolumeClaimSpec, validateDataSource, validateDataSourceRef,
 * ValidatePersistentVolumeClaimTemplate, ValidateTemplateObjectMeta). Restated, not copied.
 */
import { RULES, compareQuantities, isDns1123Label, isDns1123Subdomain, parseQuantity } from '../grammar';
import { validateAnnotations, validateLabelSelector, validateLabels, validateObjectMeta } from './meta';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, objectAt, textAt } from './report';

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const ZERO = { numerator: 0n, denominator: 1n };

function validateDataSource(report: Report, source: JsonObject, path: string, withNamespace: boolean): void {
  if (!textAt(source.name)) {
    report.add(at(path, 'name'), 'the data source has no name', 'name the object to copy from');
  }
  const kind = textAt(source.kind) ?? '';
  if (kind === '') {
    report.add(at(path, 'kind'), 'the data source has no kind', 'give its kind, such as "VolumeSnapshot"');
  }
  const apiGroup = textAt(source.apiGroup) ?? '';
  if (apiGroup === '' && kind !== 'PersistentVolumeClaim') {
    report.add(path, `a data source of kind ${q(kind)} without an apiGroup must be a PersistentVolumeClaim`, 'set apiGroup, such as "snapshot.storage.k8s.io" for a VolumeSnapshot');
  }
  if (apiGroup !== '' && !isDns1123Subdomain(apiGroup)) {
    report.add(at(path, 'apiGroup'), `${q(apiGroup)} is not an API group name (${RULES.dns1123Subdomain})`, 'use a group such as "snapshot.storage.k8s.io"');
  }
  const namespace = textAt(source.namespace) ?? '';
  if (withNamespace && namespace !== '' && !isDns1123Label(namespace)) {
    report.add(at(path, 'namespace'), `${q(namespace)} is not a valid namespace name (${RULES.dns1123Label})`, `use a namespace such as ${q(suggestName(namespace))}`);
  }
}

/** A claim's spec. */
export function validatePersistentVolumeClaimSpec(report: Report, spec: JsonObject, path: string): void {
  const modes = listAt(spec.accessModes).map((m) => textAt(m) ?? '');
  if (modes.length === 0) {
    report.add(at(path, 'accessModes'), 'the claim has no access mode', 'give at least one, such as ["ReadWriteOnce"]');
  }
  modes.forEach((mode, i) => {
    if (!ACCESS_MODES.includes(mode)) {
      report.add(item(at(path, 'accessModes'), i), `${q(mode)} is not an access mode`, `use one of ${ACCESS_MODES.join(', ')}`);
    }
  });
  if (modes.includes('ReadWriteOncePod') && modes.some((m) => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))) {
    report.add(at(path, 'accessModes'), 'ReadWriteOncePod cannot be combined with other access modes', 'use ReadWriteOncePod alone');
  }
  validateLabelSelector(report, spec.selector, at(path, 'selector'));
  const requestsPath = at(at(path, 'resources'), 'requests');
  const storage = objectAt(objectAt(spec.resources)?.requests)?.storage;
  if (storage === undefined || storage === null) {
    report.add(at(requestsPath, 'storage'), 'the claim requests no storage', 'set resources.requests.storage, such as "8Gi"');
  } else {
    const amount = parseQuantity(storage);
    if (!amount) {
      report.add(at(requestsPath, 'storage'), `${q(storage)} is not a Kubernetes quantity`, 'give a size such as "8Gi"');
    } else if (compareQuantities(amount, ZERO) <= 0) {
      report.add(at(requestsPath, 'storage'), `the claim requests ${q(storage)} of storage, which is not more than zero`, 'request a positive size, such as "8Gi"');
    }
  }
  for (const field of ['storageClassName', 'volumeAttributesClassName']) {
    const name = textAt(spec[field]) ?? '';
    if (name !== '' && !isDns1123Subdomain(name)) {
      report.add(at(path, field), `${q(name)} is not a valid class name (${RULES.dns1123Subdomain})`, `use a name such as ${q(suggestName(name))}`);
    }
  }
  const volumeMode = textAt(spec.volumeMode);
  if (volumeMode !== undefined && !VOLUME_MODES.includes(volumeMode)) {
    report.add(at(path, 'volumeMode'), `${q(volumeMode)} is not a volume mode`, 'use "Filesystem" or "Block"');
  }
  const dataSource = objectAt(spec.dataSource);
  const dataSourceRef = objectAt(spec.dataSourceRef);
  if (dataSource) {
    validateDataSource(report, dataSource, at(path, 'dataSource'), false);
  }
  if (dataSourceRef) {
    validateDataSource(report, dataSourceRef, at(path, 'dataSourceRef'), true);
  }
  if (dataSource && dataSourceRef) {
    if ((textAt(dataSourceRef.namespace) ?? '') !== '') {
      report.add(at(path, 'dataSource'), 'dataSource cannot be set when dataSourceRef has a namespace', 'remove dataSource');
    } else if ((textAt(dataSource.apiGroup) ?? '') !== (textAt(dataSourceRef.apiGroup) ?? '') || dataSource.kind !== dataSourceRef.kind || dataSource.name !== dataSourceRef.name) {
      report.add(at(path, 'dataSource'), 'dataSource and dataSourceRef name different objects', 'make them equal, or keep only dataSourceRef');
    }
  }
}

/** The metadata of an ephemeral volume's claim template: labels and annotations only. */
export function validateClaimTemplateMeta(report: Report, meta: JsonObject | undefined, path: string): void {
  validateLabels(report, meta?.labels, at(path, 'labels'));
  validateAnnotations(report, meta?.annotations, at(path, 'annotations'));
  for (const field of Object.keys(meta ?? {})) {
    if (field !== 'labels' && field !== 'annotations' && meta?.[field] !== undefined) {
      report.add(at(path, field), `an ephemeral volume's claim template cannot set metadata.${field}`, `remove ${field}; the claim is named after the pod and volume`);
    }
  }
}

/** A standalone PersistentVolumeClaim. */
export function validatePersistentVolumeClaim(report: Report, claim: JsonObject): void {
  validateObjectMeta(report, objectAt(claim.metadata), 'metadata', 'dns1123Subdomain');
  validatePersistentVolumeClaimSpec(report, objectAt(claim.spec) ?? {}, 'spec');
}
