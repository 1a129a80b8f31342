/**
 * Where the API server keeps its data: the etcd the Karmada operator deploys beside it, or an etcd
 * cluster of the user's own.
 */
import type { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { EtcdSecretLayout, etcdClientCertificateVolume } from '../certificates/layout';
import { etcdClientCertificateName } from '../certificates/names';
import { ETCD_CERT_DIR, ETCD_CERT_VOLUME } from '../model/layout';
import { Problem, Problems, q } from '../problems';
import { readInstance, readList, readObject, readString } from '../runtime';
import { KarmadaEtcd } from './construct';
import { CLIENT_PORT } from './layout';
import { EtcdCertificates, KarmadaEtcdOptions } from './props';

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

/** What the API server tells `EtcdConfig.inCluster()` when it makes the etcd as its child. */
export interface InClusterEtcdContext {
  readonly instanceName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
}

/** The etcd modes, as the factories record them. */
type EtcdMode =
  | { readonly kind: 'local'; readonly options: LocalEtcdOptions }
  | { readonly kind: 'external'; readonly options: ExternalEtcdOptions }
  | { readonly kind: 'inCluster'; readonly options: KarmadaEtcdOptions }
  | { readonly kind: 'karmadaEtcd'; readonly etcd: KarmadaEtcd };

/**
 * Where the API server keeps its data.
 *
 * `EtcdConfig.local()` wires the API server to the etcd the Karmada operator deploys beside it;
 * `EtcdConfig.external()` to an etcd cluster of your own; `EtcdConfig.inCluster()` to a
 * `KarmadaEtcd` that the API server makes as its child; `EtcdConfig.fromKarmadaEtcd()` to a
 * `KarmadaEtcd` made on its own.
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

  /**
   * An etcd that this library renders beside the API server (a `KarmadaEtcd`, made by the API
   * server as its child): the operator's local etcd with TLS between peers and our security
   * defaults. The API server's flags and mount are the same as with `local()`: the client Service
   * `<instance>-etcd-client`, and the files `etcd-ca.crt`, `etcd-client.crt`, `etcd-client.key`
   * (from the cert-manager Secret `<instance>-etcd-client-cert`, or from the operator's
   * `<instance>-etcd-cert`).
   */
  public static inCluster(options: KarmadaEtcdOptions = {}): EtcdConfig {
    return new EtcdConfig({ kind: 'inCluster', options });
  }

  /** A `KarmadaEtcd` made on its own, in the API server's namespace. */
  public static fromKarmadaEtcd(etcd: KarmadaEtcd): EtcdConfig {
    return new EtcdConfig({ kind: 'karmadaEtcd', etcd });
  }

  private constructor(private readonly mode: EtcdMode) {}

  /** Which factory made this (the operator target maps it to `spec.components.etcd`). @internal */
  public get _kind(): EtcdMode['kind'] | undefined {
    return this.mode?.kind;
  }

  /**
   * Makes the etcd of `inCluster()` under `scope` (the API server), as the child `Etcd`; nothing
   * for the other modes. @internal
   */
  public _createEtcd(scope: Construct, context: InClusterEtcdContext): KarmadaEtcd | undefined {
    if (this.mode?.kind !== 'inCluster') {
      return undefined;
    }
    // The instance, namespace and domain are the API server's: its flags name this etcd by them.
    const options: object = typeof this.mode.options === 'object' && this.mode.options !== null ? this.mode.options : {};
    return new KarmadaEtcd(scope, 'Etcd', { ...options, ...context });
  }

  /** The flags, volume and mount that connect the API server to this etcd. @internal */
  public _wire(context: EtcdContext): EtcdWiring {
    const problems = new Problems();
    if (this.mode === undefined) {
      // Made with `new` from JavaScript, where the constructor is not private.
      problems.add('etcd', 'this EtcdConfig was made with new, and holds no settings', 'use EtcdConfig.local() or EtcdConfig.external({ ... })');
      return { ...wireLocal({}, context), inputProblems: problems.list };
    }
    if (this.mode.kind === 'karmadaEtcd') {
      return { ...wireKarmadaEtcd(this.mode.etcd, context, problems), inputProblems: problems.list };
    }
    const options = readObject(this.mode.options, 'etcd', problems, '{ ... }') ?? {};
    if (this.mode.kind === 'inCluster') {
      // The etcd's own props are read, and reported, by the KarmadaEtcd; here only what the wiring needs.
      const certificates = options.certificates instanceof EtcdCertificates ? options.certificates : undefined;
      return { ...wireInCluster(certificates, context), inputProblems: problems.list };
    }
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

/** The flags of an etcd with the operator's file names in the client directory, at one endpoint. */
function operatorLayoutFlags(endpoint: string): Record<string, string> {
  return {
    'etcd-cafile': `${ETCD_CERT_DIR}/etcd-ca.crt`,
    'etcd-certfile': `${ETCD_CERT_DIR}/etcd-client.crt`,
    'etcd-keyfile': `${ETCD_CERT_DIR}/etcd-client.key`,
    'etcd-servers': endpoint,
  };
}

function wireLocal(options: LocalEtcdOptions, context: EtcdContext): Omit<EtcdWiring, 'inputProblems'> {
  const service = options.serviceName ?? context.defaultServiceName;
  const endpoint = `https://${service}.${context.namespace}.svc.${context.clusterDomain}:${CLIENT_PORT}`;
  return {
    flags: operatorLayoutFlags(endpoint),
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

/**
 * The etcd the API server makes as its child: at its client Service (the operator's name, in the
 * API server's namespace), with the client certificate of its Secret laid out as `local()` has it.
 */
function wireInCluster(certificates: EtcdCertificates | undefined, context: EtcdContext): Omit<EtcdWiring, 'inputProblems'> {
  const endpoint = `https://${context.defaultServiceName}.${context.namespace}.svc.${context.clusterDomain}:${CLIENT_PORT}`;
  const source = certificates?._source();
  const secretOptions = source?.kind === 'secret' && typeof source.options === 'object' && source.options !== null ? source.options : {};
  const volume = source?.kind === 'certManager'
    ? etcdClientCertificateVolume(etcdClientCertificateName(context.defaultServiceName), EtcdSecretLayout.CERT_MANAGER)
    : etcdClientCertificateVolume(typeof secretOptions.secretName === 'string' ? secretOptions.secretName : context.defaultCertSecretName,
      EtcdSecretLayout.OPERATOR);
  return {
    flags: operatorLayoutFlags(endpoint),
    volume,
    volumeMount: certVolume('').volumeMount,
    endpoints: [endpoint],
    // Built from names that the etcd's and the API server's name checks cover.
    endpointsGiven: false,
    services: [context.defaultServiceName],
  };
}

/** A KarmadaEtcd made on its own: its client URL and its client certificate, which must be in the API server's namespace. */
function wireKarmadaEtcd(given: unknown, context: EtcdContext, problems: Problems): Omit<EtcdWiring, 'inputProblems'> {
  const etcd = readInstance(given, KarmadaEtcd, 'etcd', problems, 'give the KarmadaEtcd to connect to');
  if (etcd === undefined) {
    return wireInCluster(undefined, context);
  }
  if (etcd.namespace !== context.namespace) {
    problems.add('etcd', `the KarmadaEtcd at ${etcd.node.path} is in namespace ${q(etcd.namespace)}, and the API server in ${q(context.namespace)}: `
      + 'the API server pod cannot mount its client certificate from another namespace', 'make both in one namespace');
  }
  return {
    flags: operatorLayoutFlags(etcd.clientUrl),
    volume: etcd.clientCertificateVolume,
    volumeMount: certVolume('').volumeMount,
    endpoints: [etcd.clientUrl],
    endpointsGiven: false,
    services: [etcd.clientServiceName],
  };
}
