/**
 * The leaf certificates the API server pod holds, from cert-manager: serving, front-proxy client,
 * and the service-account key pair; and the projected volume that lays them out as the flags expect.
 */
import { ApiObject } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Certificate } from '../imports/cert-manager.io';
import { DEFAULT_CLUSTER_DOMAIN, LABEL_INSTANCE, LABEL_MANAGED_BY, MANAGED_BY, componentNames, namespaceOf } from '../model/naming';
import { Problems, formatProblem, q } from '../problems';
import { KarmadaCertificateAuthorities } from './authorities';
import { checkClusterDomain, checkInstanceName, checkIssuerNamespace, checkNamespace } from './checks';
import { ApiServerCertificateSecrets, apiServerCertificateVolume } from './layout';
import { apiServerServingCertificate, frontProxyClientCertificate, serviceAccountKeyCertificate } from './leaves';
import { apiServerCertificateNames } from './names';
import { DEFAULT_KEY_ALGORITHM, KeyAlgorithm, isSubjectAlternativeName, readKeyAlgorithm, readSans, splitSans } from './profile';
import { PropReaders, instanceProp, readPropsWith, stringProp } from '../prop-readers';

/** Props of `KarmadaApiServerCertificates`. */
export interface KarmadaApiServerCertificatesProps {
  /** The name of the Karmada instance (the API server's `instanceName`). */
  readonly instanceName: string;

  /**
   * The namespace of the Certificates: the API server's, since its pod mounts their Secrets.
   *
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The cluster's DNS domain, for the long names of the serving certificate.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;

  /** The CAs (or your own issuer) that sign the certificates. */
  readonly authorities: KarmadaCertificateAuthorities;

  /**
   * The host name or IP address of the API server Service's load balancer, when it has one and
   * clients reach the API server by it.
   *
   * @default - none
   */
  readonly loadBalancerHost?: string;

  /**
   * More names of the serving certificate (the operator's `certSANs`): each an IP address or a DNS
   * name (`*.` in front for a wildcard). Anything else is an error (the operator drops it silently).
   *
   * @default - none
   */
  readonly certSans?: string[];

  /**
   * The key algorithm of the three certificates. The service-account key signs tokens with it
   * (RS256 or ES256): check what your token consumers accept before you choose ECDSA.
   *
   * @default KeyAlgorithm.RSA_3072 (the operator's)
   */
  readonly keyAlgorithm?: KeyAlgorithm;
}

const READERS: PropReaders<KarmadaApiServerCertificatesProps> = {
  instanceName: stringProp('name the Karmada instance, such as "tenant1"'),
  namespace: stringProp('give the namespace name, such as "karmada-system"'),
  clusterDomain: stringProp('give the cluster\'s DNS domain, such as "cluster.local"'),
  authorities: instanceProp(KarmadaCertificateAuthorities, 'give a KarmadaCertificateAuthorities'),
  loadBalancerHost: stringProp('give the load balancer\'s host name or IP address'),
  certSans: (value, field, problems) => readSans(value, field, problems),
  keyAlgorithm: readKeyAlgorithm,
};

/**
 * The API server's certificates, issued by cert-manager: the serving certificate (Karmada CA), the
 * front-proxy client certificate (front-proxy CA) and the service-account key pair (Karmada CA,
 * key never rotated). The serving certificate is the default child.
 *
 * `secrets` names their Secrets and `volume` lays them out in /etc/karmada/pki with the file names
 * of the operator's flags; the kubelet brings renewed certificates into the running pod.
 */
export class KarmadaApiServerCertificates extends Construct {
  /** The serving certificate (the default child). */
  public readonly servingCertificate: ApiObject;
  /** The front-proxy client certificate. */
  public readonly frontProxyClientCertificate: ApiObject;
  /** The Certificate of the service-account key pair. */
  public readonly serviceAccountKeyCertificate: ApiObject;
  /** The Secrets cert-manager writes the certificates to. */
  public readonly secrets: ApiServerCertificateSecrets;
  /** The API server's certificate volume (`apiserver-cert`): the Secrets projected with the flags' file names. */
  public readonly volume: k8s.Volume;
  /** The namespace of the Certificates and their Secrets. */
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: KarmadaApiServerCertificatesProps) {
    super(scope, id);
    const problems = new Problems();
    const read = readPropsWith(props, READERS, 'KarmadaApiServerCertificates', '{ instanceName: "tenant1", authorities }', problems);
    const instanceName = read.instanceName ?? '';
    this.namespace = namespaceOf(this, read.namespace);
    const clusterDomain = read.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
    const names = apiServerCertificateNames(instanceName);
    const serviceName = componentNames(instanceName).apiServer;
    // The Service's name is the one of these with a 63-character limit (a Secret's may have 253).
    checkInstanceName(read.instanceName, [serviceName], problems);
    checkNamespace(this.namespace, problems);
    checkClusterDomain(clusterDomain, problems);
    const authorities = read.authorities;
    if (authorities === undefined && props?.authorities === undefined) {
      problems.add('authorities', 'no authorities are given', 'give the KarmadaCertificateAuthorities that sign these certificates');
    }
    const karmadaIssuer = authorities?.karmadaIssuer ?? { name: '', kind: 'Issuer' };
    const frontProxyIssuer = authorities?.frontProxyIssuer ?? { name: '', kind: 'Issuer' };
    if (authorities !== undefined) {
      checkIssuerNamespace('authorities', karmadaIssuer, authorities.namespace, this.namespace, problems);
    }
    const host = read.loadBalancerHost;
    if (host !== undefined && (host.startsWith('*') || !isSubjectAlternativeName(host))) {
      problems.add('loadBalancerHost', `${q(host)} is neither an IP address nor a DNS name`,
        'give the load balancer\'s address, such as "192.0.2.10" or "karmada.example.com"');
    }
    const problemLines = problems.list.map(formatProblem);
    this.node.addValidation({ validate: () => problemLines });

    const keyAlgorithm = read.keyAlgorithm ?? DEFAULT_KEY_ALGORITHM;
    const labels = { [LABEL_INSTANCE]: instanceName, [LABEL_MANAGED_BY]: MANAGED_BY };
    const metadata = (name: string) => ({ name, namespace: this.namespace, labels });
    const leaf = (name: string, issuer = karmadaIssuer) => ({ secretName: name, issuer, keyAlgorithm });

    this.servingCertificate = new Certificate(this, 'Resource', {
      metadata: metadata(names.serving),
      spec: apiServerServingCertificate(leaf(names.serving), {
        serviceName,
        namespace: this.namespace,
        clusterDomain,
        loadBalancerHost: host,
        extra: splitSans(read.certSans ?? []),
      }),
    });
    this.frontProxyClientCertificate = new Certificate(this, 'FrontProxyClient', {
      metadata: metadata(names.frontProxyClient),
      spec: frontProxyClientCertificate(leaf(names.frontProxyClient, frontProxyIssuer)),
    });
    this.serviceAccountKeyCertificate = new Certificate(this, 'ServiceAccountKey', {
      metadata: metadata(names.serviceAccountKey),
      spec: serviceAccountKeyCertificate(leaf(names.serviceAccountKey)),
    });
    this.secrets = {
      servingSecretName: names.serving,
      frontProxyClientSecretName: names.frontProxyClient,
      serviceAccountKeySecretName: names.serviceAccountKey,
    };
    this.volume = apiServerCertificateVolume(this.secrets);
  }
}
