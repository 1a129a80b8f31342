/**
 * Object metadata and label selectors.
 *
 * Rules from kubernetes/kubernetes (restated, not copied):
 * - staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (names, generateName,
 *   namespace, annotation keys and their 256 KiB total, finalizers)
 * - staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (labels, label
 *   selectors)
 * - pkg/apis/core/validation/validation.go at 000f26050b9be6fb3d79fae95e06b47fc96128cd
 *   (ValidateObjectMeta, validateKubeFinalizerName)
 * - staging/src/k8s.io/apiserver/pkg/registry/rest/create.go (every object's name is at least a
 *   valid path segment)
 */
import {
  RULES, isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelValue, isPathSegmentName, isQualifiedName,
  withoutTrailingDash,
} from '../grammar';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, objectAt, stringMapAt, textAt } from './report';

/** Which grammar an object's name follows. */
export type NameRule = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'pathSegment';

/** The most bytes of annotation keys and values an object may carry. */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

const NAME_CHECKS: Record<NameRule, { test: (name: string) => boolean; rule: string }> = {
  dns1123Subdomain: { test: isDns1123Subdomain, rule: `a DNS-1123 subdomain (${RULES.dns1123Subdomain})` },
  dns1123Label: { test: isDns1123Label, rule: `a DNS-1123 label (${RULES.dns1123Label})` },
  dns1035Label: { test: isDns1035Label, rule: `a DNS-1035 label (${RULES.dns1035Label})` },
  pathSegment: { test: isPathSegmentName, rule: 'usable in a URL path (not "." or "..", without "/" or "%")' },
};

/** The finalizers Kubernetes knows without a domain prefix. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** The UTF-8 length of a string, as the server counts annotation bytes. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The metadata of a top-level object. */
export function validateObjectMeta(report: Report, meta: JsonObject | undefined, path: string, nameRule: NameRule): void {
  const name = textAt(meta?.name);
  const generateName = textAt(meta?.generateName);
  const check = NAME_CHECKS[nameRule];
  if (!name && !generateName) {
    report.add(at(path, 'name'), 'the object has no name', 'set metadata.name');
  }
  if (name && !check.test(name)) {
    report.add(at(path, 'name'), `${q(name)} is not a valid name here: it must be ${check.rule}`, `use a name such as ${q(suggestName(name))}`);
  }
  if (generateName && !check.test(withoutTrailingDash(generateName))) {
    report.add(at(path, 'generateName'), `${q(generateName)} is not a valid name prefix: it must be ${check.rule}, a trailing "-" allowed`,
      `use a prefix such as ${q(suggestName(generateName) + '-')}`);
  }
  const namespace = textAt(meta?.namespace);
  if (namespace !== undefined && namespace !== '' && !isDns1123Label(namespace)) {
    report.add(at(path, 'namespace'), `${q(namespace)} is not a valid namespace name (${RULES.dns1123Label})`,
      `use a namespace such as ${q(suggestName(namespace))}`);
  }
  validateLabels(report, meta?.labels, at(path, 'labels'));
  validateAnnotations(report, meta?.annotations, at(path, 'annotations'));
  validateFinalizers(report, meta?.finalizers, at(path, 'finalizers'));
}

/** The metadata of an embedded template: only labels and annotations count. */
export function validateTemplateMeta(report: Report, meta: JsonObject | undefined, path: string): void {
  validateLabels(report, meta?.labels, at(path, 'labels'));
  validateAnnotations(report, meta?.annotations, at(path, 'annotations'));
}

/** One label key (also node selector keys, topology keys, toleration keys). */
export function validateLabelKey(report: Report, key: string, path: string, what = 'label key'): void {
  if (!isQualifiedName(key)) {
    report.add(path, `${q(key)} is not a valid ${what}: it must be a qualified name (${RULES.qualifiedName})`,
      'use a key such as "app" or "example.com/team"');
  }
}

/** One label value (also node selector values, toleration values, selector requirement values). */
export function validateLabelValue(report: Report, value: string, path: string, what = 'label value'): void {
  if (!isLabelValue(value)) {
    report.add(path, `${q(value)} is not a valid ${what} (${RULES.labelValue})`,
      `use a value such as ${q(value.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63))}`);
  }
}

