import { Duration, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, KarmadaApiServerProps, KmsPluginOptions } from '../src';
import { parseYaml } from '../src/encryption/source';
import { PROPOSAL_CONFIG_FIXED, handWiredErrors, proposalProps, userConfigMap, userSecret } from './encryption-helpers';
import { validateManifests } from './schema';
import { Manifest, manifestOf, newChart, synthApiServer, synthErrors } from './helpers';

const P = '[test/ApiServer]';
const SOCKET = '/var/run/kmsplugin/socket.sock';

function pluginOptions(extra: Partial<KmsPluginOptions> = {}): KmsPluginOptions {
  return {
    container: {
      name: 'kms-plugin',
      image: 'registry.example.com/kms-plugin:v1.0.0',
      args: [`--listen=unix://${SOCKET}`],
      resources: { limits: { memory: k8s.Quantity.fromString('128Mi') } },
    },
    socketPath: SOCKET,
    ...extra,
  };
}

const oneProp = (extra: Partial<KmsPluginOptions> = {}): KarmadaApiServerProps => ({
  instanceName: 'tenant1',
  encryption: EncryptionAtRest.kms({
    providers: [EncryptionProvider.kms({ name: 'custom-kms-provider', plugin: pluginOptions(extra), timeout: Duration.seconds(3) }), EncryptionProvider.identity()],
  }),
});

const podOf = (manifests: Manifest[]) => manifestOf(manifests, 'Deployment').spec.template.spec;
const commandOf = (manifests: Manifest[]) => podOf(manifests).containers[0].command as string[];
const configOf = (manifests: Manifest[]) => manifestOf(manifests, 'ConfigMap').data['encryption-config.yaml'];

describe('EncryptionAtRest.kms with a plugin', () => {
  const manifests = synthApiServer(oneProp());
  const pod = podOf(manifests);

  test('renders the configuration into the ConfigMap: the proposal\'s sample, byte for byte, without cachesize', () => {
    expect(configOf(manifests)).toEqual(PROPOSAL_CONFIG_FIXED);
  });

  test('points the flag at the mounted directory, without subPath, and no reload by default', () => {
    expect(commandOf(manifests)).toContain('--encryption-provider-config=/etc/karmada/config/encryption-config.yaml');
    expect(commandOf(manifests).filter((a) => a.includes('automatic-reload'))).toEqual([]);
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'apiserver-config', mountPath: '/etc/karmada/config', readOnly: true });
  });

  test('shares an emptyDir at the socket directory between the API server and the plugin', () => {
    expect(pod.volumes).toContainEqual({ name: 'kms-socket', emptyDir: {} });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'kms-socket', mountPath: '/var/run/kmsplugin' });
  });

  test('runs the plugin as a native sidecar, every field kept and the socket mount added', () => {
    expect(pod.containers.map((c: any) => c.name)).toEqual(['kube-apiserver']);
    expect(pod.initContainers).toEqual([{
      name: 'kms-plugin',
      image: 'registry.example.com/kms-plugin:v1.0.0',
      args: ['--listen=unix:///var/run/kmsplugin/socket.sock'],
      resources: { limits: { memory: '128Mi' } },
      restartPolicy: 'Always',
      // the restricted settings it left unset, filled in by the security defaults
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
      volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }],
    }]);
  });

  test('validates against the Kubernetes schemas', () => {
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('puts a checksum of the configuration on the pod template, which a change of provider changes', () => {
    const checksum = (m: Manifest[]) => manifestOf(m, 'Deployment').spec.template.metadata.annotations['karmada.io/apiserver-config-checksum'];
    const other = synthApiServer({
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'other', plugin: pluginOptions() })] }),
    });
    expect(checksum(manifests)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum(other)).not.toEqual(checksum(manifests));
  });
});

