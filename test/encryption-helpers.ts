import { ApiObject, Chart } from 'cdk8s';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { synthErrors } from './helpers';

/** The configuration of the proposal's sample, as written there (with cachesize, which v2 refuses). */
export const PROPOSAL_CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - kms:
          apiVersion: v2
          name: custom-kms-provider
          endpoint: unix:///var/run/kmsplugin/socket.sock
          cachesize: 1000
          timeout: 3s
      - identity: {}
`;

/** The proposal's sample without cachesize. */
export const PROPOSAL_CONFIG_FIXED = PROPOSAL_CONFIG.replace('          cachesize: 1000\n', '');

/** A user-made ConfigMap `encryption-config` in the chart, as in the proposal. */
export function userConfigMap(chart: Chart, text: string, name = 'encryption-config', key = 'encryption-config.yaml'): ApiObject {
  return new ApiObject(chart, `cm-${name}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { [key]: text } });
}

/** A user-made Secret in the chart, holding the configuration in `data` (base64). */
export function userSecret(chart: Chart, text: string, name = 'encryption-config', key = 'encryption-config.yaml'): ApiObject {
  return new ApiObject(chart, `secret-${name}`, {
    apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { [key]: Buffer.from(text).toString('base64') },
  });
}

/** The proposal's pod, hand-wired with raw props: the flag, the config and socket volumes, the plugin. */
export function proposalProps(): KarmadaApiServerProps {
  return {
    instanceName: 'tenant1',
    extraArgs: { 'encryption-provider-config': '/etc/kubernetes/encryption-config.yaml' },
    extraVolumes: [
      { name: 'encryption-config', configMap: { name: 'encryption-config' } },
      { name: 'kms-socket', emptyDir: {} },
    ],
    extraVolumeMounts: [
      { name: 'encryption-config', mountPath: '/etc/kubernetes/encryption-config.yaml', subPath: 'encryption-config.yaml' },
      { name: 'kms-socket', mountPath: '/var/run/kmsplugin' },
    ],
    sidecarContainers: [{
      name: 'kms-plugin',
      image: 'custom-kms-plugin:latest',
      volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }],
    }],
    // The proposal's image tag is mutable: accepted knowingly here (see the test of the sample as
    // published, which is refused for it too).
    sidecarOptions: { 'kms-plugin': { allowMutableImageTag: true } },
  };
}

/** The errors of a hand-wired API server whose ConfigMap holds `text`, with props laid over the proposal's. */
export function handWiredErrors(text: string, props: Partial<KarmadaApiServerProps> = {}): string[] {
  return synthErrors((chart) => {
    userConfigMap(chart, text);
    new KarmadaApiServer(chart, 'ApiServer', { ...proposalProps(), ...props });
  });
}

/** The proposal's configuration with one kms field replaced (or removed with undefined). */
export function kmsWith(field: string, value: string | undefined): string {
  const lines = PROPOSAL_CONFIG_FIXED.split('\n');
  const kms = lines.findIndex((l) => l.trim() === '- kms:');
  const found = lines.slice(kms).findIndex((l) => l.trim().startsWith(`${field}:`));
  const i = found === -1 ? -1 : kms + found;
  if (i === -1) {
    lines.splice(lines.findIndex((l) => l.includes('timeout:')) + 1, 0, `          ${field}: ${value}`);
  } else if (value === undefined) {
    lines.splice(i, 1);
  } else {
    lines[i] = `          ${field}: ${value}`;
  }
  return lines.join('\n');
}
