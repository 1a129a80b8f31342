/**
 * The objects of an API server as JSON, rendered from the model with the library's converters
 * (keeping the fields newer than their Kubernetes 1.28 types): what the construct's ApiObjects hold,
 * and what the checks hold to Kubernetes' own rules. (JSON patches a user adds to the ApiObjects
 * later are not in them, and not checked.)
 */
import { renderWithNewerFields } from '../kubernetes/shape';
import type { ApiServerModel } from './types';

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** The objects of one API server; the budget and the policy only when the model has them. */
export interface RenderedObjects {
  readonly deployment: JsonObject;
  readonly service: JsonObject;
  readonly configMap: JsonObject;
  readonly podDisruptionBudget?: JsonObject;
  readonly networkPolicy?: JsonObject;
  readonly serviceAccount?: JsonObject;
}

/** Renders every object of the model. */
export function renderObjects(model: ApiServerModel): RenderedObjects {
  const { input, names } = model;
  // cdk8s puts the chart's labels on every object, under the object's own.
  const labels = { ...input.chartLabels, ...model.objectLabels };
  const metadata = (name: string, annotations?: Record<string, string>) => ({
    name, namespace: input.namespace, labels,
    annotations: annotations && Object.keys(annotations).length > 0 ? annotations : undefined,
  });
  return {
    deployment: {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(names.apiServer, input.annotations),
      spec: renderWithNewerFields(model.deploymentSpec, 'DeploymentSpec'),
    },
    service: {
      apiVersion: 'v1', kind: 'Service', metadata: metadata(names.apiServer, input.serviceAnnotations),
      spec: renderWithNewerFields(model.serviceSpec, 'ServiceSpec'),
    },
    configMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(names.configMap), data: model.configFiles },
    podDisruptionBudget: model.podDisruptionBudget && {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: metadata(names.apiServer),
      spec: renderWithNewerFields(model.podDisruptionBudget, 'PodDisruptionBudgetSpec'),
    },
    // Its tokens reach only the sidecars that ask for one: none is mounted by default.
    serviceAccount: model.serviceAccount && {
      apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(model.serviceAccount.name, model.serviceAccount.annotations),
      automountServiceAccountToken: false,
    },
    networkPolicy: model.networkPolicy && {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: metadata(names.networkPolicy),
      spec: renderWithNewerFields(model.networkPolicy, 'NetworkPolicySpec'),
    },
  };
}
