import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { isQualifiedName, q } from './grammar';

const MAX_INT32 = 2 ** 31 - 1;

/** The Deployment's replicas, the PodDisruptionBudget's settings, and the pods' tolerations. */
export function checkWorkload(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  const replicas: unknown = input.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0 || replicas > MAX_INT32) {
    problems.add('replicas', `${q(replicas)} is not a number of pods: it must be a whole number from 0 up`,
      'set replicas to a whole number such as 1 or 3 (3 for high availability)');
  }

  const pdb = input.podDisruptionBudget;
  if (pdb) {
    if (pdb.minAvailable !== undefined && pdb.maxUnavailable !== undefined) {
      problems.add('podDisruptionBudgetConfig', 'both minAvailable and maxUnavailable are set, and a PodDisruptionBudget takes only one',
        'keep one of them: maxUnavailable (such as 1) adapts as replicas change');
    } else if (pdb.minAvailable === undefined && pdb.maxUnavailable === undefined) {
      problems.add('podDisruptionBudgetConfig', 'neither minAvailable nor maxUnavailable is set',
        'set one of them, such as { maxUnavailable: k8s.IntOrString.fromNumber(1) }, or leave podDisruptionBudgetConfig out');
    }
    checkIntOrPercent(pdb.minAvailable, 'podDisruptionBudgetConfig.minAvailable', problems);
    checkIntOrPercent(pdb.maxUnavailable, 'podDisruptionBudgetConfig.maxUnavailable', problems);
  }

  input.tolerations.forEach((toleration, i) => checkToleration(toleration, `tolerations[${i}]`, problems));
}

function checkIntOrPercent(value: k8s.IntOrString | undefined, field: string, problems: Problems): void {
  if (value === undefined) {
    return;
  }
  const raw: unknown = value.value;
  const fix = 'give a whole number of pods with k8s.IntOrString.fromNumber(1), or a percentage with k8s.IntOrString.fromString("50%")';
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0 || raw > MAX_INT32) {
      problems.add(field, `${q(raw)} is not a number of pods: it must be a whole number from 0 up`, fix);
    }
  } else if (typeof raw !== 'string' || !/^\d+%$/.test(raw)) {
    problems.add(field, `${q(raw)} is neither a whole number nor a percentage such as "50%"`, fix);
  } else if (Number(raw.slice(0, -1)) > 100) {
    problems.add(field, `${q(raw)} is more than 100%`, 'give a percentage from 0% to 100%');
  }
}

function checkToleration(t: k8s.Toleration, field: string, problems: Problems): void {
  if (t.operator === 'Exists' && t.value !== undefined && t.value !== '') {
    problems.add(`${field}.value`, `a toleration with operator "Exists" matches any value, so it takes no value (${q(t.value)} is set)`,
      'remove value, or use operator "Equal" to match that value');
  }
  if ((t.key === undefined || t.key === '') && t.operator !== 'Exists') {
    problems.add(`${field}.key`, 'a toleration without a key must use operator "Exists" (it then tolerates every taint)',
      'give the taint key, or set operator to "Exists"');
  } else if (t.key !== undefined && t.key !== '' && !isQualifiedName(t.key)) {
    problems.add(`${field}.key`, `${q(t.key)} is not a valid taint key`, 'use a label-style key such as "node-role.kubernetes.io/control-plane"');
  }
  if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
    problems.add(`${field}.tolerationSeconds`, 'tolerationSeconds applies to the NoExecute effect only',
      'set effect to "NoExecute", or remove tolerationSeconds');
  }
}