describe('plugin options', () => {
  test('keeps a startupProbe the user gives, and adds none otherwise', () => {
    const probe = { grpc: { port: 8080 }, periodSeconds: 2, failureThreshold: 30 };
    const withProbe = podOf(synthApiServer(oneProp({ container: { ...pluginOptions().container, startupProbe: probe } })));
    expect(withProbe.initContainers[0].startupProbe).toEqual(probe);
    expect(podOf(synthApiServer(oneProp())).initContainers[0].startupProbe).toBeUndefined();
  });

  test('runs the plugin as a regular sidecar when asked', () => {
    const pod = podOf(synthApiServer(oneProp({ nativeSidecar: false })));
    expect(pod.initContainers).toBeUndefined();
    expect(pod.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'kms-plugin']);
    expect(pod.containers[1].restartPolicy).toBeUndefined();
  });

  test('keeps the plugin\'s own mounts and adds the socket mount after them', () => {
    const container = { ...pluginOptions().container, volumeMounts: [{ name: 'creds', mountPath: '/etc/creds', readOnly: true }] };
    const manifests = synthApiServer({ ...oneProp({ container }), extraVolumes: [{ name: 'creds', secret: { secretName: 'kms-creds' } }] });
    expect(podOf(manifests).initContainers[0].volumeMounts).toEqual([
      { name: 'creds', mountPath: '/etc/creds', readOnly: true },
      { name: 'kms-socket', mountPath: '/var/run/kmsplugin' },
    ]);
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('sidecar checks name the plugin container by its prop path', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer',
      oneProp({ container: { name: 'kube-apiserver', image: 'registry.example.com/kms-plugin:v1.0.0', restartPolicy: 'OnFailure' } }),
    ))).toEqual([
      `${P} encryption.providers[0].kms.plugin.container.name: container name "kube-apiserver" is already taken by the API server container. Fix: give every sidecar a name of its own, other than "kube-apiserver"`,
      `${P} encryption.providers[0].kms.plugin.container.restartPolicy: a native sidecar needs restartPolicy "Always", not "OnFailure". Fix: remove restartPolicy (it is set for you) or set it to "Always"`,
    ]);
  });

  test('automatic reload sets the flag', () => {
    const manifests = synthApiServer({
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'a', plugin: pluginOptions() })], automaticReload: true }),
    });
    expect(commandOf(manifests)).toContain('--encryption-provider-config-automatic-reload=true');
  });

  test('a relative socket path is refused', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'a', plugin: pluginOptions({ socketPath: 'kms.sock' }) })] }),
    }))).toEqual([
      `${P} encryption.providers[0].kms.plugin.socketPath: socket path "kms.sock" is not absolute. Fix: give an absolute path, e.g. /var/run/kmsplugin/socket.sock`,
      `${P} encryption.providers[0].kms.endpoint: endpoint "unix://kms.sock" has no absolute socket path. Fix: write unix:// followed by the absolute path, e.g. unix:///var/run/kmsplugin/kms.sock`,
    ]);
  });
});

