import type { ApiServerModel } from '../model/types';
import { Problems, q } from '../problems';
import { acceptKnowingly } from '../model/sidecars';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** An image reference, split into its parts, or why it is not one. */
export interface ImageReference {
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** Why the reference is invalid, when it is. */
  readonly error?: string;
  /** The fix for `error`. */
  readonly fix?: string;
}

/** Whether a valid reference may change under the same name: a `latest` tag, or neither tag nor digest. */
export function isMutable(ref: ImageReference): boolean {
  return ref.error === undefined && ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest');
}

/** Parses `[registry[:port]/]path[:tag][@digest]` as container runtimes do. */
export function parseImage(image: unknown): ImageReference {
  if (typeof image !== 'string' || image === '') {
    return { repository: '', error: 'the image is empty', fix: 'give an image such as "registry.example.com/kms-plugin:v1.0.0"' };
  }
  if (/\s/.test(image)) {
    return { repository: image, error: `${q(image)} contains whitespace`, fix: 'remove the spaces or line breaks from the image' };
  }
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      return { repository: rest, digest, error: `the digest ${q(digest)} is not valid`, fix: 'write the digest as "@sha256:" and 64 hex digits' };
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return { repository: rest, tag, digest, error: `the tag ${q(tag)} is not valid (at most 128 letters, digits, "_", "." and "-", not starting with "." or "-")`, fix: 'give a tag such as "v1.0.0"' };
    }
  }
  const components = rest.split('/');
  const first = components[0];
  const hasDomain = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain && !DOMAIN.test(first)) {
    return { repository: rest, tag, digest, error: `the registry ${q(first)} is not a valid host name`, fix: 'give the registry as host or host:port, such as "registry.example.com:5000"' };
  }
  const path = hasDomain ? components.slice(1) : components;
  if (!path.every((c) => PATH_COMPONENT.test(c))) {
    if (path.every((c) => PATH_COMPONENT.test(c.toLowerCase()))) {
      return { repository: rest, tag, digest, error: `the repository ${q(rest)} has uppercase letters, which image names may not have`, fix: `write it in lowercase: ${q(hasDomain ? [first, ...path.map((c) => c.toLowerCase())].join('/') : rest.toLowerCase())}` };
    }
    return { repository: rest, tag, digest, error: `${q(rest)} is not a valid image repository (lowercase letters and digits, separated by ".", "_", "__", "-" or "/")`, fix: 'give a repository such as "registry.example.com/team/kms-plugin"' };
  }
  if (rest.length > 255) {
    return { repository: rest, tag, digest, error: `the repository name has ${rest.length} characters, more than 255`, fix: 'use a shorter repository name' };
  }
  return { repository: rest, tag, digest };
}

/**
 * Image references of the API server and of every sidecar: valid, not mutable unless accepted
 * knowingly, with a known pull policy.
 */
export function checkImages(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  const repo = parseImage(input.imageRepository);
  if (repo.error !== undefined) {
    problems.add('imageRepository', repo.error, repo.fix!);
  } else if (repo.tag !== undefined || repo.digest !== undefined) {
    problems.add('imageRepository', `${q(input.imageRepository)} already carries a tag or digest, and imageTag is appended to it`,
      `give the repository alone, ${q(repo.repository)}, and the tag in imageTag`);
  }
  if (typeof input.imageTag !== 'string' || !TAG.test(input.imageTag)) {
    problems.add('imageTag', `${q(input.imageTag)} is not a valid image tag (at most 128 letters, digits, "_", "." and "-", not starting with "." or "-")`,
      `give a Kubernetes release tag such as "v1.36.2", or leave imageTag out`);
  } else if (input.imageTag === 'latest' && !input.allowMutableImageTag) {
    problems.add('imageTag', 'the tag "latest" is mutable: pods of one Deployment could run different API server builds, and a rollback would not restore the old one',
      'pin a release tag such as "v1.36.2", or set allowMutableImageTag: true to accept it knowingly');
  }
  if (!PULL_POLICIES.includes(input.imagePullPolicy)) {
    problems.add('imagePullPolicy', `${q(input.imagePullPolicy)} is not an image pull policy`, 'use ImagePullPolicy.ALWAYS, IF_NOT_PRESENT or NEVER');
  }

  for (const sidecar of model.sidecars) {
    const { container, field, options } = sidecar;
    // A missing image is reported as Kubernetes reports it.
    if (container.image !== undefined) {
      const ref = parseImage(container.image);
      if (ref.error !== undefined) {
        problems.add(`${field}.image`, ref.error, ref.fix!);
      } else if (isMutable(ref) && !options.allowMutableImageTag) {
        problems.add(`${field}.image`,
          `${q(container.image)} ${ref.tag === undefined ? 'has no tag and no digest, so it means ":latest", which' : 'has the tag "latest", which'} is mutable: pods could run different builds`,
          `pin a version tag or a digest, or ${acceptKnowingly(sidecar, 'allowMutableImageTag')}`);
      }
    }
  }
}
