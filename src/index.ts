export * from './apiserver/props';
export * from './apiserver/construct';
export * from './apiserver/chart';
export { EtcdConfig, LocalEtcdOptions, ExternalEtcdOptions } from './etcd/config';
export * from './etcd';
export * from './certificates';
export * from './encryption';