/** A label map: keys qualified names, values label values. */
export function validateLabels(report: Report, labels: unknown, path: string, what = 'label'): void {
  for (const [key, value] of stringMapAt(labels)) {
    validateLabelKey(report, key, at(path, key), `${what} key`);
    validateLabelValue(report, value, at(path, key), `${what} value`);
  }
}

/** Annotations: keys qualified names (compared lowercased), and all of them at most 256 KiB. */
export function validateAnnotations(report: Report, annotations: unknown, path: string): void {
  let total = 0;
  for (const [key, value] of stringMapAt(annotations)) {
    if (!isQualifiedName(key.toLowerCase())) {
      report.add(at(path, key), `${q(key)} is not a valid annotation key: it must be a qualified name (${RULES.qualifiedName})`,
        'use a key such as "example.com/note"');
    }
    total += byteLength(key) + byteLength(value);
  }
  if (total > MAX_ANNOTATIONS_BYTES) {
    report.add(path, `the annotations take ${total} bytes, more than the ${MAX_ANNOTATIONS_BYTES} an object may carry`,
      'move large content into a ConfigMap and keep annotations short');
  }
}

function validateFinalizers(report: Report, finalizers: unknown, path: string): void {
  const names = listAt(finalizers).map(textAt);
  names.forEach((name, i) => {
    if (name === undefined || !isQualifiedName(name)) {
      report.add(item(path, i), `${q(name)} is not a valid finalizer name: it must be a qualified name`, 'use a name such as "example.com/cleanup"');
    } else if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      report.add(item(path, i), `${q(name)} is neither a standard finalizer nor domain-prefixed`, 'prefix it with your domain, such as "example.com/cleanup"');
    }
  });
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    report.add(path, 'the finalizers "orphan" and "foregroundDeletion" cannot both be set', 'keep one of them');
  }
}

const SELECTOR_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** A label selector: its labels, and each expression's key, operator and values. */
export function validateLabelSelector(report: Report, selector: unknown, path: string): void {
  const object = objectAt(selector);
  if (!object) {
    return;
  }
  validateLabels(report, object.matchLabels, at(path, 'matchLabels'));
  listAt(object.matchExpressions).forEach((raw, i) => {
    const expressionPath = item(at(path, 'matchExpressions'), i);
    const expression = objectAt(raw) ?? {};
    const operator = textAt(expression.operator) ?? '';
    const values = listAt(expression.values);
    if (!SELECTOR_OPERATORS.has(operator)) {
      report.add(at(expressionPath, 'operator'), `${q(operator)} is not a label selector operator`, 'use "In", "NotIn", "Exists" or "DoesNotExist"');
    } else if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      report.add(at(expressionPath, 'values'), `the operator ${operator} needs at least one value`, 'list the values to match, or use "Exists"');
    } else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      report.add(at(expressionPath, 'values'), `the operator ${operator} takes no values`, 'remove the values, or use "In"');
    }
    validateLabelKey(report, textAt(expression.key) ?? '', at(expressionPath, 'key'));
    values.forEach((value, j) => validateLabelValue(report, textAt(value) ?? '', item(at(expressionPath, 'values'), j)));
  });
}

/** Whether a valid label selector selects the given labels. */
export function selectorMatches(selector: JsonObject, labels: Record<string, string>): boolean {
  for (const [key, value] of stringMapAt(selector.matchLabels)) {
    if (labels[key] !== value) {
      return false;
    }
  }
  for (const raw of listAt(selector.matchExpressions)) {
    const expression = objectAt(raw) ?? {};
    const key = textAt(expression.key) ?? '';
    const values = listAt(expression.values).map(textAt);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (expression.operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** Whether a selector selects nothing at all (neither labels nor expressions). */
export function isEmptySelector(selector: JsonObject): boolean {
  return stringMapAt(selector.matchLabels).length === 0 && listAt(selector.matchExpressions).length === 0;
}
