/**
 * Pod volumes: names, exactly one source each, and each source's own rules (secret, configMap,
 * emptyDir, hostPath, projected with its sources, downwardAPI, csi, ephemeral,
 * persistentVolumeClaim, nfs, gitRepo, image, and the required fields of the other in-tree
 * sources).
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (ValidateVolumes, validateVolumeSource and the
 * validate*VolumeSource functions it calls, validateKeyToPath, validateDownwardAPIVolumeFile,
 * validateProjectionSources, ValidateCSIDriverName, validateEphemeralVolumeSource,
 * ValidateTemplateObjectMeta, validateImageVolumeSource), with the defaults of
 * pkg/apis/core/v1/defaults.go (a service account token lives 3600 s unless told otherwise).
 * Restated, not copied.
 */
import { RULES, isDns1123Label, isDns1123Subdomain, isAbsolutePath, hasBackstep, parseQuantity } from '../grammar';
import { VOLUME_FIELD_PATHS, validateFieldRef, validateResourceFieldRef } from './containers';
import { validateFilePath, validateRelativePath } from './files';
import { validateLabelSelector } from './meta';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, textAt } from './report';
import { validatePersistentVolumeClaimSpec, validateClaimTemplateMeta } from './storage';

/** Every volume source the v1 API has. */
const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume',
  'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];

/** The fields the older in-tree sources require (one row per source). */
const REQUIRED_SOURCE_FIELDS: Record<string, readonly string[]> = {
  gcePersistentDisk: ['pdName'],
  awsElasticBlockStore: ['volumeID'],
  iscsi: ['targetPortal', 'iqn'],
  glusterfs: ['endpoints', 'path'],
  rbd: ['monitors', 'image'],
  flexVolume: ['driver'],
  cinder: ['volumeID'],
  cephfs: ['monitors'],
  azureFile: ['secretName', 'shareName'],
  vsphereVolume: ['volumePath'],
  quobyte: ['registry', 'volume'],
  azureDisk: ['diskName', 'diskURI'],
  photonPersistentDisk: ['pdID'],
  portworxVolume: ['volumeID'],
  scaleIO: ['gateway', 'system', 'volumeName'],
  storageos: ['volumeName'],
};

/** The host path types the kubelet knows ("" means no check). */
const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

/** The longest a projected service account token may live, and the shortest. */
const MAX_TOKEN_SECONDS = 2 ** 32;
const MIN_TOKEN_SECONDS = 10 * 60;

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** A file mode: 0 to 0777 (511). */
function validateMode(report: Report, mode: unknown, path: string): void {
  if (mode !== undefined && mode !== null && !(Number.isInteger(mode) && (mode as number) >= 0 && (mode as number) <= 0o777)) {
    report.add(path, `${q(mode)} is not a file mode from 0 to 0777 (511 in decimal)`, 'give the mode in decimal, such as 420 for 0644 or 256 for 0400');
  }
}

/** One items entry of a secret or configMap: a key, and a file path inside the volume. */
function validateKeyToPath(report: Report, raw: unknown, path: string): void {
  const entry = objectAt(raw) ?? {};
  if (!textAt(entry.key)) {
    report.add(at(path, 'key'), 'the item has no key', 'give the key to project');
  }
  const file = textAt(entry.path) ?? '';
  if (file === '') {
    report.add(at(path, 'path'), 'the item has no path', 'give the file name to write the key to');
  }
  validateFilePath(report, file, at(path, 'path'));
  validateMode(report, entry.mode, at(path, 'mode'));
}

/** One downward API file: a path, and exactly one of fieldRef and resourceFieldRef. */
function validateDownwardApiFile(report: Report, raw: unknown, path: string): void {
  const file = objectAt(raw) ?? {};
  const filePath = textAt(file.path) ?? '';
  if (filePath === '') {
    report.add(at(path, 'path'), 'the downward API file has no path', 'give the file name');
  }
  validateFilePath(report, filePath, at(path, 'path'));
  const fieldRef = objectAt(file.fieldRef);
  const resourceFieldRef = objectAt(file.resourceFieldRef);
  if (fieldRef) {
    validateFieldRef(report, fieldRef, at(path, 'fieldRef'), VOLUME_FIELD_PATHS);
    if (resourceFieldRef) {
      report.add(path, 'the file has both a fieldRef and a resourceFieldRef', 'keep one of them');
    }
  } else if (resourceFieldRef) {
    validateResourceFieldRef(report, resourceFieldRef, at(path, 'resourceFieldRef'), true);
  } else {
    report.add(path, 'the file has neither a fieldRef nor a resourceFieldRef', 'give one of them');
  }
  validateMode(report, file.mode, at(path, 'mode'));
}

