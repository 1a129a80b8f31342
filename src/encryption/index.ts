export {
  EncryptionAtRest, EncryptionProvider, EncryptionResourceConfig, KmsEncryptionOptions, KmsPluginOptions,
  KmsProviderOptions, SecretEncryptionOptions,
} from './config';
