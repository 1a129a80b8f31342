/**
 * The typed model of the API server's encryption at rest: an `apiserver.config.k8s.io/v1`
 * `EncryptionConfiguration` with KMS v2 and identity providers, or a reference to an existing Secret
 * that holds a configuration with key providers (aescbc, aesgcm, secretbox).
 *
 * The library never takes key bytes: synthesized YAML ends up in git.
 */
import { Duration } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import type { ServiceAccountTokenOptions } from '../apiserver/identity';
import { readTokenOptions } from '../apiserver/identity';
import { Problem, Problems } from '../problems';
import { readBoolean, readInstance, readList, readObject, readString, readStruct } from '../runtime';

/** The file name of a rendered or referenced encryption configuration. */
export const ENCRYPTION_CONFIG_FILE = 'encryption-config.yaml';

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

  /**
   * A token of the pods' ServiceAccount, projected into the plugin only, as
   * `SidecarOptions.serviceAccountToken` does for other sidecars.
   *
   * @default - no token
   */
  readonly serviceAccountToken?: ServiceAccountTokenOptions;
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
    return new EncryptionProvider({ kind: 'kms', options });
  }

  /**
   * The identity provider: no encryption. Last in a list, it lets the API server read data written
   * before encryption was turned on. First, it stores new data in plain text: allowed only with
   * `allowIdentityFirst`.
   */
  public static identity(): EncryptionProvider {
    return new EncryptionProvider({ kind: 'identity' });
  }

  private constructor(
    /** What the factory was given. @internal */
    public readonly _form: { readonly kind: 'kms'; readonly options: KmsProviderOptions } | { readonly kind: 'identity' }) {}
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

/** A plugin the construct wires, with the field it came from. */
export interface PluginSpec {
  readonly plugin: KmsPluginOptions;
  readonly field: string;
}

/** The configuration as plain data, shaped like the YAML file. */
export type PlainConfig = Record<string, unknown>;

/** What the construct needs to render and check the encryption settings. */
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
  /** Mistakes in the input that the plain configuration cannot show (wrong types from JavaScript, say). */
  readonly inputProblems: readonly Problem[];
}

/** The two forms, as the factories record them. */
type EncryptionForm =
  | { readonly kind: 'kms'; readonly options: KmsEncryptionOptions }
  | { readonly kind: 'secret'; readonly options: SecretEncryptionOptions };

/**
 * Encryption at rest of the API server's data: a KMS v2 configuration rendered by the construct,
 * or a configuration with key providers kept in an existing Secret.
 */
export class EncryptionAtRest {
  /**
   * A configuration of KMS v2 (and identity) providers, rendered into the API server's ConfigMap
   * (it holds no key material). Plugins given with `EncryptionProvider.kms({ plugin })` run beside
   * the API server.
   */
  public static kms(options: KmsEncryptionOptions): EncryptionAtRest {
    return new EncryptionAtRest({ kind: 'kms', options });
  }

  /**
   * A configuration with key providers (aescbc, aesgcm, secretbox) kept in an existing Secret,
   * mounted as a directory. The library never takes key bytes.
   */
  public static fromSecret(options: SecretEncryptionOptions): EncryptionAtRest {
    return new EncryptionAtRest({ kind: 'secret', options });
  }

  private constructor(private readonly form: EncryptionForm) {}

  /** What the construct renders and checks for these settings. @internal */
  public _spec(): EncryptionSpec {
    if (this.form === undefined) {
      // Made with `new` from JavaScript, where the constructor is not private.
      return kmsSpec(undefined as unknown as KmsEncryptionOptions, {
        field: 'encryption', message: 'this EncryptionAtRest was made with new, and holds no settings',
        fix: 'use EncryptionAtRest.kms({ ... }) or EncryptionAtRest.fromSecret({ ... })',
      });
    }
    return this.form.kind === 'kms' ? kmsSpec(this.form.options) : secretSpec(this.form.options);
  }
}

