export * from './apiserver/props';
export { ApiServerServiceAccount, CreatedServiceAccountOptions, ServiceAccountTokenOptions } from './apiserver/identity';
export * from './apiserver/construct';
export { ClusterPrerequisite } from './apiserver/prerequisites';
export * from './apiserver/chart';
export { EtcdConfig, LocalEtcdOptions, ExternalEtcdOptions } from './etcd/config';
export * from './etcd';
export * from './certificates';
export * from './encryption';
export * from './operator/props';
export * from './operator/instance';
/** The operator's `Karmada` custom resource, typed: the classes `cdk8s import` makes from its CRD (v1.19.0-rc.0). */
export * as operator from './imports/operator.karmada.io';
