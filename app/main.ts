/**
 * The bundled app: what `cdk8s synth` writes into dist/.
 *
 * - tenant1: the user story of the Karmada sidecar proposal, a KMS v2 plugin beside the API server
 *   (a native sidecar) that encrypts Secrets at rest, in one prop.
 * - karmada-demo: the API server alone, highly available: 3 replicas on 3 nodes (pod
 *   anti-affinity), a PodDisruptionBudget, and a NetworkPolicy that admits clients on 5443 only.
 * - tenant1-operator: the same props as tenant1, for teams that keep the Karmada operator: its
 *   `Karmada` object, with the KMS plugin wired by hand as the operator's sidecarContainers need
 *   (and the ConfigMap beside it).
 * - tenant2: a tenant that needs nothing on the cluster but cert-manager: its certificate
 *   authorities and certificates (cert-manager Issuers and Certificates), a 3-member etcd over TLS,
 *   and the API server with an AWS KMS plugin that authenticates with the pods' own ServiceAccount
 *   (IRSA, through a token projected into the plugin only).
 *
 * Every pod we render meets the Pod Security Standard "restricted" (sidecars get its settings filled
 * in); the operator renders its API server container without a security context.
 */
import { App, Chart, YamlOutputType } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  ApiServerServiceAccount, EncryptionAtRest, EncryptionProvider, EtcdCertificates, EtcdConfig, KarmadaApiServer, KarmadaApiServerCertificates,
  KarmadaApiServerChart, KarmadaApiServerProps, KarmadaCertificateAuthorities, KarmadaOperatorInstance,
} from '../src';

/** The proposal's user story: tenant1, whose Secrets a KMS v2 plugin encrypts. One source, two targets. */
export const TENANT1: KarmadaApiServerProps = {
  instanceName: 'tenant1',
  encryption: EncryptionAtRest.kms({
    providers: [
      EncryptionProvider.kms({
        name: 'tenant1-kms',
        plugin: {
          container: {
            name: 'kms-plugin',
            image: 'registry.example.com/kms-plugin:v1.0.0',
            args: ['--listen=unix:///var/run/kmsplugin/socket.sock'],
            startupProbe: { grpc: { port: 8080 }, periodSeconds: 2, failureThreshold: 30 },
            resources: {
              requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
              limits: { memory: k8s.Quantity.fromString('128Mi') },
            },
          },
          socketPath: '/var/run/kmsplugin/socket.sock',
        },
      }),
      EncryptionProvider.identity(),
    ],
    automaticReload: true,
  }),
};

export function buildApp(outdir?: string): App {
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });

  const tenant = new Chart(app, 'tenant1', { namespace: 'tenant1', disableResourceNameHashes: true });
  new KarmadaApiServer(tenant, 'ApiServer', TENANT1);

  new KarmadaApiServerChart(app, 'karmada-demo', {
    namespace: 'karmada-system',
    disableResourceNameHashes: true,
    apiServer: {
      instanceName: 'karmada-demo',
      replicas: 3,
      networkPolicy: {},
    },
  });

  const operatorTenant = new Chart(app, 'tenant1-operator', { namespace: 'tenant1-operator', disableResourceNameHashes: true });
  new KarmadaOperatorInstance(operatorTenant, 'Karmada', { apiServer: TENANT1 });

  buildSelfContainedTenant(new Chart(app, 'tenant2', { namespace: 'tenant2', disableResourceNameHashes: true }));

  return app;
}

/** tenant2: everything from this one chart, but cert-manager itself. */
export function buildSelfContainedTenant(chart: Chart): KarmadaApiServer {
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'tenant2' });
  const certificates = new KarmadaApiServerCertificates(chart, 'Certificates', { instanceName: 'tenant2', authorities });
  return new KarmadaApiServer(chart, 'ApiServer', {
    instanceName: 'tenant2',
    replicas: 3,
    certificates: certificates.secrets,
    etcd: EtcdConfig.inCluster({ replicas: 3, certificates: EtcdCertificates.certManager({ issuer: authorities.etcdIssuer }) }),
    // The role is assumed with a token of this ServiceAccount (the IAM role trusts the cluster's
    // OIDC issuer for system:serviceaccount:tenant2:tenant2-karmada-apiserver).
    serviceAccount: ApiServerServiceAccount.create(),
    encryption: EncryptionAtRest.kms({
      providers: [EncryptionProvider.kms({
        name: 'tenant2-aws-kms',
        plugin: {
          container: {
            name: 'aws-kms',
            image: 'registry.example.com/aws-encryption-provider:v1.36.0',
            command: ['/aws-encryption-provider'],
            args: [
              '--key=arn:aws:kms:eu-west-1:111122223333:key/00000000-0000-0000-0000-000000000000',
              '--region=eu-west-1',
              '--listen=/var/run/kmsplugin/socket.sock',
              '--health-port=:8080',
              '--health-kms-version=v2',
            ],
            env: [
              { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111122223333:role/tenant2-karmada-kms' },
              { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/aws/token' },
            ],
            ports: [{ name: 'health', containerPort: 8080 }],
            // /healthz encrypts and decrypts with the key: the API server starts once the KMS answers.
            startupProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('health') }, periodSeconds: 5, failureThreshold: 60 },
            resources: {
              requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
              limits: { memory: k8s.Quantity.fromString('128Mi') },
            },
          },
          socketPath: '/var/run/kmsplugin/socket.sock',
          serviceAccountToken: { audience: 'sts.amazonaws.com', path: '/var/run/secrets/aws/token', expirationSeconds: 86400 },
        },
      })],
      automaticReload: true,
    }),
  });
}


if (require.main === module) {
  buildApp().synth();
}
