/**
 * The certificate authorities of a Karmada instance, made by cert-manager: a self-signed Issuer, and
 * for each of the three trust domains the operator keeps apart (the Karmada CA, the front-proxy CA,
 * the etcd CA) a CA Certificate and a CA Issuer that signs with it. Or, given an issuer of your own,
 * nothing: every leaf is then signed by it.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Certificate, Issuer } from '../imports/cert-manager.io';
import { LABEL_INSTANCE, LABEL_MANAGED_BY, MANAGED_BY } from '../model/naming';
import { formatProblem, Problems } from '../problems';
import { checkInstanceName, checkNamespace } from './checks';
import { CERT_MANAGER_GROUP, IssuerReference, readIssuerReference } from './issuer';
import { ETCD_CA_COMMON_NAME, FRONT_PROXY_CA_COMMON_NAME, KARMADA_CA_COMMON_NAME, caCertificate } from './leaves';
import { authorityNames } from './names';
import { DEFAULT_KEY_ALGORITHM, KeyAlgorithm, readKeyAlgorithm } from './profile';
import { PropReaders, readPropsWith, stringProp } from '../prop-readers';
import { namespaceOf } from '../model/naming';

/** Props of `KarmadaCertificateAuthorities`. */
export interface KarmadaCertificateAuthoritiesProps {
  /** The name of the Karmada instance; the objects are named after it as the operator names its own. */
  readonly instanceName: string;

  /**
   * The namespace of the Issuers and CA Certificates (and of the Certificates that use these
   * Issuers, which must be in the same namespace).
   *
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * An issuer of your own (a ClusterIssuer of your CA, say) that signs every leaf certificate of the
   * instance. Nothing is made then. The API server then trusts, for client certificates, every
   * certificate this issuer signs, and etcd, every client certificate it signs: give an issuer
   * dedicated to this instance.
   *
   * @default - a self-signed Issuer and three CAs of the instance's own (Karmada, front-proxy, etcd)
   */
  readonly issuer?: IssuerReference;

  /**
   * The key algorithm of the CAs.
   *
   * @default KeyAlgorithm.RSA_3072 (the operator's)
   */
  readonly keyAlgorithm?: KeyAlgorithm;
}

const READERS: PropReaders<KarmadaCertificateAuthoritiesProps> = {
  instanceName: stringProp('name the Karmada instance, such as "tenant1"'),
  namespace: stringProp('give the namespace name, such as "karmada-system"'),
  issuer: readIssuerReference,
  keyAlgorithm: readKeyAlgorithm,
};

/**
 * The certificate authorities of a Karmada instance, from cert-manager.
 *
 * Made, in the namespace: a self-signed Issuer (the default child); the CA Certificates
 * `<instance>-ca` (the Karmada CA), `<instance>-front-proxy-ca` and `<instance>-etcd-ca`, ten years
 * each, their keys kept across renewals; and a CA Issuer of the same name for each. With `issuer`,
 * nothing is made and every purpose uses that issuer.
 *
 * Pass it to `KarmadaApiServerCertificates`, and its `etcdIssuer` to `EtcdCertificates.certManager`.
 */
export class KarmadaCertificateAuthorities extends Construct {
  /** The issuer of the API server's serving certificate and of the clients the API server trusts. */
  public readonly karmadaIssuer: IssuerReference;
  /** The issuer of the front-proxy client certificate. */
  public readonly frontProxyIssuer: IssuerReference;
  /** The issuer of the etcd server, peer and client certificates. */
  public readonly etcdIssuer: IssuerReference;
  /** The name of the Karmada instance. */
  public readonly instanceName: string;
  /** The namespace of the objects, and of the Certificates that use the CA Issuers. */
  public readonly namespace: string;
  /** The self-signed Issuer (the default child), unless an issuer was given. */
  public readonly selfSignedIssuer?: ApiObject;
  /** The CA Certificates, unless an issuer was given: Karmada, front-proxy, etcd. */
  public readonly caCertificates: ApiObject[];
  /** The CA Issuers, unless an issuer was given: Karmada, front-proxy, etcd. */
  public readonly caIssuers: ApiObject[];

  constructor(scope: Construct, id: string, props: KarmadaCertificateAuthoritiesProps) {
    super(scope, id);
    const problems = new Problems();
    const read = readPropsWith(props, READERS, 'KarmadaCertificateAuthorities', '{ instanceName: "tenant1" }', problems);
    this.instanceName = read.instanceName ?? '';
    this.namespace = namespaceOf(this, read.namespace);
    const names = authorityNames(this.instanceName);
    // Issuer, Certificate and Secret names may have 253 characters: none of them is longer than that.
    checkInstanceName(read.instanceName, [], problems);
    checkNamespace(this.namespace, problems);
    const problemLines = problems.list.map(formatProblem);
    this.node.addValidation({ validate: () => problemLines });

    this.caCertificates = [];
    this.caIssuers = [];
    if (props?.issuer !== undefined) {
      // Given: every purpose uses it (an unusable one is reported above and left as given).
      const issuer = read.issuer ?? { name: '', kind: 'ClusterIssuer' };
      this.karmadaIssuer = issuer;
      this.frontProxyIssuer = issuer;
      this.etcdIssuer = issuer;
      return;
    }

    const keyAlgorithm = read.keyAlgorithm ?? DEFAULT_KEY_ALGORITHM;
    const labels = { [LABEL_INSTANCE]: this.instanceName, [LABEL_MANAGED_BY]: MANAGED_BY };
    const metadata = (name: string) => ({ name, namespace: this.namespace, labels });
    this.selfSignedIssuer = new Issuer(this, 'Resource', { metadata: metadata(names.selfSignedIssuer), spec: { selfSigned: {} } });
    const selfSigned: IssuerReference = { name: names.selfSignedIssuer, kind: 'Issuer', group: CERT_MANAGER_GROUP };

    const authority = (id: string, name: string, commonName: string): IssuerReference => {
      this.caCertificates.push(new Certificate(this, `${id}Certificate`, {
        metadata: metadata(name),
        spec: caCertificate(name, commonName, selfSigned, keyAlgorithm),
      }));
      this.caIssuers.push(new Issuer(this, `${id}Issuer`, { metadata: metadata(name), spec: { ca: { secretName: name } } }));
      return { name, kind: 'Issuer', group: CERT_MANAGER_GROUP };
    };
    this.karmadaIssuer = authority('KarmadaCa', names.karmadaCa, KARMADA_CA_COMMON_NAME);
    this.frontProxyIssuer = authority('FrontProxyCa', names.frontProxyCa, FRONT_PROXY_CA_COMMON_NAME);
    this.etcdIssuer = authority('EtcdCa', names.etcdCa, ETCD_CA_COMMON_NAME);
  }
}