describe('several KMS providers (key rotation)', () => {
  const plugin = (name: string, socketPath: string): KmsPluginOptions => ({ container: { name, image: `registry.example.com/${name}:v1` }, socketPath });

  test('two plugins with their own socket directories get a volume each', () => {
    const manifests = synthApiServer({
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({
        providers: [
          EncryptionProvider.kms({ name: 'key-2', plugin: plugin('kms-new', '/var/run/kms-new/socket.sock') }),
          EncryptionProvider.kms({ name: 'key-1', plugin: plugin('kms-old', '/var/run/kms-old/socket.sock') }),
        ],
      }),
    });
    const pod = podOf(manifests);
    expect(pod.initContainers.map((c: any) => [c.name, c.volumeMounts])).toEqual([
      ['kms-new', [{ name: 'kms-socket', mountPath: '/var/run/kms-new' }]],
      ['kms-old', [{ name: 'kms-socket-2', mountPath: '/var/run/kms-old' }]],
    ]);
    expect(pod.containers[0].volumeMounts).toEqual(expect.arrayContaining([
      { name: 'kms-socket', mountPath: '/var/run/kms-new' },
      { name: 'kms-socket-2', mountPath: '/var/run/kms-old' },
    ]));
    expect(parseYaml(configOf(manifests))).toEqual({
      apiVersion: 'apiserver.config.k8s.io/v1',
      kind: 'EncryptionConfiguration',
      resources: [{
        resources: ['secrets'],
        providers: [
          { kms: { apiVersion: 'v2', name: 'key-2', endpoint: 'unix:///var/run/kms-new/socket.sock' } },
          { kms: { apiVersion: 'v2', name: 'key-1', endpoint: 'unix:///var/run/kms-old/socket.sock' } },
        ],
      }],
    });
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('one plugin that serves two providers runs once', () => {
    const shared = plugin('kms-plugin', SOCKET);
    const pod = podOf(synthApiServer({
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({
        resources: [
          { resources: ['secrets'], providers: [EncryptionProvider.kms({ name: 'secrets-key', plugin: shared })] },
          { resources: ['configmaps'], providers: [EncryptionProvider.kms({ name: 'configmaps-key', plugin: shared })] },
        ],
      }),
    }));
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['kms-plugin']);
    expect(pod.volumes.filter((v: any) => v.emptyDir).map((v: any) => v.name)).toEqual(['kms-socket']);
  });
});

describe('EncryptionAtRest.fromSecret', () => {
  const props: KarmadaApiServerProps = {
    instanceName: 'tenant1',
    encryption: EncryptionAtRest.fromSecret({ secretName: 'tenant1-encryption', key: 'config.yaml', automaticReload: true }),
  };
  const manifests = synthApiServer(props);
  const pod = podOf(manifests);

  test('mounts the Secret as a directory and points the flag at the key', () => {
    expect(pod.volumes).toContainEqual({ name: 'encryption-config', secret: { secretName: 'tenant1-encryption' } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'encryption-config', mountPath: '/etc/karmada/encryption', readOnly: true });
    expect(commandOf(manifests)).toEqual(expect.arrayContaining([
      '--encryption-provider-config=/etc/karmada/encryption/config.yaml',
      '--encryption-provider-config-automatic-reload=true',
    ]));
    expect(configOf(manifests)).toBeUndefined();
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('puts a checksum of the Secret reference on the pod template', () => {
    const annotation = (m: Manifest[]) => manifestOf(m, 'Deployment').spec.template.metadata.annotations['karmada.io/encryption-config-secret-checksum'];
    const other = synthApiServer({ instanceName: 'tenant1', encryption: EncryptionAtRest.fromSecret({ secretName: 'tenant1-encryption-v2' }) });
    expect(annotation(manifests)).toMatch(/^[0-9a-f]{64}$/);
    expect(annotation(other)).not.toEqual(annotation(manifests));
  });

  test('wires the KMS plugins it is given, and checks the Secret\'s endpoints when the Secret is in the app', () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    const text = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms: {apiVersion: v2, name: kms-a, endpoint: "unix:///var/run/kmsplugin/socket.sock"}
      - kms: {apiVersion: v2, name: kms-b, endpoint: "unix:///var/run/elsewhere/socket.sock"}
      - aescbc: {keys: [{name: key1, secret: "${key}"}]}
`;
    const errors = synthErrors((chart) => {
      userSecret(chart, text);
      new KarmadaApiServer(chart, 'ApiServer', {
        instanceName: 'tenant1',
        encryption: EncryptionAtRest.fromSecret({ secretName: 'encryption-config', kmsPlugins: [pluginOptions()] }),
      });
    });
    expect(errors).toEqual([
      `${P} Secret encryption-config[encryption-config.yaml].resources[0].providers[1].kms.endpoint: the API server mounts no volume that holds the socket /var/run/elsewhere/socket.sock, so it cannot reach the KMS plugin. Fix: mount the socket volume (an emptyDir shared with the plugin) in the API server at /var/run/elsewhere with extraVolumeMounts, or give the provider a plugin and let the construct wire it`,
    ]);
  });

  test('a Secret of the app that lacks the key is reported', () => {
    expect(synthErrors((chart) => {
      userSecret(chart, PROPOSAL_CONFIG_FIXED, 'encryption-config', 'other.yaml');
      new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', encryption: EncryptionAtRest.fromSecret({ secretName: 'encryption-config' }) });
    })).toEqual([
      `${P} encryption: Secret encryption-config has no key "encryption-config.yaml", so /etc/karmada/encryption/encryption-config.yaml does not exist. Fix: add the key to the Secret, or point encryption-provider-config at an existing file`,
    ]);
  });
});

describe('hand-made wiring', () => {
  test('the flag must point at a mounted file', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, { extraArgs: { 'encryption-provider-config': '/etc/encryption/config.yaml' } })).toEqual([
      `${P} extraArgs.encryption-provider-config: the API server reads its encryption configuration from /etc/encryption/config.yaml, but mounts no volume there (mounted: /etc/karmada/pki, /etc/karmada/pki/etcd-client, /etc/karmada/config, /etc/kubernetes/encryption-config.yaml, /var/run/kmsplugin). Fix: mount the ConfigMap or Secret that holds the file at its directory with extraVolumes and extraVolumeMounts, or use the encryption prop`,
    ]);
  });

  test('a subPath mount with automatic reload is refused', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, {
      extraArgs: { ...proposalProps().extraArgs, 'encryption-provider-config-automatic-reload': 'true' },
    })).toEqual([
      `${P} extraVolumeMounts[0].subPath: the encryption configuration is mounted with subPath, which never receives updates, so --encryption-provider-config-automatic-reload never fires. Fix: mount the directory that holds the file, without subPath`,
    ]);
  });

  test('automatic reload without a configuration is refused', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1', extraArgs: { 'encryption-provider-config-automatic-reload': 'true' },
    }))).toEqual([
      `${P} extraArgs.encryption-provider-config-automatic-reload: --encryption-provider-config-automatic-reload is set without --encryption-provider-config. Fix: set encryption-provider-config too (or use the encryption prop), or remove encryption-provider-config-automatic-reload`,
    ]);
  });

  test('a ConfigMap without the file is reported', () => {
    expect(synthErrors((chart) => {
      userConfigMap(chart, PROPOSAL_CONFIG_FIXED, 'encryption-config', 'config.yaml');
      new KarmadaApiServer(chart, 'ApiServer', proposalProps());
    })).toEqual([
      `${P} extraArgs.encryption-provider-config: ConfigMap encryption-config has no key "encryption-config.yaml", so /etc/kubernetes/encryption-config.yaml does not exist. Fix: add the key to the ConfigMap, or point encryption-provider-config at an existing file`,
    ]);
  });

  test('a directory mount with items maps the file to its key', () => {
    const props = proposalProps();
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, {
      extraArgs: { 'encryption-provider-config': '/etc/kubernetes/enc/config.yaml' },
      extraVolumes: [{ name: 'encryption-config', configMap: { name: 'encryption-config', items: [{ key: 'encryption-config.yaml', path: 'config.yaml' }] } }, props.extraVolumes![1]],
      extraVolumeMounts: [{ name: 'encryption-config', mountPath: '/etc/kubernetes/enc' }, props.extraVolumeMounts![1]],
    })).toEqual([]);
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, {
      extraArgs: { 'encryption-provider-config': '/etc/kubernetes/enc/other.yaml' },
      extraVolumes: [{ name: 'encryption-config', configMap: { name: 'encryption-config', items: [{ key: 'encryption-config.yaml', path: 'config.yaml' }] } }, props.extraVolumes![1]],
      extraVolumeMounts: [{ name: 'encryption-config', mountPath: '/etc/kubernetes/enc' }, props.extraVolumeMounts![1]],
    })).toEqual([
      `${P} extraArgs.encryption-provider-config: /etc/kubernetes/enc/other.yaml is not among the items the ConfigMap volume "encryption-config" projects. Fix: add an item with path "other.yaml" to the volume, or point encryption-provider-config at a projected file`,
    ]);
  });

  test('the API server must mount a volume covering the socket', () => {
    const props = proposalProps();
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, { extraVolumeMounts: [props.extraVolumeMounts![0]] })).toEqual([
      `${CM()}.resources[0].providers[0].kms.endpoint: the API server mounts no volume that holds the socket /var/run/kmsplugin/socket.sock, so it cannot reach the KMS plugin. Fix: mount the socket volume (an emptyDir shared with the plugin) in the API server at /var/run/kmsplugin with extraVolumeMounts, or give the provider a plugin and let the construct wire it`,
    ]);
  });

  test('some sidecar must mount the socket volume', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, { sidecarContainers: [{ name: 'kms-plugin', image: 'custom-kms-plugin:v1' }] })).toEqual([
      `${CM()}.resources[0].providers[0].kms.endpoint: no sidecar mounts volume "kms-socket", which holds the socket /var/run/kmsplugin/socket.sock, so no KMS plugin can serve it. Fix: mount volume "kms-socket" at /var/run/kmsplugin in the KMS plugin sidecar`,
    ]);
  });

  test('the sidecar must mount the socket volume at the same path', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, {
      sidecarContainers: [{ name: 'kms-plugin', image: 'custom-kms-plugin:v1', volumeMounts: [{ name: 'kms-socket', mountPath: '/run/kms' }] }],
    })).toEqual([
      `${CM()}.resources[0].providers[0].kms.endpoint: sidecar "kms-plugin" mounts volume "kms-socket" at /run/kms, which does not hold the socket /var/run/kmsplugin/socket.sock where the API server looks for it. Fix: mount the volume at /var/run/kmsplugin in the plugin too, so both see the socket at /var/run/kmsplugin/socket.sock`,
    ]);
  });

  test('the sidecar\'s mount of the socket volume must be writable', () => {
    expect(handWiredErrors(PROPOSAL_CONFIG_FIXED, {
      sidecarContainers: [{ name: 'kms-plugin', image: 'custom-kms-plugin:v1', volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin', readOnly: true }] }],
    })).toEqual([
      `${P} sidecarContainers[0].volumeMounts[0].readOnly: sidecar "kms-plugin" mounts the socket volume "kms-socket" read-only, so the plugin cannot create /var/run/kmsplugin/socket.sock. Fix: remove readOnly from the plugin's mount of the socket volume`,
    ]);
  });

  test('a typed endpoint with a hand-wired plugin is checked the same way', () => {
    const props = proposalProps();
    const build = (mounts: k8s.VolumeMount[]) => synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'a', endpoint: `unix://${SOCKET}` })] }),
      extraVolumes: [props.extraVolumes![1]],
      extraVolumeMounts: [props.extraVolumeMounts![1]],
      sidecarContainers: [{ name: 'kms-plugin', image: 'custom-kms-plugin:v1', volumeMounts: mounts }],
      sidecarOptions: { 'kms-plugin': { nativeSidecar: true } },
    }));
    expect(build([{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }])).toEqual([]);
    expect(build([])).toEqual([
      `${P} encryption.providers[0].kms.endpoint: no sidecar mounts volume "kms-socket", which holds the socket /var/run/kmsplugin/socket.sock, so no KMS plugin can serve it. Fix: mount volume "kms-socket" at /var/run/kmsplugin in the KMS plugin sidecar`,
    ]);
  });

  test('an abstract socket needs no volume', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'a', endpoint: 'unix:///@kms' })] }),
    }))).toEqual([]);
  });

  test('a ConfigMap made elsewhere (not in the app) is not read, only the mount is checked', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', proposalProps()))).toEqual([]);
  });

  test('the app is scanned once per model, only when a hand-made configuration is referenced', () => {
    const findAllCalls = (props: KarmadaApiServerProps) => {
      const chart = newChart();
      userConfigMap(chart, PROPOSAL_CONFIG_FIXED);
      new KarmadaApiServer(chart, 'ApiServer', props);
      const spy = jest.spyOn(chart.node.root.node, 'findAll');
      Testing.synth(chart);
      Testing.synth(chart);
      return spy.mock.calls.length;
    };
    expect(findAllCalls(proposalProps()) - findAllCalls({ instanceName: 'tenant1' })).toEqual(1);
  });
});

function CM(): string {
  return `${P} ConfigMap encryption-config[encryption-config.yaml]`;
}

describe('the bundled app', () => {
  test('tenant1 encrypts Secrets with a native KMS plugin, in one prop, and synthesizes valid objects', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildApp } = require('../app/main');
    const app = buildApp();
    const tenant = app.charts.find((c: any) => c.node.id === 'tenant1');
    const manifests = Testing.synth(tenant) as Manifest[];
    const pod = podOf(manifests);
    expect(pod.initContainers.map((c: any) => [c.name, c.restartPolicy, c.volumeMounts])).toEqual([
      ['kms-plugin', 'Always', [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }]],
    ]);
    expect(parseYaml(configOf(manifests))).toEqual({
      apiVersion: 'apiserver.config.k8s.io/v1',
      kind: 'EncryptionConfiguration',
      resources: [{
        resources: ['secrets'],
        providers: [
          { kms: { apiVersion: 'v2', name: 'tenant1-kms', endpoint: 'unix:///var/run/kmsplugin/socket.sock' } },
          { identity: {} },
        ],
      }],
    });
    expect(() => validateManifests(manifests)).not.toThrow();
  });
});
