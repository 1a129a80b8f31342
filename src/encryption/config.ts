/**
 * The typed model of the API server's encryption at rest: an `apiserver.config.k8s.io/v1`
 * `EncryptionConfiguration` with KMS v2 and identity providers, or a reference to an existing Secret
 * that holds a configuration with key providers (aescbc, aesgcm, secretbox).
 *
 * The library never takes key bytes: synthesized YAML ends up in git.
 */
import { Duration, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { RecentResults } from '../recent';
import { fastYaml } from './yaml';

/** The file name of a rendered or referenced encryption configuration. */
export const ENCRYPTION_CONFIG_FILE = 'encryption-config.yaml';

/** The API server's default KMS timeout. */
export const DEFAULT_KMS_TIMEOUT = '3s';

/** A KMS plugin that runs beside the API server and serves a UNIX socket. */
export interface KmsPluginOptions {
  /**
   * The plugin container (name, image, args, env, resources, probes...), kept as given. The construct
   * only adds the mount of the socket volume to its `volumeMounts`. Give it a `startupProbe` when it
   * runs as a native sidecar, so that the API server starts only once the plugin serves.
   */
  readonly container: k8s.Container;

  /**
   * The absolute path of the socket the plugin listens on, for example
   * `/var/run/kmsplugin/socket.sock`. Its directory becomes an `emptyDir` mounted at the same path in
   * the API server and in the plugin, and the provider's endpoint is `unix://<socketPath>`.
   */
  readonly socketPath: string;

  /**
   * Run the plugin as a native sidecar (an init container with `restartPolicy: Always`): it starts
   * before the API server and stops after it. Set to false for a regular container after the API
   * server, as the Karmada operator's `sidecarContainers` does.
   *
   * @default true
   */
  readonly nativeSidecar?: boolean;

  /**
   * Accept a mutable plugin image (`:latest`, or neither tag nor digest) knowingly, as
   * `SidecarOptions.allowMutableImageTag` does for other sidecars.
   *
   * @default false - a mutable image is a synth error
   */
  readonly allowMutableImageTag?: boolean;

  /**
   * Accept the plugin's breaches of the Pod Security Standard "restricted" knowingly, as
   * `SidecarOptions.allowPodSecurityViolations` does for other sidecars.
   *
   * @default false - a setting that breaks "restricted" is a synth error
   */
  readonly allowPodSecurityViolations?: boolean;
}

/** A KMS v2 provider. */
export interface KmsProviderOptions {
  /** The provider's name: unique among the KMS providers, without `:`. It is stored with every encrypted object. */
  readonly name: string;

  /**
   * The plugin the construct runs for this provider: it adds the container, the socket volume and the
   * mounts, and derives the endpoint. Give `plugin` or `endpoint`, not both.
   *
   * @default - none: give `endpoint` and wire the plugin yourself
   */
  readonly plugin?: KmsPluginOptions;

  /**
   * The plugin's endpoint, `unix://<path>`, for a plugin wired by hand (with `sidecarContainers`,
   * `extraVolumes` and `extraVolumeMounts`). Give `plugin` or `endpoint`, not both.
   *
   * @default - `unix://<plugin.socketPath>`
   */
  readonly endpoint?: string;

  /**
   * How long the API server waits for the plugin on each call. Must be positive.
   *
   * @default - not rendered: the API server's default, 3 seconds
   */
  readonly timeout?: Duration;
}

/** One provider of a resource list: KMS v2 or identity (key providers come only from a Secret). */
export class EncryptionProvider {
  /** A KMS v2 provider, served by a plugin. */
  public static kms(options: KmsProviderOptions): EncryptionProvider {
    return new EncryptionProvider(options);
  }

  /**
   * The identity provider: no encryption. Last in a list, it lets the API server read data written
   * before encryption was turned on. First, it stores new data in plain text: allowed only with
   * `allowIdentityFirst`.
   */
  public static identity(): EncryptionProvider {
    return new EncryptionProvider(undefined);
  }

  /** @internal */
  public readonly _kms?: KmsProviderOptions;

  private constructor(kms: KmsProviderOptions | undefined) {
    this._kms = kms;
  }
}

/** An entry of the configuration: resources and the ordered providers that encrypt them. */
export interface EncryptionResourceConfig {
  /**
   * Resources in lower case, as `<resource>` or `<resource>.<group>`: `secrets`, `configmaps`,
   * `deployments.apps`, `*.apps` (a whole group), `*.` (the core group) or `*.*` (everything).
   */
  readonly resources: string[];

  /** The providers, in order: the first encrypts what is written, all are tried on reads. */
  readonly providers: EncryptionProvider[];
}

/** Options of `EncryptionAtRest.kms()`. */
export interface KmsEncryptionOptions {
  /**
   * The providers that encrypt `secrets`, in order. A shorthand for
   * `resources: [{ resources: ['secrets'], providers }]`. Give `providers` or `resources`, not both.
   *
   * @default - none: give `resources`
   */
  readonly providers?: EncryptionProvider[];

  /**
   * The entries of the configuration, in order. Give `providers` or `resources`, not both.
   *
   * @default - `secrets` encrypted by `providers`
   */
  readonly resources?: EncryptionResourceConfig[];

  /**
   * Set `--encryption-provider-config-automatic-reload=true`: the API server re-reads the file
   * about once a minute, so a change of providers needs no restart.
   *
   * @default false
   */
  readonly automaticReload?: boolean;

  /**
   * Allow `identity` as the first provider of an entry, which stores new data in plain text. Only
   * for a planned migration (turning encryption on or off in steps).
   *
   * @default false
   */
  readonly allowIdentityFirst?: boolean;
}

/** Options of `EncryptionAtRest.fromSecret()`. */
export interface SecretEncryptionOptions {
  /** The existing Secret, in the API server's namespace, that holds the `EncryptionConfiguration`. */
  readonly secretName: string;

  /**
   * The key of the Secret that holds the configuration.
   *
   * @default 'encryption-config.yaml'
   */
  readonly key?: string;

  /**
   * KMS plugins to run beside the API server, for the `kms` providers of the configuration. The
   * endpoint of each provider in the Secret must be `unix://<socketPath>` of one of them.
   *
   * @default - none
   */
  readonly kmsPlugins?: KmsPluginOptions[];

  /**
   * Set `--encryption-provider-config-automatic-reload=true`. The construct cannot see inside the
   * Secret, so a change of its content reaches the API server only through reload or a restart.
   *
   * @default false
   */
  readonly automaticReload?: boolean;

  /**
   * Allow `identity` as the first provider of an entry (checked when the Secret is in the same
   * cdk8s app). Only for a planned migration.
   *
   * @default false
   */
  readonly allowIdentityFirst?: boolean;
}

/** A plugin the construct wires, with the field it came from. @internal */
export interface PluginSpec {
  readonly plugin: KmsPluginOptions;
  readonly field: string;
}

/** The configuration as plain data, shaped like the YAML file. @internal */
export type PlainConfig = Record<string, unknown>;

/** What the construct needs to render and check the encryption settings. @internal */
export interface EncryptionSpec {
  /** The rendered configuration (typed form), or undefined when it lives in a Secret. */
  readonly config?: PlainConfig;
  /** The Secret that holds the configuration (Secret form). */
  readonly secret?: { readonly secretName: string; readonly key: string };
  /** Turns a path in the plain configuration into the prop path of the user's input. */
  readonly fieldOf: (path: string) => string;
  readonly plugins: readonly PluginSpec[];
  readonly automaticReload: boolean;
  readonly allowIdentityFirst: boolean;
  /** Mistakes in the typed input that the plain configuration cannot show. */
  readonly inputProblems: ReadonlyArray<{ readonly field: string; readonly message: string; readonly fix: string }>;
}

/**
 * Encryption at rest of the API server's data: a KMS v2 configuration rendered by the construct,
 * or a configuration with key providers kept in an existing Secret.
 */
export abstract class EncryptionAtRest {
  /**
   * A configuration of KMS v2 (and identity) providers, rendered into the API server's ConfigMap
   * (it holds no key material). Plugins given with `EncryptionProvider.kms({ plugin })` run beside
   * the API server.
   */
  public static kms(options: KmsEncryptionOptions): EncryptionAtRest {
    return new TypedEncryption(options);
  }

  /**
   * A configuration with key providers (aescbc, aesgcm, secretbox) kept in an existing Secret,
   * mounted as a directory. The library never takes key bytes.
   */
  public static fromSecret(options: SecretEncryptionOptions): EncryptionAtRest {
    return new SecretEncryption(options);
  }

  /** @internal */
  public abstract _spec(): EncryptionSpec;
}

/** `N ms` as the API server reads durations: whole seconds as `Ns`, else milliseconds. */
export function renderDuration(duration: Duration): string {
  const ms = duration.toMilliseconds({ integral: false });
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

class TypedEncryption extends EncryptionAtRest {
  constructor(private readonly options: KmsEncryptionOptions) {
    super();
  }

  public _spec(): EncryptionSpec {
    const o = this.options;
    const shorthand = o.resources === undefined;
    const entries: EncryptionResourceConfig[] = o.resources ?? [{ resources: ['secrets'], providers: o.providers ?? [] }];
    const fieldOf = (path: string) => shorthand
      ? `encryption.${path.replace(/^resources\[0\]\.providers/, 'providers')}`
      : `encryption.${path}`;

    const inputProblems: EncryptionSpec['inputProblems'][number][] = [];
    if (o.providers !== undefined && o.resources !== undefined) {
      inputProblems.push({
        field: 'encryption.providers',
        message: 'both providers and resources are given',
        fix: 'give providers (they encrypt secrets) or resources, not both',
      });
    }

    const plugins: PluginSpec[] = [];
    const resources = entries.map((entry, i) => ({
      resources: [...entry.resources],
      providers: entry.providers.map((provider, j) => {
        const kms = provider._kms;
        if (!kms) {
          return { identity: {} };
        }
        const field = fieldOf(`resources[${i}].providers[${j}].kms`);
        if (kms.plugin && kms.endpoint !== undefined) {
          inputProblems.push({
            field,
            message: `KMS provider "${kms.name}" has both a plugin and an endpoint`,
            fix: 'give plugin (the construct runs it and derives the endpoint) or endpoint (for a plugin you wire yourself), not both',
          });
        }
        if (kms.plugin) {
          plugins.push({ plugin: kms.plugin, field: `${field}.plugin` });
        }
        const endpoint = kms.endpoint ?? (kms.plugin ? `unix://${kms.plugin.socketPath}` : undefined);
        return {
          kms: {
            apiVersion: 'v2',
            name: kms.name,
            endpoint,
            timeout: kms.timeout ? renderDuration(kms.timeout) : undefined,
          },
        };
      }),
    }));

    return {
      config: {
        apiVersion: 'apiserver.config.k8s.io/v1',
        kind: 'EncryptionConfiguration',
        resources,
      },
      fieldOf,
      plugins,
      automaticReload: o.automaticReload ?? false,
      allowIdentityFirst: o.allowIdentityFirst ?? false,
      inputProblems,
    };
  }
}

class SecretEncryption extends EncryptionAtRest {
  constructor(private readonly options: SecretEncryptionOptions) {
    super();
  }

  public _spec(): EncryptionSpec {
    const o = this.options;
    const key = o.key ?? ENCRYPTION_CONFIG_FILE;
    return {
      secret: { secretName: o.secretName, key },
      fieldOf: (path) => `Secret ${o.secretName}[${key}].${path}`,
      plugins: (o.kmsPlugins ?? []).map((plugin, i) => ({ plugin, field: `encryption.kmsPlugins[${i}]` })),
      automaticReload: o.automaticReload ?? false,
      allowIdentityFirst: o.allowIdentityFirst ?? false,
      inputProblems: [],
    };
  }
}

/**
 * The YAML of the last 32 configurations, by their JSON: the API servers of one app mostly render
 * the same configuration. The YAML is a function of the JSON (it is what `Yaml.stringify` writes
 * for the JSON's data, and the fast writer writes the same or nothing).
 */
const RENDERED = new RecentResults<string>(32);

/** Renders a plain configuration as YAML, without the fields left undefined. */
export function renderConfig(config: PlainConfig): string {
  const json = JSON.stringify(config);
  // The fast writer handles the usual configuration; the YAML library writes the rest.
  return RENDERED.get(json, () => fastYaml(config) ?? Yaml.stringify(JSON.parse(json)));
}
