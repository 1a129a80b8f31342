export * from './apiserver';
export * from './chart';
export { EtcdConfig, LocalEtcdOptions, ExternalEtcdOptions } from './etcd';
export { SidecarOptions } from './sidecars';
export { ApiServerNetworkPolicyOptions } from './network-policy';
export {
  EncryptionAtRest, EncryptionProvider, EncryptionResourceConfig, KmsEncryptionOptions, KmsPluginOptions,
  KmsProviderOptions, SecretEncryptionOptions,
} from './encryption';
