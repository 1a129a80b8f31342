/**
 * The Certificate specs, as pure functions: what each certificate says (common name, names, usages,
 * key, lifetime) and why. The constructs put them into cert-manager Certificate objects.
 *
 * Common names follow the operator's (operator/pkg/certs), so that its users find the same
 * subjects; the etcd peer certificate and the service-account key are ours (the operator has
 * neither a peer certificate nor a separate key).
 */
import {
  CertificateSpec, CertificateSpecPrivateKeyRotationPolicy as RotationPolicy, CertificateSpecUsages as Usage,
} from '../imports/cert-manager.io';
import { parseIp } from '../kubernetes/grammar';
import { IssuerReference, issuerRefOf } from './issuer';
import {
  CA_DURATION, CA_RENEW_BEFORE, KeyAlgorithm, LEAF_DURATION, LEAF_RENEW_BEFORE, SERVICE_ACCOUNT_DURATION, SERVICE_ACCOUNT_RENEW_BEFORE,
  SubjectAlternativeNames, leafUsages, privateKeyOf, unique,
} from './profile';

/** The common names of the CAs, as the operator names them. */
export const KARMADA_CA_COMMON_NAME = 'karmada';
export const FRONT_PROXY_CA_COMMON_NAME = 'front-proxy-ca';
export const ETCD_CA_COMMON_NAME = 'karmada-etcd-ca';

/** The common names of the leaves. */
export const APISERVER_COMMON_NAME = 'karmada-apiserver';
/** Must match the API server's `--requestheader-allowed-names`. */
export const FRONT_PROXY_CLIENT_COMMON_NAME = 'front-proxy-client';
export const SERVICE_ACCOUNT_COMMON_NAME = 'karmada-service-account';
export const ETCD_SERVER_COMMON_NAME = 'karmada-etcd-server';
/** The only name etcd accepts from a peer (`--peer-cert-allowed-cn`) when the certificates come from cert-manager. */
export const ETCD_PEER_COMMON_NAME = 'karmada-etcd-peer';
export const ETCD_CLIENT_COMMON_NAME = 'karmada-etcd-client';

/** What every leaf needs: where cert-manager writes it, who signs it, and its key algorithm. */
export interface LeafInput {
  readonly secretName: string;
  readonly issuer: IssuerReference;
  readonly keyAlgorithm: KeyAlgorithm;
}

function leaf(input: LeafInput, commonName: string, usages: Usage[]): CertificateSpec {
  return {
    secretName: input.secretName,
    issuerRef: issuerRefOf(input.issuer),
    commonName,
    usages: leafUsages(input.keyAlgorithm, ...usages),
    duration: LEAF_DURATION,
    renewBefore: LEAF_RENEW_BEFORE,
    // A new key at every renewal (cert-manager's default since 1.18, written out): every holder of
    // these keys reads them again (docs/certificates.md).
    privateKey: privateKeyOf(input.keyAlgorithm, RotationPolicy.ALWAYS),
  };
}

