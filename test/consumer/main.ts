// The app of the consumer test: what a user writes in a project made by `cdk8s init typescript-app`.
import { App, Chart, ChartProps } from 'cdk8s';
import { NetworkPolicy, NetworkPolicyTrafficDefault } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, KarmadaOperatorInstance, operator } from 'cdk8s-karmada';

export class MyChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const apiServer = new KarmadaApiServer(this, 'ApiServer', {
      instanceName: 'tenant1',
      replicas: 3,
      encryption: EncryptionAtRest.kms({
        providers: [EncryptionProvider.kms({
          name: 'tenant1-kms',
          plugin: {
            container: { name: 'kms-plugin', image: 'registry.example.com/kms-plugin:v1.0.0' },
            socketPath: '/var/run/kmsplugin/socket.sock',
          },
        })],
      }),
    });
    // Composition: a cdk8s-plus NetworkPolicy that selects the API server pods through the construct.
    new NetworkPolicy(this, 'DenyAll', { selector: apiServer, ingress: { default: NetworkPolicyTrafficDefault.DENY } });
    // The operator target, with a component typed by the operator submodule.
    new KarmadaOperatorInstance(this, 'Karmada', {
      apiServer: { instanceName: 'tenant2', replicas: 2 },
      components: {
        karmadaScheduler: {
          replicas: 2,
          resources: { requests: { cpu: operator.KarmadaSpecComponentsKarmadaSchedulerResourcesRequests.fromString('100m') } },
        },
      },
    });
  }
}

const app = new App();
new MyChart(app, 'consumer', { namespace: 'tenant1', disableResourceNameHashes: true });
app.synth();
