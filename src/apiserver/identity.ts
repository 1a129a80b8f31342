/**
 * The identity of the API server pods: their ServiceAccount, and the service-account tokens that
 * reach only the sidecars that need one (a cloud KMS plugin, say). The pod itself never mounts a
 * token: `automountServiceAccountToken` stays false, so the API server container holds none.
 */
import { Problems, q } from '../problems';
import { readList, readObject, readRecord, readString } from '../runtime';

/** Options of a ServiceAccount the construct makes for the API server pods. */
export interface CreatedServiceAccountOptions {
  /**
   * The ServiceAccount's name.
   *
   * @default - the API server's name (`<instance>-apiserver`, by the operator's rule)
   */
  readonly name?: string;

  /**
   * Annotations of the ServiceAccount: cloud workload identity reads them, for example
   * `eks.amazonaws.com/role-arn` (AWS IRSA), `iam.gke.io/gcp-service-account` (GKE Workload
   * Identity) or `azure.workload.identity/client-id` (Azure Workload Identity).
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/** What the factories of `ApiServerServiceAccount` record. */
export type ServiceAccountChoice =
  | { readonly kind: 'existing'; readonly name: string }
  | { readonly kind: 'create'; readonly options: CreatedServiceAccountOptions };

/**
 * The ServiceAccount of the API server pods: an existing one, by name, or one the construct makes.
 * Its tokens reach only the sidecars given a `serviceAccountToken`.
 */
export class ApiServerServiceAccount {
  /** A ServiceAccount that already exists in the API server's namespace (a prerequisite of the pods). */
  public static fromName(name: string): ApiServerServiceAccount {
    return new ApiServerServiceAccount({ kind: 'existing', name });
  }

  /** A ServiceAccount the construct makes (handle `serviceAccount`), with the annotations given. */
  public static create(options: CreatedServiceAccountOptions = {}): ApiServerServiceAccount {
    return new ApiServerServiceAccount({ kind: 'create', options });
  }

  private constructor(
    /** What the factory was given. @internal */
    public readonly _choice: ServiceAccountChoice) {}
}

/**
 * A service-account token projected into one sidecar only (never into the API server container):
 * for a KMS plugin that authenticates to its cloud KMS with the pod's identity.
 */
export interface ServiceAccountTokenOptions {
  /**
   * The audience the token is issued for: `sts.amazonaws.com` for AWS IRSA,
   * `api://AzureADTokenExchange` for Azure Workload Identity, the Vault role's audience for
   * Vault's JWT auth.
   */
  readonly audience: string;

  /**
   * The file the token is written to, in a read-only volume mounted at its directory in the
   * sidecar only. Point the plugin at it (for example `AWS_WEB_IDENTITY_TOKEN_FILE`).
   *
   * @default '/var/run/secrets/tokens/token'
   */
  readonly path?: string;

  /**
   * How long each token is valid, in seconds (the kubelet renews it before it expires). At least
   * 600.
   *
   * @default 3600
   */
  readonly expirationSeconds?: number;
}

/** The default file of a projected token. */
export const DEFAULT_TOKEN_PATH = '/var/run/secrets/tokens/token';
/** The default lifetime of a projected token, in seconds (the kubelet's own default). */
export const DEFAULT_TOKEN_SECONDS = 3600;

/** Reads a ServiceAccountTokenOptions whatever its runtime type. */
export function readTokenOptions(value: unknown, field: string, problems: Problems): ServiceAccountTokenOptions | undefined {
  const options = readObject(value, field, problems, '{ audience: "sts.amazonaws.com" }');
  if (options === undefined) {
    return undefined;
  }
  const audience = readString(options.audience, `${field}.audience`, problems, 'give the audience, such as "sts.amazonaws.com"');
  if (audience === undefined || audience === '') {
    if (options.audience === undefined || options.audience === '') {
      problems.add(`${field}.audience`, 'the token has no audience', 'give the audience the cloud or Vault expects, such as "sts.amazonaws.com"');
    }
    return undefined;
  }
  const expiration = options.expirationSeconds;
  if (expiration !== undefined && (typeof expiration !== 'number' || !Number.isInteger(expiration) || expiration < 600)) {
    problems.add(`${field}.expirationSeconds`, `${q(expiration)} is not a token lifetime: Kubernetes asks for a whole number of seconds, at least 600`, 'give 600 or more, or leave it out for 3600');
    return undefined;
  }
  return {
    audience,
    path: readString(options.path, `${field}.path`, problems, 'give an absolute file path, such as "/var/run/secrets/tokens/token"'),
    expirationSeconds: expiration,
  };
}

/** Reads the serviceAccount prop's created-account options whatever their runtime types. */
export function readCreatedOptions(value: unknown, field: string, problems: Problems): CreatedServiceAccountOptions {
  const options = readObject(value, field, problems, '{ annotations: { "eks.amazonaws.com/role-arn": "..." } }') ?? {};
  return {
    name: readString(options.name, `${field}.name`, problems, 'give the ServiceAccount\'s name'),
    annotations: options.annotations === undefined ? undefined : readRecord(options.annotations, `${field}.annotations`, problems, 'string', '{ "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/kms" }'),
  };
}

/** Reads the imagePullSecrets prop: names of Secrets. */
export function readPullSecrets(value: unknown, field: string, problems: Problems): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return readList(value, field, problems, 'Secret names').filter((name, i): name is string =>
    readString(name, `${field}[${i}]`, problems, 'give the name of a Secret of type kubernetes.io/dockerconfigjson') !== undefined);
}
