/**
 * The public props of `KarmadaEtcd`, and the choices they take: where the certificates come from,
 * and where the data lives.
 */
import { ImagePullPolicy, k8s } from 'cdk8s-plus-28';
import type { IssuerReference } from '../certificates/issuer';
import type { KeyAlgorithm } from '../certificates/profile';

/** Options of `EtcdCertificates.certManager()`. */
export interface EtcdCertManagerOptions {
  /**
   * The issuer of the etcd server, peer and client certificates: the etcd CA, such as
   * `KarmadaCertificateAuthorities.etcdIssuer`. etcd trusts every client certificate it signs, so it
   * must be an issuer for this etcd alone. A namespaced Issuer must be in the etcd's namespace.
   */
  readonly issuer: IssuerReference;

  /**
   * The key algorithm of the three certificates.
   *
   * @default KeyAlgorithm.RSA_3072 (the operator's)
   */
  readonly keyAlgorithm?: KeyAlgorithm;

  /**
   * More names of the server certificate (the operator's `serverCertSANs`): IP addresses or DNS
   * names, for clients that reach etcd by another name.
   *
   * @default - none
   */
  readonly serverCertSans?: string[];
}

/** Options of `EtcdCertificates.fromSecret()`. */
export interface EtcdSecretOptions {
  /**
   * The Secret, in the operator's layout: `etcd-ca.crt`, `etcd-server.crt`, `etcd-server.key`,
   * `etcd-client.crt`, `etcd-client.key`. The server pair also serves as the peer pair: it must
   * have the server and client usages and the name `*.<statefulset>.<namespace>.svc.<domain>`, as
   * the operator makes it.
   *
   * @default - `<instance>-etcd-cert`, as the operator names it
   */
  readonly secretName?: string;
}

/** Where the etcd certificates come from, as the factories record it. */
export type EtcdCertificateSource =
  | { readonly kind: 'certManager'; readonly options: EtcdCertManagerOptions }
  | { readonly kind: 'secret'; readonly options: EtcdSecretOptions };

/**
 * Where the etcd certificates come from: Certificates that cert-manager issues
 * (`EtcdCertificates.certManager()`), or a Secret in the operator's layout that exists already
 * (`EtcdCertificates.fromSecret()`).
 */
export class EtcdCertificates {
  /**
   * cert-manager issues the server, peer and client certificates (the client one for the API
   * server), signed by the given issuer; the etcd makes the Certificates.
   */
  public static certManager(options: EtcdCertManagerOptions): EtcdCertificates {
    return new EtcdCertificates({ kind: 'certManager', options });
  }

  /** A Secret in the operator's layout, made elsewhere (by the operator, or by hand). */
  public static fromSecret(options: EtcdSecretOptions = {}): EtcdCertificates {
    return new EtcdCertificates({ kind: 'secret', options });
  }

  private constructor(private readonly source: EtcdCertificateSource) {}

  /** What the factory recorded; undefined when made with `new` from JavaScript. @internal */
  public _source(): EtcdCertificateSource | undefined {
    return this.source;
  }
}

/** Options of `EtcdStorage.claim()`. */
export interface EtcdClaimOptions {
  /**
   * The size of each member's volume.
   *
   * @default '8Gi' (etcd's default space quota is 2 GiB; the rest holds the write-ahead log and snapshots)
   */
  readonly size?: string;

  /**
   * The StorageClass of the claims.
   *
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
}

/** Options of `EtcdStorage.emptyDir()`. */
export interface EtcdEmptyDirOptions {
  /**
   * The most the directory may hold before the kubelet evicts the pod.
   *
   * @default - no limit
   */
  readonly sizeLimit?: string;
}

/** Where the etcd data lives, as the factories record it. */
export type EtcdStorageSource =
  | { readonly kind: 'claim'; readonly options: EtcdClaimOptions }
  | { readonly kind: 'emptyDir'; readonly options: EtcdEmptyDirOptions };

/**
 * Where each etcd member keeps its data: a PersistentVolumeClaim per member
 * (`EtcdStorage.claim()`), or a directory that lives as long as the pod (`EtcdStorage.emptyDir()`).
 */
export class EtcdStorage {
  /**
   * A PersistentVolumeClaim per member, from the StatefulSet's claim template `etcd-data` (claims
   * `etcd-data-<member>`, kept when the StatefulSet is deleted).
   */
  public static claim(options: EtcdClaimOptions = {}): EtcdStorage {
    return new EtcdStorage({ kind: 'claim', options });
  }

