import { k8s } from 'cdk8s-plus-28';

/** Where the etcd client certificate is mounted in the API server container. */
export const ETCD_CERT_DIR = '/etc/karmada/pki/etcd-client';

/** The name of the volume that holds the etcd client certificate. */
export const ETCD_CERT_VOLUME = 'etcd-client-cert';

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

/** What the etcd wiring contributes to the API server pod. @internal */
export interface EtcdWiring {
  readonly flags: Record<string, string>;
  readonly volume: k8s.Volume;
  readonly volumeMount: k8s.VolumeMount;
  /** The endpoints, for the checks. */
  readonly endpoints: string[];
  /** Whether the user wrote the endpoints (or a part of them), so that the checks must read them. */
  readonly endpointsGiven: boolean;
}

/** What the etcd wiring needs to know about the instance. @internal */
export interface EtcdContext {
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly defaultCertSecretName: string;
  readonly defaultServiceName: string;
}

/**
 * Where the API server keeps its data.
 *
 * `EtcdConfig.local()` wires the API server to the etcd the Karmada operator deploys beside it;
 * `EtcdConfig.external()` to an etcd cluster of your own.
 */
export abstract class EtcdConfig {
  /** The etcd that the Karmada operator deploys for the instance (the operator's default wiring). */
  public static local(options: LocalEtcdOptions = {}): EtcdConfig {
    return new LocalEtcd(options);
  }

  /** An etcd cluster outside the instance, reached over TLS with a client certificate. */
  public static external(options: ExternalEtcdOptions): EtcdConfig {
    return new ExternalEtcd(options);
  }

  /** @internal */
  public abstract _wire(context: EtcdContext): EtcdWiring;
}

function certVolume(secretName: string): Pick<EtcdWiring, 'volume' | 'volumeMount'> {
  return {
    volume: { name: ETCD_CERT_VOLUME, secret: { secretName } },
    volumeMount: { name: ETCD_CERT_VOLUME, mountPath: ETCD_CERT_DIR, readOnly: true },
  };
}

class LocalEtcd extends EtcdConfig {
  constructor(private readonly options: LocalEtcdOptions) {
    super();
  }

  public _wire(context: EtcdContext): EtcdWiring {
    const service = this.options.serviceName ?? context.defaultServiceName;
    const endpoint = `https://${service}.${context.namespace}.svc.${context.clusterDomain}:2379`;
    return {
      flags: {
        'etcd-cafile': `${ETCD_CERT_DIR}/etcd-ca.crt`,
        'etcd-certfile': `${ETCD_CERT_DIR}/etcd-client.crt`,
        'etcd-keyfile': `${ETCD_CERT_DIR}/etcd-client.key`,
        'etcd-servers': endpoint,
      },
      ...certVolume(this.options.clientCertSecretName ?? context.defaultCertSecretName),
      endpoints: [endpoint],
      // Built from names that the name checks cover, unless the user names the Service.
      endpointsGiven: this.options.serviceName !== undefined,
    };
  }
}

class ExternalEtcd extends EtcdConfig {
  constructor(private readonly options: ExternalEtcdOptions) {
    super();
  }

  public _wire(): EtcdWiring {
    const flags: Record<string, string> = {
      'etcd-cafile': `${ETCD_CERT_DIR}/ca.crt`,
      'etcd-certfile': `${ETCD_CERT_DIR}/tls.crt`,
      'etcd-keyfile': `${ETCD_CERT_DIR}/tls.key`,
      'etcd-servers': (this.options.endpoints ?? []).join(','),
    };
    if (this.options.keyPrefix !== undefined) {
      flags['etcd-prefix'] = this.options.keyPrefix;
    }
    return {
      flags,
      ...certVolume(this.options.clientCertSecretName),
      endpoints: [...(this.options.endpoints ?? [])],
      endpointsGiven: true,
    };
  }
}