/** The names a Service is reached by from inside the cluster, shortest first. */
export function serviceDnsNames(service: string, namespace: string, clusterDomain: string): string[] {
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.${clusterDomain}`];
}

/**
 * A self-signed CA. Its key is kept when cert-manager renews it (`rotationPolicy: Never`): the
 * renewed CA certificate then verifies every leaf the old one signed, so nothing breaks while the
 * leaves and the processes that hold the CA catch up.
 */
export function caCertificate(secretName: string, commonName: string, selfSigned: IssuerReference, keyAlgorithm: KeyAlgorithm): CertificateSpec {
  return {
    secretName,
    issuerRef: issuerRefOf(selfSigned),
    isCa: true,
    commonName,
    usages: [Usage.CERT_SIGN, Usage.DIGITAL_SIGNATURE],
    duration: CA_DURATION,
    renewBefore: CA_RENEW_BEFORE,
    privateKey: privateKeyOf(keyAlgorithm, RotationPolicy.NEVER),
  };
}

/** Where the API server is reached, for its serving certificate. */
export interface ApiServerAddresses {
  readonly serviceName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  /** A LoadBalancer's host name or address, when the Service has one. */
  readonly loadBalancerHost?: string;
  /** More names and addresses, as given. */
  readonly extra: SubjectAlternativeNames;
}

/**
 * The API server's serving certificate. Its names are every name a client reaches the server by:
 * the Service in each of its short and long forms; `kubernetes`, `kubernetes.default`,
 * `kubernetes.default.svc` and `kubernetes.default.svc.<domain>` (the host of the service-account
 * issuer URL, and the names clients in the Karmada control plane use); `localhost` and 127.0.0.1
 * for clients in the pod; then the load balancer and the extra names.
 *
 * The pod IP is not among them: the kubelet's HTTPS probes do not verify the certificate.
 */
export function apiServerServingCertificate(input: LeafInput, at: ApiServerAddresses): CertificateSpec {
  const lb = at.loadBalancerHost;
  const lbIsIp = lb !== undefined && parseIp(lb) !== undefined;
  return {
    ...leaf(input, APISERVER_COMMON_NAME, [Usage.SERVER_AUTH]),
    dnsNames: unique([
      ...serviceDnsNames(at.serviceName, at.namespace, at.clusterDomain),
      ...serviceDnsNames('kubernetes', 'default', at.clusterDomain),
      'localhost',
      ...(lb !== undefined && !lbIsIp ? [lb] : []),
      ...at.extra.dnsNames,
    ]),
    ipAddresses: unique(['127.0.0.1', ...(lb !== undefined && lbIsIp ? [lb] : []), ...at.extra.ipAddresses]),
  };
}

/**
 * The front-proxy client certificate: the API server presents it to aggregated API servers, which
 * accept it when it is signed by the front-proxy CA and its name is in
 * `--requestheader-allowed-names` (front-proxy-client).
 */
export function frontProxyClientCertificate(input: LeafInput): CertificateSpec {
  return leaf(input, FRONT_PROXY_CLIENT_COMMON_NAME, [Usage.CLIENT_AUTH]);
}

/**
 * The service-account key pair: a Certificate used only for its key, which signs and verifies
 * service-account tokens. kube-apiserver reads these keys once, at start: a new key would be used
 * only after a restart, and would then reject every token signed with the old one. So the key never
 * changes (`rotationPolicy: Never`); renewals only re-sign the unused certificate.
 */
export function serviceAccountKeyCertificate(input: LeafInput): CertificateSpec {
  return {
    ...leaf(input, SERVICE_ACCOUNT_COMMON_NAME, []),
    usages: leafUsages(KeyAlgorithm.ECDSA_P256), // digital signature only: the key signs tokens
    duration: SERVICE_ACCOUNT_DURATION,
    renewBefore: SERVICE_ACCOUNT_RENEW_BEFORE,
    privateKey: privateKeyOf(input.keyAlgorithm, RotationPolicy.NEVER),
  };
}

/** Where an etcd is reached, for its certificates. */
export interface EtcdAddresses {
  readonly clientServiceName: string;
  readonly peerServiceName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  /** The member (pod) names. */
  readonly members: readonly string[];
  /** More names and addresses for the server certificate, as given. */
  readonly extra: SubjectAlternativeNames;
}

/** The domain of the members' own names: `<member>.<peer service>.<namespace>.svc.<domain>`. */
export function memberDomain(at: Pick<EtcdAddresses, 'peerServiceName' | 'namespace' | 'clusterDomain'>): string {
  return `${at.peerServiceName}.${at.namespace}.svc.${at.clusterDomain}`;
}

/**
 * The etcd server certificate. Names: the client Service in each form (the API server dials its
 * long form), every member by its own name (each advertises that name to clients), and localhost
 * and 127.0.0.1 (etcd's own gateway dials itself there). Server and client usages: etcd presents
 * this certificate as a client too when it dials itself (kubeadm does the same, citing etcd issue
 * 9785).
 */
export function etcdServerCertificate(input: LeafInput, at: EtcdAddresses): CertificateSpec {
  return {
    ...leaf(input, ETCD_SERVER_COMMON_NAME, [Usage.SERVER_AUTH, Usage.CLIENT_AUTH]),
    dnsNames: unique([
      ...serviceDnsNames(at.clientServiceName, at.namespace, at.clusterDomain),
      `*.${memberDomain(at)}`,
      'localhost',
      ...at.extra.dnsNames,
    ]),
    ipAddresses: unique(['127.0.0.1', ...at.extra.ipAddresses]),
  };
}

/**
 * The etcd peer certificate, one for all members: each presents it as a server to the peers that
 * dial it, and as a client when it dials them. etcd checks a client certificate's names against the
 * address that connects: by reverse lookup for the wildcard, and by forward lookup for each
 * member's own name, which the headless peer Service publishes even before the member is ready.
 */
export function etcdPeerCertificate(input: LeafInput, at: EtcdAddresses): CertificateSpec {
  const domain = memberDomain(at);
  return {
    ...leaf(input, ETCD_PEER_COMMON_NAME, [Usage.SERVER_AUTH, Usage.CLIENT_AUTH]),
    dnsNames: unique([`*.${domain}`, ...at.members.map((member) => `${member}.${domain}`)]),
  };
}

/**
 * The API server's etcd client certificate. No names at all, on purpose: etcd checks the names of a
 * client certificate that has any against the address the client connects from, and the API
 * server's pod address is not known in advance.
 */
export function etcdClientCertificate(input: LeafInput): CertificateSpec {
  return leaf(input, ETCD_CLIENT_COMMON_NAME, [Usage.CLIENT_AUTH]);
}
