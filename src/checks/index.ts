import { checkEncryption } from '../encryption/wiring';
import { ApiServerModel } from '../model';
import { Problem, Problems } from '../problems';
import { checkAvailability } from '../availability';
import { checkNetworkPolicy } from '../network-policy';
import { checkCisFlags } from '../security/cis';
import { checkPodSecurity } from '../security/pod-security';
import { checkSidecarContainers } from './containers';
import { checkVolumes } from './volumes';

/** A check reads the finished model and adds what is wrong. @internal */
export type ModelCheck = (model: ApiServerModel, problems: Problems) => void;

/** Every check, in the order its problems are reported. */
export const MODEL_CHECKS: readonly ModelCheck[] = [
  checkSidecarContainers,
  checkVolumes,
  checkCisFlags,
  checkPodSecurity,
  checkAvailability,
  checkNetworkPolicy,
  checkEncryption,
];

/** Runs every check on the model and returns all problems together. */
export function checkModel(model: ApiServerModel, checks: readonly ModelCheck[] = MODEL_CHECKS): readonly Problem[] {
  const problems = new Problems();
  for (const check of checks) {
    check(model, problems);
  }
  return problems.list;
}
