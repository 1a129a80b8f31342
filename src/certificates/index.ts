export { IssuerReference } from './issuer';
export { KeyAlgorithm } from './profile';
export { KarmadaCertificateAuthorities, KarmadaCertificateAuthoritiesProps } from './authorities';
export { KarmadaApiServerCertificates, KarmadaApiServerCertificatesProps } from './apiserver';
export {
  ApiServerCertificateSecrets, EtcdSecretLayout, EtcdServerSecrets,
  apiServerCertificateVolume, etcdClientCertificateVolume, etcdServerCertificateVolume,
} from './layout';
