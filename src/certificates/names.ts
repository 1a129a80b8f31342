/**
 * The names of the cert-manager objects of an instance, by the operator's naming rule
 * (`<instance>-<suffix>`, or `<instance>-karmada-<suffix>` when the name lacks "karmada").
 *
 * A Certificate and the Secret cert-manager writes for it share one name; so do a CA's
 * Certificate, its Secret and the CA Issuer that signs with it. None of them is a name the operator
 * uses (`<instance>-cert`, `<instance>-etcd-cert`), so both can live in one namespace.
 */
import { componentName } from '../model/naming';

/** The names of the certificate authorities of an instance. */
export interface AuthorityNames {
  /** The self-signed Issuer that signs the three CAs. */
  readonly selfSignedIssuer: string;
  /** The Karmada CA: signs the API server's serving certificate and the clients the API server trusts. */
  readonly karmadaCa: string;
  /** The front-proxy CA: signs the front-proxy client certificate (aggregated API servers trust it). */
  readonly frontProxyCa: string;
  /** The etcd CA: signs the etcd server, peer and client certificates. */
  readonly etcdCa: string;
}

export function authorityNames(instanceName: string): AuthorityNames {
  return {
    selfSignedIssuer: componentName(instanceName, 'selfsigned'),
    karmadaCa: componentName(instanceName, 'ca'),
    frontProxyCa: componentName(instanceName, 'front-proxy-ca'),
    etcdCa: componentName(instanceName, 'etcd-ca'),
  };
}

/** The names of the API server's leaf Certificates, which are also the names of their Secrets. */
export interface ApiServerCertificateNames {
  readonly serving: string;
  readonly frontProxyClient: string;
  readonly serviceAccountKey: string;
}

export function apiServerCertificateNames(instanceName: string): ApiServerCertificateNames {
  return {
    serving: componentName(instanceName, 'apiserver-cert'),
    frontProxyClient: componentName(instanceName, 'front-proxy-client-cert'),
    serviceAccountKey: componentName(instanceName, 'service-account-key'),
  };
}

/** The names of the etcd's leaf Certificates, which are also the names of their Secrets. */
export interface EtcdCertificateNames {
  readonly server: string;
  readonly peer: string;
  readonly client: string;
}

export function etcdCertificateNames(instanceName: string): EtcdCertificateNames {
  return {
    server: componentName(instanceName, 'etcd-server-cert'),
    peer: componentName(instanceName, 'etcd-peer-cert'),
    client: etcdClientCertificateName(componentName(instanceName, 'etcd-client')),
  };
}

/**
 * The etcd client certificate is named after the etcd client Service it is for:
 * `<service>-cert`. The API server's etcd wiring knows that Service's name (not the instance
 * name), and finds the certificate by it.
 */
export function etcdClientCertificateName(clientServiceName: string): string {
  return `${clientServiceName}-cert`;
}
