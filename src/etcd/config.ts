/**
 * Where the API server keeps its data: the etcd the Karmada operator deploys beside it, or an etcd
 * cluster of the user's own.
 */
import type { k8s } from 'cdk8s-plus-28';
import { ETCD_CERT_DIR, ETCD_CERT_VOLUME } from '../model/layout';
import { Problem, Problems } from '../problems';
import { readList, readObject, readString } from '../runtime';

/** Options for the operator-style local etcd. */
export interface LocalEtcdOptions {
  /**
   * The Secret with the etcd client certificate: keys `etcd-ca.crt`, `etcd-client.crt` and `etcd-client.key`.
   *
   * @default - `<instance>-etcd-cert` (`<instance>-karmada-etcd-cert` when the name lacks "karmada"), as the operator names it
   */
  readonly clientCertSecretName?: string;

  /**
   * The etcd client Service, in the API server's namespace.
   *
   * @default - `<instance>-etcd-client` (`<instance>-karmada-etcd-client` when the name lacks "karmada")
   */
  readonly serviceName?: string;
}

/** Options for an etcd cluster that runs outside the Karmada instance. */
export interface ExternalEtcdOptions {
  /** The etcd client URLs, for example `https://etcd-0.example.com:2379`. Must not be empty. */
  readonly endpoints: string[];

  /** The Secret with the etcd client certificate: keys `ca.crt`, `tls.crt` and `tls.key`. */
  readonly clientCertSecretName: string;

  /**
   * A prefix for every key the API server writes (`--etcd-prefix`); lets instances share one etcd.
   *
   * @default - the API server's default, `/registry`
   */
  readonly keyPrefix?: string;
}

/** What the etcd wiring contributes to the API server pod. */
export interface EtcdWiring {
  readonly flags: Record<string, string>;
  readonly volume: k8s.Volume;
  readonly volumeMount: k8s.VolumeMount;
  /** The endpoints, for the checks. */
  readonly endpoints: string[];
  /** Whether the user wrote the endpoints (or a part of them), so that the checks must read them. */
  readonly endpointsGiven: boolean;
  /** The Services of the API server's namespace that the endpoints name (none for an external etcd). */
  readonly services: string[];
  /** Options of the wrong runtime type (from JavaScript), which the wiring left out. */
  readonly inputProblems: readonly Problem[];
}

/** What the etcd wiring needs to know about the instance. */
export interface EtcdContext {
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly defaultCertSecretName: string;
  readonly defaultServiceName: string;
}

/** The two etcd modes, as the factories record them. */
type EtcdMode =
  | { readonly kind: 'local'; readonly options: LocalEtcdOptions }
  | { readonly kind: 'external'; readonly options: ExternalEtcdOptions };

/**
 * Where the API server keeps its data.
 *
 * `EtcdConfig.local()` wires the API server to the etcd the Karmada operator deploys beside it;
 * `EtcdConfig.external()` to an etcd cluster of your own.
 */
export class EtcdConfig {
  /** The etcd that the Karmada operator deploys for the instance (the operator's default wiring). */
  public static local(options: LocalEtcdOptions = {}): EtcdConfig {
    return new EtcdConfig({ kind: 'local', options });
  }

  /** An etcd cluster outside the instance, reached over TLS with a client certificate. */
  public static external(options: ExternalEtcdOptions): EtcdConfig {
    return new EtcdConfig({ kind: 'external', options });
  }

  private constructor(private readonly mode: EtcdMode) {}

  /** Which factory made this (the operator target maps it to `spec.components.etcd`). @internal */
  public get _kind(): 'local' | 'external' | undefined {
    return this.mode?.kind;
  }

  /** The flags, volume and mount that connect the API server to this etcd. @internal */
  public _wire(context: EtcdContext): EtcdWiring {
    const problems = new Problems();
    if (this.mode === undefined) {
      // Made with `new` from JavaScript, where the constructor is not private.
      problems.add('etcd', 'this EtcdConfig was made with new, and holds no settings', 'use EtcdConfig.local() or EtcdConfig.external({ ... })');
      return { ...wireLocal({}, context), inputProblems: problems.list };
    }
    const options = readObject(this.mode.options, 'etcd', problems, '{ ... }') ?? {};
    const read = (key: string, fix: string) => readString(options[key], `etcd.${key}`, problems, fix);
    const clientCertSecretName = read('clientCertSecretName', 'name the Secret that holds the etcd client certificate');
    const wiring = this.mode.kind === 'local'
      ? wireLocal({ clientCertSecretName, serviceName: read('serviceName', 'name the etcd client Service') }, context)
      : wireExternal({
        endpoints: readList(options.endpoints, 'etcd.endpoints', problems, 'URLs').map(String),
        clientCertSecretName: clientCertSecretName ?? '',
        keyPrefix: read('keyPrefix', 'give the key prefix, such as "/tenant1"'),
      });
    return { ...wiring, inputProblems: problems.list };
  }
}

function certVolume(secretName: string): Pick<EtcdWiring, 'volume' | 'volumeMount'> {
  return {
    volume: { name: ETCD_CERT_VOLUME, secret: { secretName } },
    volumeMount: { name: ETCD_CERT_VOLUME, mountPath: ETCD_CERT_DIR, readOnly: true },
  };
}

function wireLocal(options: LocalEtcdOptions, context: EtcdContext): Omit<EtcdWiring, 'inputProblems'> {
  const service = options.serviceName ?? context.defaultServiceName;
  const endpoint = `https://${service}.${context.namespace}.svc.${context.clusterDomain}:2379`;
  return {
    flags: {
      'etcd-cafile': `${ETCD_CERT_DIR}/etcd-ca.crt`,
      'etcd-certfile': `${ETCD_CERT_DIR}/etcd-client.crt`,
      'etcd-keyfile': `${ETCD_CERT_DIR}/etcd-client.key`,
      'etcd-servers': endpoint,
    },
    ...certVolume(options.clientCertSecretName ?? context.defaultCertSecretName),
    endpoints: [endpoint],
    // Built from names that the name checks cover, unless the user names the Service.
    endpointsGiven: options.serviceName !== undefined,
    services: [service],
  };
}

function wireExternal(options: ExternalEtcdOptions): Omit<EtcdWiring, 'inputProblems'> {
  const flags: Record<string, string> = {
    'etcd-cafile': `${ETCD_CERT_DIR}/ca.crt`,
    'etcd-certfile': `${ETCD_CERT_DIR}/tls.crt`,
    'etcd-keyfile': `${ETCD_CERT_DIR}/tls.key`,
    'etcd-servers': options.endpoints.join(','),
  };
  if (options.keyPrefix !== undefined) {
    flags['etcd-prefix'] = options.keyPrefix;
  }
  return {
    flags,
    ...certVolume(options.clientCertSecretName),
    endpoints: [...options.endpoints],
    endpointsGiven: true,
    services: [],
  };
}