function validateProjected(report: Report, source: JsonObject, path: string): void {
  validateMode(report, source.defaultMode, at(path, 'defaultMode'));
  const paths = new Set<string>();
  const claimPath = (file: string, where: string): void => {
    if (file === '') {
      return;
    }
    if (paths.has(file)) {
      report.add(where, `two projected sources write the file ${q(file)}`, 'give each projected file its own path');
    }
    paths.add(file);
  };
  listAt(source.sources).forEach((raw, i) => {
    const projection = objectAt(raw) ?? {};
    const sourcePath = item(at(path, 'sources'), i);
    const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'].filter((k) => objectAt(projection[k]));
    if (kinds.length > 1) {
      report.add(sourcePath, `one projected source holds ${kinds.join(' and ')}`, 'give each kind of projection its own entry in sources');
    }
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = objectAt(projection[kind]);
      if (!ref) continue;
      if (!textAt(ref.name)) {
        report.add(at(at(sourcePath, kind), 'name'), `the projected ${kind} has no name`, `name the ${kind === 'secret' ? 'Secret' : 'ConfigMap'}`);
      }
      listAt(ref.items).forEach((entry, j) => {
        const entryPath = item(at(at(sourcePath, kind), 'items'), j);
        validateKeyToPath(report, entry, entryPath);
        claimPath(textAt(objectAt(entry)?.path) ?? '', at(entryPath, 'path'));
      });
    }
    const downward = objectAt(projection.downwardAPI);
    listAt(downward?.items).forEach((entry, j) => {
      const entryPath = item(at(at(sourcePath, 'downwardAPI'), 'items'), j);
      validateDownwardApiFile(report, entry, entryPath);
      claimPath(textAt(objectAt(entry)?.path) ?? '', at(entryPath, 'path'));
    });
    const token = objectAt(projection.serviceAccountToken);
    if (token) {
      const tokenPath = at(sourcePath, 'serviceAccountToken');
      const seconds = numberAt(token.expirationSeconds) ?? 3600;
      if (seconds < MIN_TOKEN_SECONDS) {
        report.add(at(tokenPath, 'expirationSeconds'), `a token that expires after ${seconds} seconds is shorter than the 600 (10 minutes) allowed`, 'set expirationSeconds to 600 or more');
      } else if (seconds > MAX_TOKEN_SECONDS) {
        report.add(at(tokenPath, 'expirationSeconds'), `a token that expires after ${seconds} seconds is longer than the 2^32 allowed`, 'set expirationSeconds to at most 4294967296');
      }
      const file = textAt(token.path) ?? '';
      if (file === '') {
        report.add(at(tokenPath, 'path'), 'the service account token has no path', 'give the file name, such as "token"');
      }
      validateFilePath(report, file, at(tokenPath, 'path'));
      claimPath(file, at(tokenPath, 'path'));
    }
    const bundle = objectAt(projection.clusterTrustBundle);
    if (bundle) {
      validateClusterTrustBundle(report, bundle, at(sourcePath, 'clusterTrustBundle'));
      claimPath(textAt(bundle.path) ?? '', at(at(sourcePath, 'clusterTrustBundle'), 'path'));
    }
  });
}

