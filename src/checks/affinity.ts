import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { isLabelValue, isQualifiedName, keyField, q } from './grammar';

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const NODE_OPERATORS = [...SELECTOR_OPERATORS, 'Gt', 'Lt'];

/** Affinity: label keys and values in selectors, operators and their values, topology keys, weights. */
export function checkAffinity(model: ApiServerModel, problems: Problems): void {
  const affinity = model.input.affinity;
  if (!affinity) {
    return;
  }
  const node = affinity.nodeAffinity;
  (node?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).forEach((term, i) =>
    checkNodeTerm(term, `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[${i}]`, problems));
  (node?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((p, i) => {
    const field = `affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    checkWeight(p.weight, field, problems);
    checkNodeTerm(p.preference, `${field}.preference`, problems);
  });
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pod = affinity[kind];
    (pod?.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) =>
      checkPodTerm(term, `affinity.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, problems));
    (pod?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((p, i) => {
      const field = `affinity.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      checkWeight(p.weight, field, problems);
      checkPodTerm(p.podAffinityTerm, `${field}.podAffinityTerm`, problems);
    });
  }
}

function checkWeight(weight: number, field: string, problems: Problems): void {
  if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
    problems.add(`${field}.weight`, `${q(weight)} is not a weight`, 'give a whole number from 1 to 100');
  }
}

function checkNodeTerm(term: k8s.NodeSelectorTerm | undefined, field: string, problems: Problems): void {
  for (const kind of ['matchExpressions', 'matchFields'] as const) {
    (term?.[kind] ?? []).forEach((r, i) => checkRequirement(r, `${field}.${kind}[${i}]`, NODE_OPERATORS, problems));
  }
}

function checkPodTerm(term: k8s.PodAffinityTerm | undefined, field: string, problems: Problems): void {
  if (!term) {
    return;
  }
  if (!isQualifiedName(term.topologyKey)) {
    problems.add(`${field}.topologyKey`, `${q(term.topologyKey)} is not a valid topology key (a label key)`,
      'use a node label key such as "kubernetes.io/hostname" or "topology.kubernetes.io/zone"');
  }
  for (const kind of ['labelSelector', 'namespaceSelector'] as const) {
    const selector = term[kind];
    for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) {
      const at = keyField(`${field}.${kind}.matchLabels`, key);
      if (!isQualifiedName(key)) {
        problems.add(at, `${q(key)} is not a valid label key`, 'use a label key such as "app.kubernetes.io/name"');
      } else if (!isLabelValue(value)) {
        problems.add(at, `${q(value)} is not a valid label value`, 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
      }
    }
    (selector?.matchExpressions ?? []).forEach((r, i) => checkRequirement(r, `${field}.${kind}.matchExpressions[${i}]`, SELECTOR_OPERATORS, problems));
  }
}

function checkRequirement(r: { key: string; operator: string; values?: string[] }, field: string, operators: string[], problems: Problems): void {
  if (!isQualifiedName(r.key)) {
    problems.add(`${field}.key`, `${q(r.key)} is not a valid label key`, 'use a label key such as "kubernetes.io/hostname"');
  }
  const values = r.values ?? [];
  if (!operators.includes(r.operator)) {
    problems.add(`${field}.operator`, `${q(r.operator)} is not an operator here`, `use one of ${operators.join(', ')}`);
  } else if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0) {
    problems.add(`${field}.values`, `operator ${r.operator} needs at least one value`, 'list the values to match');
  } else if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0) {
    problems.add(`${field}.values`, `operator ${r.operator} takes no values`, 'remove values');
  } else if ((r.operator === 'Gt' || r.operator === 'Lt') && (values.length !== 1 || !/^-?\d+$/.test(values[0]))) {
    problems.add(`${field}.values`, `operator ${r.operator} takes exactly one whole number`, 'give one value, such as ["3"]');
  }
  if (r.operator === 'In' || r.operator === 'NotIn') {
    values.forEach((v, i) => {
      if (!isLabelValue(v) && !field.includes('matchFields')) {
        problems.add(`${field}.values[${i}]`, `${q(v)} is not a valid label value`, 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
      }
    });
  }
}
