import { checkEncryption } from '../encryption/checks';
import type { ApiServerModel } from '../model/types';
import { Problem, Problems } from '../problems';
import { checkAvailability } from './availability';
import { checkCisFlags } from './cis';
import { checkMountPaths, checkProbePorts, checkSidecarContainers } from './containers';
import { checkEtcd } from './etcd';
import { checkFlagFiles, checkFlags, checkFlagsOfProps } from './flags';
import { checkImages } from './images';
import { checkMetadata } from './metadata';
import { checkNames } from './names';
import { checkNetworkPolicy } from './network-policy';
import { checkSidecarOptions } from './options';
import { checkPodSecurity } from './pod-security';
import { checkReferences } from './references';
import { checkService } from './service';
import { checkWorkload } from './workload';

/** A check reads the finished model and adds what is wrong. */
export type ModelCheck = (model: ApiServerModel, problems: Problems) => void;

/** Every check, in the order its problems are reported. */
export const MODEL_CHECKS: readonly ModelCheck[] = [
  checkFlagsOfProps,
  checkSidecarContainers,
  checkProbePorts,
  checkMountPaths,
  checkPodSecurity,
  checkAvailability,
  checkNetworkPolicy,
  checkEncryption,
  // Bad input, one concern a check:
  checkNames,
  checkMetadata,
  checkImages,
  checkService,
  checkWorkload,
  checkEtcd,
  checkReferences,
  checkSidecarOptions,
  // The command line last: a flag's problem found above (the image tag, the encryption wiring)
  // says more than a second one on the same field would.
  checkFlags,
  checkCisFlags,
  checkFlagFiles,
];

/** Runs every check on the model and returns all problems together. */
export function checkModel(model: ApiServerModel, checks: readonly ModelCheck[] = MODEL_CHECKS): readonly Problem[] {
  const problems = new Problems();
  for (const check of checks) {
    check(model, problems);
  }
  return problems.list;
}
