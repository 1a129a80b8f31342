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
 *
 * Every pod we render meets the Pod Security Standard "restricted" (sidecars get its settings filled
 * in); the operator renders its API server container without a security context.
 */
import { App, Chart, YamlOutputType } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, KarmadaApiServerChart, KarmadaApiServerProps, KarmadaOperatorInstance } from '../src';

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

  return app;
}

if (require.main === module) {
  buildApp().synth();
}