/** `N ms` as the API server reads durations: whole seconds as `Ns`, else milliseconds. */
export function renderDuration(duration: Duration): string {
  const ms = duration.toMilliseconds({ integral: false });
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** A KMS plugin's options as given: read defensively, since a JavaScript caller can pass anything. */
function readPlugin(value: unknown, field: string, problems: Problems): KmsPluginOptions | undefined {
  const plugin = readObject(value, field, problems, '{ container: { name, image }, socketPath: "/var/run/kmsplugin/socket.sock" }');
  if (plugin === undefined) {
    return undefined;
  }
  const container = readStruct(plugin.container, 'Container', `${field}.container`, problems);
  const socketPath = readString(plugin.socketPath, `${field}.socketPath`, problems, 'give the absolute path of the socket, such as "/var/run/kmsplugin/socket.sock"');
  if (container === undefined || socketPath === undefined) {
    if (container === undefined && plugin.container === undefined) {
      problems.add(`${field}.container`, 'the plugin has no container', 'give the plugin container: { name, image, ... }');
    }
    if (socketPath === undefined && plugin.socketPath === undefined) {
      problems.add(`${field}.socketPath`, 'the plugin has no socket path', 'give the absolute path of the socket it serves, such as "/var/run/kmsplugin/socket.sock"');
    }
    return undefined;
  }
  return {
    container: container as k8s.Container,
    socketPath,
    nativeSidecar: readBoolean(plugin.nativeSidecar, `${field}.nativeSidecar`, problems),
    allowMutableImageTag: readBoolean(plugin.allowMutableImageTag, `${field}.allowMutableImageTag`, problems),
    allowPodSecurityViolations: readBoolean(plugin.allowPodSecurityViolations, `${field}.allowPodSecurityViolations`, problems),
    serviceAccountToken: plugin.serviceAccountToken === undefined ? undefined : readTokenOptions(plugin.serviceAccountToken, `${field}.serviceAccountToken`, problems),
  };
}

/** The typed KMS form: the plain configuration, and the plugins to run. */
function kmsSpec(options: KmsEncryptionOptions, made?: Problem): EncryptionSpec {
  const problems = new Problems();
  const o = made === undefined ? readObject(options, 'encryption', problems, '{ providers: [EncryptionProvider.kms({ ... })] }') ?? {} : {};
  if (made !== undefined) {
    problems.add(made.field, made.message, made.fix);
  }
  const shorthand = o.resources === undefined;
  const fieldOf = (path: string) => shorthand
    ? `encryption.${path.replace(/^resources\[0\]\.providers/, 'providers')}`
    : `encryption.${path}`;
  if (o.providers !== undefined && o.resources !== undefined) {
    problems.add('encryption.providers', 'both providers and resources are given',
      'give providers (they encrypt secrets) or resources, not both');
  }
  const entries = shorthand
    ? [{ resources: ['secrets'], providers: readList(o.providers, 'encryption.providers', problems, 'providers') }]
    : readList(o.resources, 'encryption.resources', problems, 'resource entries').map((entry, i) => {
      const e = readObject(entry, `encryption.resources[${i}]`, problems, '{ resources: ["secrets"], providers: [...] }') ?? {};
      return {
        resources: readList(e.resources, `encryption.resources[${i}].resources`, problems, 'resource names'),
        providers: readList(e.providers, `encryption.resources[${i}].providers`, problems, 'providers'),
      };
    });

  const plugins: PluginSpec[] = [];
  const resources = entries.map((entry, i) => ({
    resources: [...entry.resources],
    providers: entry.providers.map((given, j) => {
      const field = fieldOf(`resources[${i}].providers[${j}]`);
      const provider = readInstance(given, EncryptionProvider, field, problems,
        'give EncryptionProvider.kms({ ... }) or EncryptionProvider.identity()');
      if (provider === undefined) {
        return {};
      }
      if (provider._form === undefined) {
        problems.add(field, 'this EncryptionProvider was made with new, and holds no settings',
          'use EncryptionProvider.kms({ ... }) or EncryptionProvider.identity()');
        return {};
      }
      if (provider._form.kind === 'identity') {
        return { identity: {} };
      }
      const kms = readObject(provider._form.options, `${field}.kms`, problems, '{ name: "my-kms", plugin: { ... } }') ?? {};
      const name = readString(kms.name, `${field}.kms.name`, problems, 'give the provider a name, such as "my-kms"');
      const endpoint = readString(kms.endpoint, `${field}.kms.endpoint`, problems, 'give the endpoint as "unix:///<socket path>"');
      const plugin = kms.plugin === undefined ? undefined : readPlugin(kms.plugin, `${field}.kms.plugin`, problems);
      if (kms.plugin !== undefined && kms.endpoint !== undefined) {
        problems.add(`${field}.kms`, `KMS provider ${JSON.stringify(name)} has both a plugin and an endpoint`,
          'give plugin (the construct runs it and derives the endpoint) or endpoint (for a plugin you wire yourself), not both');
      }
      if (plugin) {
        plugins.push({ plugin, field: `${field}.kms.plugin` });
      }
      const timeout = readInstance(kms.timeout, Duration, `${field}.kms.timeout`, problems, 'give a Duration, such as Duration.seconds(3)');
      return {
        kms: {
          apiVersion: 'v2',
          name,
          endpoint: endpoint ?? (plugin ? `unix://${plugin.socketPath}` : undefined),
          timeout: timeout ? renderDuration(timeout) : undefined,
        },
      };
    }),
  }));

  return {
    config: { apiVersion: 'apiserver.config.k8s.io/v1', kind: 'EncryptionConfiguration', resources },
    fieldOf,
    plugins,
    automaticReload: readBoolean(o.automaticReload, 'encryption.automaticReload', problems) ?? false,
    allowIdentityFirst: readBoolean(o.allowIdentityFirst, 'encryption.allowIdentityFirst', problems) ?? false,
    inputProblems: problems.list,
  };
}

/** The Secret form: the Secret and key to mount, and the plugins to run. */
function secretSpec(options: SecretEncryptionOptions): EncryptionSpec {
  const problems = new Problems();
  const o = readObject(options, 'encryption', problems, '{ secretName: "encryption-config" }') ?? {};
  const secretName = readString(o.secretName, 'encryption.secretName', problems, 'name the Secret that holds the EncryptionConfiguration') ?? '';
  const key = readString(o.key, 'encryption.key', problems, 'give the key of the Secret that holds the file') ?? ENCRYPTION_CONFIG_FILE;
  const plugins: PluginSpec[] = [];
  readList(o.kmsPlugins, 'encryption.kmsPlugins', problems, 'KMS plugins').forEach((given, i) => {
    const plugin = readPlugin(given, `encryption.kmsPlugins[${i}]`, problems);
    if (plugin) {
      plugins.push({ plugin, field: `encryption.kmsPlugins[${i}]` });
    }
  });
  return {
    secret: { secretName, key },
    fieldOf: (path) => `Secret ${secretName}[${key}].${path}`,
    plugins,
    automaticReload: readBoolean(o.automaticReload, 'encryption.automaticReload', problems) ?? false,
    allowIdentityFirst: readBoolean(o.allowIdentityFirst, 'encryption.allowIdentityFirst', problems) ?? false,
    inputProblems: problems.list,
  };
}

/** Renders a plain configuration as YAML, without the fields left undefined. */
export function renderConfig(config: PlainConfig): string {
  return stringify(JSON.parse(JSON.stringify(config)));
}
