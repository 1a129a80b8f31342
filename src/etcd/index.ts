export { KarmadaEtcd } from './construct';
export {
  EtcdCertManagerOptions, EtcdCertificates, EtcdClaimOptions, EtcdEmptyDirOptions, EtcdSecretOptions, EtcdStorage,
  KarmadaEtcdOptions, KarmadaEtcdProps,
} from './props';
