/**
 * The sample of the Karmada proposal "Support for API Server Sidecar Containers", expressed with
 * raw props (sidecarContainers, extraArgs, extraVolumes, extraVolumeMounts and a user-made
 * ConfigMap): as written it sets cachesize with KMS v2 and is refused; fixed, it is accepted and
 * equal in substance to the one-prop form.
 */
import { Duration, Testing } from 'cdk8s';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { parseYaml } from '../src/encryption/source';
import { PROPOSAL_CONFIG, PROPOSAL_CONFIG_FIXED, handWiredErrors, proposalProps, userConfigMap } from './encryption-helpers';
import { validateManifests } from './schema';
import { Manifest, newChart, parseCommand } from './helpers';

function synthHandWired(text: string): Manifest[] {
  const chart = newChart();
  userConfigMap(chart, text);
  new KarmadaApiServer(chart, 'ApiServer', proposalProps());
  return Testing.synth(chart) as Manifest[];
}

const ONE_PROP: KarmadaApiServerProps = {
  instanceName: 'tenant1',
  encryption: EncryptionAtRest.kms({
    providers: [
      EncryptionProvider.kms({
        name: 'custom-kms-provider',
        timeout: Duration.seconds(3),
        plugin: {
          container: { name: 'kms-plugin', image: 'custom-kms-plugin:latest' },
          socketPath: '/var/run/kmsplugin/socket.sock',
          nativeSidecar: false, // the proposal runs the plugin as a regular container
          allowMutableImageTag: true, // the proposal's image tag, accepted knowingly
        },
      }),
      EncryptionProvider.identity(),
    ],
  }),
};

function synthOneProp(): Manifest[] {
  const chart = newChart();
  new KarmadaApiServer(chart, 'ApiServer', ONE_PROP);
  return Testing.synth(chart) as Manifest[];
}

const find = (manifests: Manifest[], kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name)!;
const podOf = (manifests: Manifest[]) => find(manifests, 'Deployment', 'tenant1-karmada-apiserver').spec.template.spec;

describe('the proposal\'s sample, hand-wired', () => {
  test('as written (cachesize with v2) it is refused with a clear error', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG)).toEqual([
      '[test/ApiServer] ConfigMap encryption-config[encryption-config.yaml].resources[0].providers[0].kms.cachesize: cachesize is a KMS v1 setting; with apiVersion v2 the API server refuses to start. Fix: remove cachesize (KMS v2 caches its data encryption keys itself)',
    ]);
  });

  test('as published, its :latest plugin image is refused too, with the way to accept it', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG, { sidecarOptions: {} })).toEqual([
      '[test/ApiServer] ConfigMap encryption-config[encryption-config.yaml].resources[0].providers[0].kms.cachesize: cachesize is a KMS v1 setting; with apiVersion v2 the API server refuses to start. Fix: remove cachesize (KMS v2 caches its data encryption keys itself)',
      '[test/ApiServer] sidecarContainers[0].image: "custom-kms-plugin:latest" has the tag "latest", which is mutable: pods could run different builds. Fix: pin a version tag or a digest, or accept it knowingly with sidecarOptions: { "kms-plugin": { allowMutableImageTag: true } }',
    ]);
  });

  test('the one-prop form reports a :latest plugin image with the plugin option that accepts it', () => {
    const chart = newChart();
    new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({
        providers: [EncryptionProvider.kms({
          name: 'custom-kms-provider',
          plugin: { container: { name: 'kms-plugin', image: 'custom-kms-plugin:latest' }, socketPath: '/var/run/kmsplugin/socket.sock' },
        })],
      }),
    });
    expect(() => Testing.synth(chart)).toThrow(
      'encryption.providers[0].kms.plugin.container.image: "custom-kms-plugin:latest" has the tag "latest", which is mutable: pods could run different builds. Fix: pin a version tag or a digest, or accept it knowingly with allowMutableImageTag: true in encryption.providers[0].kms.plugin');
  });

  test('without cachesize it is accepted and validates against the Kubernetes schemas', () => {
    const manifests = synthHandWired(PROPOSAL_CONFIG_FIXED);
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'ConfigMap/encryption-config',
      'Deployment/tenant1-karmada-apiserver',
      'Service/tenant1-karmada-apiserver',
      'ConfigMap/tenant1-karmada-apiserver-config',
    ]);
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  describe('fixed, it is equal in substance to the one-prop form', () => {
    const hand = synthHandWired(PROPOSAL_CONFIG_FIXED);
    const prop = synthOneProp();
    const handPod = podOf(hand);
    const propPod = podOf(prop);

    test('the one-prop form is valid', () => {
      expect(() => validateManifests(prop)).not.toThrow();
    });

    test('same flags; the configuration file flag points at a mounted file in both', () => {
      const handFlags = parseCommand(handPod.containers[0].command);
      const propFlags = parseCommand(propPod.containers[0].command);
      expect(handFlags['encryption-provider-config']).toEqual('/etc/kubernetes/encryption-config.yaml');
      expect(propFlags['encryption-provider-config']).toEqual('/etc/karmada/config/encryption-config.yaml');
      expect({ ...handFlags, 'encryption-provider-config': 'x' }).toEqual({ ...propFlags, 'encryption-provider-config': 'x' });
    });

    test('same configuration content', () => {
      const handConfig = find(hand, 'ConfigMap', 'encryption-config').data['encryption-config.yaml'];
      const propConfig = find(prop, 'ConfigMap', 'tenant1-karmada-apiserver-config').data['encryption-config.yaml'];
      expect(parseYaml(propConfig)).toEqual(parseYaml(handConfig));
    });

    test('same socket wiring: one emptyDir, mounted at the socket directory in the API server and the plugin', () => {
      const socketVolume = { name: 'kms-socket', emptyDir: {} };
      const socketMount = { name: 'kms-socket', mountPath: '/var/run/kmsplugin' };
      expect(handPod.volumes).toContainEqual(socketVolume);
      expect(propPod.volumes).toContainEqual(socketVolume);
      expect(handPod.containers[0].volumeMounts).toContainEqual(socketMount);
      expect(propPod.containers[0].volumeMounts).toContainEqual(socketMount);
      expect(propPod.containers[1]).toEqual(handPod.containers[1]);
      expect(handPod.containers[1]).toEqual({
        name: 'kms-plugin',
        image: 'custom-kms-plugin:latest',
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
        volumeMounts: [socketMount],
      });
    });
  });
});