function validateClusterTrustBundle(report: Report, bundle: JsonObject, path: string): void {
  const name = textAt(bundle.name);
  const signerName = textAt(bundle.signerName);
  if (name !== undefined && signerName !== undefined) {
    report.add(path, 'a cluster trust bundle projection gives both name and signerName', 'keep one of them');
  } else if (name !== undefined) {
    if (name === '') {
      report.add(at(path, 'name'), 'the cluster trust bundle name is empty', 'name the ClusterTrustBundle');
    }
    if (bundle.labelSelector !== undefined) {
      report.add(at(path, 'labelSelector'), 'labelSelector is only for signerName projections', 'remove labelSelector, or use signerName');
    }
  } else if (signerName !== undefined) {
    if (!/^[^/]+\/[^/]+$/.test(signerName) || !isDns1123Subdomain(signerName.split('/')[0])) {
      report.add(at(path, 'signerName'), `${q(signerName)} is not a signer name (a DNS subdomain, "/", and a path)`, 'use a signer name such as "example.com/my-signer"');
    }
    validateLabelSelector(report, bundle.labelSelector, at(path, 'labelSelector'));
  } else {
    report.add(path, 'the cluster trust bundle projection gives neither name nor signerName', 'give one of them');
  }
  const file = textAt(bundle.path) ?? '';
  if (file === '') {
    report.add(at(path, 'path'), 'the cluster trust bundle has no path', 'give the file name, such as "ca.crt"');
  }
  validateFilePath(report, file, at(path, 'path'));
}

function validateCsi(report: Report, source: JsonObject, path: string): void {
  const driver = textAt(source.driver) ?? '';
  if (driver === '') {
    report.add(at(path, 'driver'), 'the CSI volume names no driver', 'give the CSI driver\'s name, such as "secrets-store.csi.k8s.io"');
  } else if (driver.length > 63 || !isDns1123Subdomain(driver.toLowerCase())) {
    report.add(at(path, 'driver'), `${q(driver)} is not a CSI driver name (at most 63 characters, a DNS subdomain ignoring case)`, 'use the driver\'s registered name');
  }
  const secret = objectAt(source.nodePublishSecretRef);
  if (secret) {
    const name = textAt(secret.name) ?? '';
    if (name === '') {
      report.add(at(at(path, 'nodePublishSecretRef'), 'name'), 'nodePublishSecretRef has no name', 'name the Secret');
    } else if (!isDns1123Subdomain(name)) {
      report.add(at(at(path, 'nodePublishSecretRef'), 'name'), `${q(name)} is not a valid Secret name (${RULES.dns1123Subdomain})`, `use a name such as ${q(suggestName(name))}`);
    }
  }
}

