import { checkEncryption } from '../encryption/wiring';
import { ApiServerModel } from '../model';
import { Problem, Problems } from '../problems';
import { checkAvailability } from '../availability';
import { checkNetworkPolicy } from '../network-policy';
import { checkCisFlags } from '../security/cis';
import { checkPodSecurity } from '../security/pod-security';
import { checkAffinity } from './affinity';
import { checkArgs } from './args';
import { checkSidecarContainers } from './containers';
import { checkEnv } from './env';
import { checkEtcd } from './etcd';
import { checkImages } from './images';
import { checkMetadata } from './metadata';
import { checkMounts } from './mounts';
import { checkNames } from './names';
import { checkSidecarOptions } from './options';
import { checkPorts } from './ports';
import { checkProbes } from './probes';
import { checkQuantities } from './quantities';
import { checkRenderable } from './render';
import { checkService } from './service';
import { checkVolumes } from './volumes';
import { checkWorkload } from './workload';

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
  // Bad input, one concern a check:
  checkNames,
  checkMetadata,
  checkImages,
  checkPorts,
  checkProbes,
  checkMounts,
  checkEnv,
  checkQuantities,
  checkService,
  checkWorkload,
  checkAffinity,
  checkArgs,
  checkEtcd,
  checkSidecarOptions,
  checkRenderable,
];

/** Runs every check on the model and returns all problems together. */
export function checkModel(model: ApiServerModel, checks: readonly ModelCheck[] = MODEL_CHECKS): readonly Problem[] {
  const problems = new Problems();
  for (const check of checks) {
    check(model, problems);
  }
  return problems.list;
}
