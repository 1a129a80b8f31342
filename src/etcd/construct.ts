import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { EtcdSecretLayout, etcdClientCertificateVolume } from '../certificates/layout';
import { etcdClientCertificate, etcdPeerCertificate, etcdServerCertificate } from '../certificates/leaves';
import { etcdCertificateNames } from '../certificates/names';
import { splitSans } from '../certificates/profile';
import { namespaceOf } from '../model/naming';
import { Certificate } from '../imports/cert-manager.io';
import { renderWithNewerFields } from '../kubernetes/shape';
import { validateObject } from '../kubernetes/validation';
import { formatProblem, Problem, Problems } from '../problems';
import { EtcdCertManagerInput, readEtcdProps } from './input';
import { CLIENT_PORT } from './layout';
import {
  EtcdInput, etcdClientServiceSpec, etcdDisruptionBudgetSpec, etcdPeerServiceSpec, etcdStatefulSetSpec,
} from './model';
import { etcdObjectLabels, etcdSelectorLabels, memberNames } from './names';
import { KarmadaEtcdProps } from './props';

/**
 * An etcd for the Karmada API server, in the cluster: the operator's local etcd (StatefulSet
 * `<instance>-etcd` with parallel start, headless peer Service `<instance>-etcd`, client Service
 * `<instance>-etcd-client`, image registry.k8s.io/etcd:3.6.8-0, client certificates required),
 * with peers over TLS, a stable name per member, probes that need no client certificate, Pod
 * Security "restricted", and from 3 members on a PodDisruptionBudget and one member per node.
 *
 * The StatefulSet is the default child. With `EtcdCertificates.certManager()` the etcd also makes
 * its server, peer and client Certificates (the client one is the API server's; its Secret is
 * named after the client Service: `<instance>-etcd-client-cert`).
 *
 * Use it on its own and connect the API server with `EtcdConfig.fromKarmadaEtcd(etcd)`, or let
 * the API server make it with `EtcdConfig.inCluster({ ... })`.
 */
export class KarmadaEtcd extends Construct {
  /** The StatefulSet (the default child). */
  public readonly statefulSet: ApiObject;
  /** The headless Service that names each member. */
  public readonly peerService: ApiObject;
  /** The Service clients connect to. */
  public readonly clientService: ApiObject;
  /** The PodDisruptionBudget, with 3 members or more. */
  public readonly podDisruptionBudget?: ApiObject;
  /** The server, peer and client Certificates, when cert-manager issues them. */
  public readonly certificates: ApiObject[];
  /** The name of the Karmada instance. */
  public readonly instanceName: string;
  /** The namespace of every object. */
  public readonly namespace: string;
  /** The number of members. */
  public readonly replicas: number;
  /** The name of the client Service. */
  public readonly clientServiceName: string;
  /** The URL clients connect to: `https://<client service>.<namespace>.svc.<domain>:2379`. */
  public readonly clientUrl: string;
  /**
   * The volume of the client certificate, for the API server pod (`etcd-client-cert`, the files
   * `etcd-ca.crt`, `etcd-client.crt` and `etcd-client.key`).
   */
  public readonly clientCertificateVolume: k8s.Volume;
  /** The labels that select the etcd pods. */
  public readonly selectorLabels: { [key: string]: string };

