import type { ApiServerModel } from '../model/types';
import { Problems, q } from '../problems';

const MAX_INT32 = 2 ** 31 - 1;

/** The Deployment's replicas, and a PodDisruptionBudget configuration that sets nothing. */
export function checkWorkload(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  const replicas: unknown = input.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0 || replicas > MAX_INT32) {
    problems.add('replicas', `${q(replicas)} is not a number of pods: it must be a whole number from 0 up`,
      'set replicas to a whole number such as 1 or 3 (3 for high availability)');
  }
  const pdb = input.podDisruptionBudget;
  if (pdb && pdb.minAvailable === undefined && pdb.maxUnavailable === undefined) {
    problems.add('podDisruptionBudgetConfig', 'neither minAvailable nor maxUnavailable is set',
      'set one of them, such as { maxUnavailable: k8s.IntOrString.fromNumber(1) }, or leave podDisruptionBudgetConfig out');
  }
}
