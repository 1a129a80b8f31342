/**
 * The public props of `KarmadaOperatorInstance`: the API server's props (the same
 * `KarmadaApiServerProps` the standalone construct takes), and typed settings of the other
 * components of the operator's `Karmada` object.
 */
import type { KarmadaApiServerProps } from '../apiserver/props';
import type {
  KarmadaSpecComponentsEtcdLocal,
  KarmadaSpecComponentsKarmadaAggregatedApiServer,
  KarmadaSpecComponentsKarmadaControllerManager,
  KarmadaSpecComponentsKarmadaDescheduler,
  KarmadaSpecComponentsKarmadaMetricsAdapter,
  KarmadaSpecComponentsKarmadaScheduler,
  KarmadaSpecComponentsKarmadaSearch,
  KarmadaSpecComponentsKarmadaWebhook,
  KarmadaSpecComponentsKubeControllerManager,
} from '../imports/operator.karmada.io';

/**
 * Settings of the components of a Karmada instance other than the API server, typed with the
 * operator's own types (the `operator` submodule, imported from its CRD). Each is written into
 * `spec.components` as given; a component left out gets the operator's defaults.
 */
export interface KarmadaOperatorComponents {
  /**
   * The etcd the operator deploys for the instance (`spec.components.etcd.local`): replicas, image,
   * data volume, resources... Only with `apiServer.etcd` left out or `EtcdConfig.local()`.
   *
   * @default - the operator's defaults: one replica, an emptyDir data volume
   */
  readonly localEtcd?: KarmadaSpecComponentsEtcdLocal;

  /**
   * The Karmada aggregated API server.
   *
   * @default - the operator's defaults
   */
  readonly karmadaAggregatedApiServer?: KarmadaSpecComponentsKarmadaAggregatedApiServer;

  /**
   * The kube-controller-manager of the instance.
   *
   * @default - the operator's defaults
   */
  readonly kubeControllerManager?: KarmadaSpecComponentsKubeControllerManager;

  /**
   * The Karmada controller manager.
   *
   * @default - the operator's defaults
   */
  readonly karmadaControllerManager?: KarmadaSpecComponentsKarmadaControllerManager;

  /**
   * The Karmada scheduler.
   *
   * @default - the operator's defaults
   */
  readonly karmadaScheduler?: KarmadaSpecComponentsKarmadaScheduler;

  /**
   * The Karmada webhook.
   *
   * @default - the operator's defaults
   */
  readonly karmadaWebhook?: KarmadaSpecComponentsKarmadaWebhook;

  /**
   * The Karmada metrics adapter.
   *
   * @default - the operator's defaults (two replicas)
   */
  readonly karmadaMetricsAdapter?: KarmadaSpecComponentsKarmadaMetricsAdapter;

  /**
   * The Karmada search add-on: installed only when given (`{}` installs it with the operator's
   * defaults).
   *
   * @default - not installed
   */
  readonly karmadaSearch?: KarmadaSpecComponentsKarmadaSearch;

  /**
   * The Karmada descheduler add-on: installed only when given (`{}` installs it with the operator's
   * defaults).
   *
   * @default - not installed
   */
  readonly karmadaDescheduler?: KarmadaSpecComponentsKarmadaDescheduler;
}

/** Props of `KarmadaOperatorInstance`. */
export interface KarmadaOperatorInstanceProps {
  /**
   * The API server: the same props `KarmadaApiServer` takes. They become the operator's
   * `spec.components.karmadaAPIServer`; what the operator cannot carry is expressed another way or
   * reported as an error (see docs/operator-parity.md, "The operator target").
   */
  readonly apiServer: KarmadaApiServerProps;

  /**
   * Settings of the other components.
   *
   * @default - every other component takes the operator's defaults
   */
  readonly components?: KarmadaOperatorComponents;
}