  constructor(scope: Construct, id: string, props: KarmadaEtcdProps) {
    super(scope, id);
    const problems = new Problems();
    const { input, certManager } = readEtcdProps(props, (given) => namespaceOf(this, given), problems);
    this.instanceName = input.instanceName;
    this.namespace = input.namespace;
    this.replicas = input.replicas;
    this.clientServiceName = input.names.clientService;
    this.clientUrl = `https://${input.names.clientService}.${input.namespace}.svc.${input.clusterDomain}:${CLIENT_PORT}`;
    this.selectorLabels = etcdSelectorLabels(input.instanceName);
    this.clientCertificateVolume = input.secrets.layout === EtcdSecretLayout.CERT_MANAGER
      ? etcdClientCertificateVolume(etcdCertificateNames(input.instanceName).client, EtcdSecretLayout.CERT_MANAGER)
      : etcdClientCertificateVolume(input.secrets.serverSecretName, EtcdSecretLayout.OPERATOR);

    const labels = etcdObjectLabels(input.instanceName, input.labels);
    const metadata = (name: string, annotations?: Record<string, string>) => ({
      name, namespace: input.namespace, labels, annotations: annotations !== undefined && Object.keys(annotations).length > 0 ? annotations : undefined,
    });
    this.statefulSet = new ApiObject(this, 'Resource', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: metadata(input.names.statefulSet, input.annotations),
      spec: renderStatefulSetSpec(etcdStatefulSetSpec(input)),
    });
    this.peerService = new ApiObject(this, 'PeerService', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(input.names.peerService),
      spec: renderWithNewerFields(etcdPeerServiceSpec(input), 'ServiceSpec'),
    });
    this.clientService = new ApiObject(this, 'ClientService', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(input.names.clientService),
      spec: renderWithNewerFields(etcdClientServiceSpec(input), 'ServiceSpec'),
    });
    const budget = etcdDisruptionBudgetSpec(input);
    if (budget !== undefined) {
      this.podDisruptionBudget = new ApiObject(this, 'PodDisruptionBudget', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: metadata(input.names.statefulSet),
        spec: renderWithNewerFields(budget, 'PodDisruptionBudgetSpec'),
      });
    }
    this.certificates = certManager === undefined ? [] : this.makeCertificates(input, certManager, metadata);

    // Our checks first; when they find nothing, Kubernetes' own rules on what we render, as a net.
    const found: readonly Problem[] = problems.list.length > 0 ? problems.list : kubernetesProblems(this.objects());
    // The two Services carry the same labels: a problem with them is said once.
    const problemLines = [...new Set(found.map(formatProblem))];
    this.node.addValidation({ validate: () => problemLines });
  }

  /** The Kubernetes objects of the etcd (not the Certificates). */
  private objects(): ApiObject[] {
    return [this.statefulSet, this.peerService, this.clientService, ...(this.podDisruptionBudget ? [this.podDisruptionBudget] : [])];
  }

  private makeCertificates(input: EtcdInput, settings: EtcdCertManagerInput,
    metadata: (name: string) => { name: string; namespace: string; labels: Record<string, string> }): ApiObject[] {
    const names = etcdCertificateNames(input.instanceName);
    const leaf = (secretName: string) => ({ secretName, issuer: settings.issuer, keyAlgorithm: settings.keyAlgorithm });
    const addresses = {
      clientServiceName: input.names.clientService,
      peerServiceName: input.names.peerService,
      namespace: input.namespace,
      clusterDomain: input.clusterDomain,
      members: memberNames(input.names.statefulSet, input.replicas),
      extra: splitSans(settings.serverCertSans),
    };
    return [
      new Certificate(this, 'ServerCertificate', { metadata: metadata(names.server), spec: etcdServerCertificate(leaf(names.server), addresses) }),
      new Certificate(this, 'PeerCertificate', { metadata: metadata(names.peer), spec: etcdPeerCertificate(leaf(names.peer), addresses) }),
      new Certificate(this, 'ClientCertificate', { metadata: metadata(names.client), spec: etcdClientCertificate(leaf(names.client)) }),
    ];
  }
}

/**
 * The StatefulSet spec: its own fields through the generated converter; the pod template and the
 * claim templates, which hold the user's Kubernetes structs, with the fields newer than the
 * converter's Kubernetes 1.28 kept.
 */
function renderStatefulSetSpec(spec: k8s.StatefulSetSpec): Record<string, unknown> {
  const claims = spec.volumeClaimTemplates ?? [];
  return {
    ...k8s.toJson_StatefulSetSpec(spec),
    template: renderWithNewerFields(spec.template, 'PodTemplateSpec'),
    ...(claims.length > 0 ? { volumeClaimTemplates: claims.map((claim) => renderWithNewerFields(claim, 'PersistentVolumeClaimTemplate')) } : {}),
  };
}

/** What the Kubernetes API server would refuse in the objects, as problems at `<kind>.<path>`. */
function kubernetesProblems(objects: ApiObject[]): Problem[] {
  return objects.flatMap((object) => validateObject(object.toJson()).map((issue) => ({
    field: `${object.kind}.${issue.path}`,
    message: issue.message,
    fix: issue.fix,
  })));
}