  /**
   * An emptyDir, as the operator uses by default: the data is lost when the pod is deleted, and a
   * member of a cluster of several that comes back empty cannot rejoin by itself. For tests and
   * throw-away instances.
   */
  public static emptyDir(options: EtcdEmptyDirOptions = {}): EtcdStorage {
    return new EtcdStorage({ kind: 'emptyDir', options });
  }

  private constructor(private readonly source: EtcdStorageSource) {}

  /** What the factory recorded; undefined when made with `new` from JavaScript. @internal */
  public _source(): EtcdStorageSource | undefined {
    return this.source;
  }
}

/** The settings of an in-cluster etcd: the props of `KarmadaEtcd`, or `EtcdConfig.inCluster()`. */
export interface KarmadaEtcdOptions {
  /**
   * The number of members: 1, 3, 5 or 7. An even number tolerates no more failures than the odd
   * number below it, and needs one more member for every write. With 3 or more, the pods get a
   * PodDisruptionBudget (`maxUnavailable: 1`) and a required anti-affinity (one member per node).
   * The count is read when the cluster is first made: changing it later needs etcd member
   * commands, not a new value here.
   *
   * @default 1 (the operator's)
   */
  readonly replicas?: number;

  /**
   * Where the server, peer and client certificates come from.
   *
   * @default EtcdCertificates.fromSecret() - the operator's Secret `<instance>-etcd-cert`, made elsewhere
   */
  readonly certificates?: EtcdCertificates;

  /**
   * Where the data lives.
   *
   * @default EtcdStorage.claim() - an 8Gi claim per member, of the default StorageClass
   */
  readonly storage?: EtcdStorage;

  /**
   * The etcd image repository.
   *
   * @default 'registry.k8s.io/etcd'
   */
  readonly imageRepository?: string;

  /**
   * The etcd image tag.
   *
   * @default '3.6.8-0' (the operator's)
   */
  readonly imageTag?: string;

  /**
   * When the kubelet pulls the image.
   *
   * @default ImagePullPolicy.IF_NOT_PRESENT
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Compute resources of the etcd container.
   *
   * @default - requests 100m CPU and 256Mi memory, limit 2Gi memory
   */
  readonly resources?: k8s.ResourceRequirements;

  /**
   * The priority class of the etcd pods.
   *
   * @default 'system-node-critical' (the operator's)
   */
  readonly priorityClassName?: string;

  /**
   * Labels for the StatefulSet, its pods, the Services and the budget. They never enter the
   * selector, and may not override `app.kubernetes.io/name`, `instance` and `managed-by`.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations for the StatefulSet and its pods.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Tolerations of the etcd pods.
   *
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];

  /**
   * Affinity of the etcd pods. With 3 members or more and no `podAntiAffinity` here and no
   * `topologySpreadConstraints`, a required pod anti-affinity on `kubernetes.io/hostname` is added
   * (your nodeAffinity and podAffinity are kept): a node that fails takes one member with it.
   *
   * @default - none; with 3 members or more, the pod anti-affinity above
   */
  readonly affinity?: k8s.Affinity;

  /**
   * Node labels the etcd pods must run on.
   *
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * How the etcd pods spread across zones or nodes, kept as given; giving any replaces the default
   * pod anti-affinity. Each constraint's labelSelector must select the etcd pods
   * (`app.kubernetes.io/name: etcd` and `app.kubernetes.io/instance: <instanceName>`).
   *
   * @default - none
   */
  readonly topologySpreadConstraints?: k8s.TopologySpreadConstraint[];
}

/** Props of `KarmadaEtcd`. */
export interface KarmadaEtcdProps extends KarmadaEtcdOptions {
  /** The name of the Karmada instance; the objects are named after it as the operator names them. */
  readonly instanceName: string;

  /**
   * The namespace of every object: the API server's, since its pod mounts the client certificate.
   *
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The cluster's DNS domain, for the members' names.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}
