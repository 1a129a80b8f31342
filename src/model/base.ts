/**
 * The base step: the operator's wiring of the API server (its flags, the certificate volume, and
 * etcd).
 */
import { apiServerCertificateVolume } from '../certificates/layout';
import { addFlags, featureGatesFlag, operatorFlags } from './flags';
import { CERT_DIR, CERT_VOLUME } from './layout';
import type { ModelDraft } from './types';

/** The operator's flags, the certificate Secret volume, and the etcd wiring. */
export function baseStep(draft: ModelDraft): void {
  const { input, names, etcd } = draft;
  addFlags(
    draft.flags,
    operatorFlags({ serviceSubnet: input.serviceSubnet, clusterDomain: input.clusterDomain }),
    etcd.flags,
    featureGatesFlag(input.featureGates),
  );
  draft.volumes.push(
    input.certificates !== undefined
      ? apiServerCertificateVolume(input.certificates)
      : { name: CERT_VOLUME, secret: { secretName: input.certificateSecretName ?? names.certSecret } },
    etcd.volume,
  );
  draft.apiServerMounts.push({ name: CERT_VOLUME, mountPath: CERT_DIR, readOnly: true }, etcd.volumeMount);
}