/** The rules of one volume source, by its kind. */
function validateSource(report: Report, kind: string, source: JsonObject, path: string): void {
  switch (kind) {
    case 'emptyDir': {
      const limit = source.sizeLimit;
      if (limit !== undefined && limit !== null) {
        const amount = parseQuantity(limit);
        if (!amount || amount.numerator < 0n) {
          report.add(at(path, 'sizeLimit'), `${q(limit)} is not a size of zero or more`, 'give a size such as "1Gi"');
        }
      }
      return;
    }
    case 'hostPath': {
      const hostPath = textAt(source.path) ?? '';
      if (hostPath === '') {
        report.add(at(path, 'path'), 'the hostPath volume has no path', 'give the path on the node');
        return;
      }
      if (hasBackstep(hostPath)) {
        report.add(at(path, 'path'), `${q(hostPath)} must not contain ".."`, 'give the path without ".."');
      }
      const type = textAt(source.type);
      if (type !== undefined && !HOST_PATH_TYPES.includes(type)) {
        report.add(at(path, 'type'), `${q(type)} is not a hostPath type`, `use one of ${HOST_PATH_TYPES.filter(Boolean).join(', ')}`);
      }
      return;
    }
    case 'gitRepo':
      if (!textAt(source.repository)) {
        report.add(at(path, 'repository'), 'the gitRepo volume has no repository', 'give the repository URL (or better, clone it in an init container)');
      }
      validateRelativePath(report, textAt(source.directory) ?? '', at(path, 'directory'));
      return;
    case 'secret':
    case 'configMap': {
      const nameField = kind === 'secret' ? 'secretName' : 'name';
      if (!textAt(source[nameField])) {
        report.add(at(path, nameField), `the ${kind} volume names no ${kind === 'secret' ? 'Secret' : 'ConfigMap'}`, `set ${nameField}`);
      }
      validateMode(report, source.defaultMode, at(path, 'defaultMode'));
      listAt(source.items).forEach((entry, i) => validateKeyToPath(report, entry, item(at(path, 'items'), i)));
      return;
    }
    case 'nfs': {
      if (!textAt(source.server)) {
        report.add(at(path, 'server'), 'the NFS volume has no server', 'give the NFS server\'s address');
      }
      const nfsPath = textAt(source.path) ?? '';
      if (!isAbsolutePath(nfsPath)) {
        report.add(at(path, 'path'), nfsPath === '' ? 'the NFS volume has no path' : `${q(nfsPath)} is not an absolute path`, 'give the exported path, such as "/exports/data"');
      }
      return;
    }
    case 'persistentVolumeClaim':
      if (!textAt(source.claimName)) {
        report.add(at(path, 'claimName'), 'the persistentVolumeClaim volume names no claim', 'set claimName');
      }
      return;
    case 'downwardAPI':
      validateMode(report, source.defaultMode, at(path, 'defaultMode'));
      listAt(source.items).forEach((entry, i) => validateDownwardApiFile(report, entry, item(at(path, 'items'), i)));
      return;
    case 'projected':
      validateProjected(report, source, path);
      return;
    case 'csi':
      validateCsi(report, source, path);
      return;
    case 'ephemeral': {
      const template = objectAt(source.volumeClaimTemplate);
      if (!template) {
        report.add(at(path, 'volumeClaimTemplate'), 'the ephemeral volume has no volumeClaimTemplate', 'give the claim template');
        return;
      }
      validateClaimTemplateMeta(report, objectAt(template.metadata), at(at(path, 'volumeClaimTemplate'), 'metadata'));
      validatePersistentVolumeClaimSpec(report, objectAt(template.spec) ?? {}, at(at(path, 'volumeClaimTemplate'), 'spec'));
      return;
    }
    case 'image': {
      // Kubernetes 1.33 has the ImageVolume feature gate off by default: it drops the source, and
      // the volume is then refused for having none.
      report.add(path, 'image volumes need the ImageVolume feature gate, which is off by default in Kubernetes 1.33', 'mount the content with an init container instead');
      if (!textAt(source.reference)) {
        report.add(at(path, 'reference'), 'the image volume has no reference', 'give the image reference');
      }
      const pullPolicy = textAt(source.pullPolicy);
      if (pullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
        report.add(at(path, 'pullPolicy'), `${q(pullPolicy)} is not a pull policy`, 'use "Always", "IfNotPresent" or "Never"');
      }
      return;
    }
    default:
      for (const field of REQUIRED_SOURCE_FIELDS[kind] ?? []) {
        if (!isPresent(source[field])) {
          report.add(at(path, field), `the ${kind} volume has no ${field}`, `set ${field}`);
        }
      }
      for (const field of ['partition', 'lun']) {
        const value = numberAt(source[field]);
        if (value !== undefined && (value < 0 || value > 255)) {
          report.add(at(path, field), `${field} ${value} is not from 0 to 255`, `give a ${field} from 0 to 255`);
        }
      }
  }
}

/**
 * The pod's volumes: each named with a unique DNS label and exactly one valid source. Returns the
 * volumes by name, for the containers' mounts.
 */
export function validateVolumes(report: Report, volumes: unknown, path: string): Map<string, JsonObject> {
  const byName = new Map<string, JsonObject>();
  listAt(volumes).forEach((raw, i) => {
    const volume = objectAt(raw) ?? {};
    const volumePath = item(path, i);
    const name = textAt(volume.name) ?? '';
    if (name === '') {
      report.add(at(volumePath, 'name'), 'the volume has no name', 'name the volume');
    } else if (!isDns1123Label(name)) {
      report.add(at(volumePath, 'name'), `${q(name)} is not a valid volume name (${RULES.dns1123Label})`, `use a name such as ${q(suggestName(name))}`);
    }
    if (byName.has(name)) {
      report.add(at(volumePath, 'name'), `the volume name ${q(name)} is used twice`, 'give each volume its own name');
    }
    const kinds = VOLUME_SOURCES.filter((kind) => objectAt(volume[kind]) !== undefined);
    if (kinds.length === 0) {
      report.add(volumePath, 'the volume has no source', 'give one source, such as secret, configMap, emptyDir or projected');
    }
    kinds.slice(1).forEach((kind) => report.add(at(volumePath, kind), `a volume has one source, and this one already has ${kinds[0]}`, `split ${kind} into its own volume`));
    if (kinds.length > 0) {
      validateSource(report, kinds[0], objectAt(volume[kinds[0]]) ?? {}, at(volumePath, kinds[0]));
    }
    if (!byName.has(name)) {
      byName.set(name, volume);
    }
  });
  return byName;
}
