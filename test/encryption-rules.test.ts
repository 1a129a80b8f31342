/**
 * One failing input per start-up rule of kube-apiserver, with the exact error: construct path,
 * field, what is wrong and the fix. Rules the typed API can express are tested through it; the
 * others through a hand-written file in a ConfigMap or Secret of the app, wired as in the proposal.
 */
import { Duration } from 'cdk8s';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, KmsEncryptionOptions } from '../src';
import { parseGoDuration } from '../src/encryption/rules';
import { PROPOSAL_CONFIG_FIXED, handWiredErrors, kmsWith, userSecret } from './encryption-helpers';
import { synthErrors } from './helpers';

const P = '[test/ApiServer]';
const plugin = (name: string, dir = 'kmsplugin') => ({
  container: { name, image: 'registry.example.com/kms-plugin:v1.0.0' },
  socketPath: `/var/run/${dir}/socket.sock`,
});
const kms = (name = 'kms-a', dir = 'kmsplugin') => EncryptionProvider.kms({ name, plugin: plugin(`plugin-${name.replace(/:/g, '-')}`, dir) });

function typedErrors(options: KmsEncryptionOptions): string[] {
  return synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
    instanceName: 'tenant1',
    encryption: EncryptionAtRest.kms(options),
  }));
}

const CM = `${P} ConfigMap encryption-config[encryption-config.yaml]`;

describe('kms provider rules', () => {
  test('a missing apiVersion means KMS v1, which the API server refuses', () => {
    expect(handWiredErrors(kmsWith('apiVersion', undefined))).toEqual([
      `${CM}.resources[0].providers[0].kms.apiVersion: apiVersion is missing, which means KMS v1, disabled by default since Kubernetes 1.29, so the API server refuses to start. Fix: set apiVersion: v2`,
    ]);
  });

  test('apiVersion v1 is refused', () => {
    expect(handWiredErrors(kmsWith('apiVersion', 'v1'))).toEqual([
      `${CM}.resources[0].providers[0].kms.apiVersion: apiVersion v1 (KMS v1) is deprecated and disabled by default since Kubernetes 1.29, so the API server refuses to start. Fix: set apiVersion: v2 and use a KMS v2 plugin`,
    ]);
  });

  test('an unknown apiVersion is refused', () => {
    expect(handWiredErrors(kmsWith('apiVersion', 'v3'))).toEqual([
      `${CM}.resources[0].providers[0].kms.apiVersion: apiVersion "v3" is not a KMS API version. Fix: set apiVersion: v2`,
    ]);
  });

  test('cachesize with v2 is refused', () => {
    expect(handWiredErrors(kmsWith('cachesize', '1000'))).toEqual([
      `${CM}.resources[0].providers[0].kms.cachesize: cachesize is a KMS v1 setting; with apiVersion v2 the API server refuses to start. Fix: remove cachesize (KMS v2 caches its data encryption keys itself)`,
    ]);
  });

  test('a misspelled field stops the strict decoder', () => {
    expect(handWiredErrors(kmsWith('cacheSize', '1000'))).toEqual([
      `${CM}.resources[0].providers[0].kms.cacheSize: unknown field "cacheSize" in a kms provider; the API server decodes the file strictly and refuses to start. Fix: write "cachesize"`,
    ]);
  });

  test('an endpoint that is not unix:// is refused', () => {
    expect(typedErrors({ providers: [EncryptionProvider.kms({ name: 'kms-a', endpoint: 'tcp://10.0.0.1:8080' })] })).toEqual([
      `${P} encryption.providers[0].kms.endpoint: endpoint "tcp://10.0.0.1:8080" is not a unix:// URL; the API server reaches KMS plugins over a UNIX socket only. Fix: set the endpoint to unix://<socket path>, e.g. unix:///var/run/kmsplugin/socket.sock`,
    ]);
  });

  test('a provider without plugin or endpoint has no endpoint', () => {
    expect(typedErrors({ providers: [EncryptionProvider.kms({ name: 'kms-a' })] })).toEqual([
      `${P} encryption.providers[0].kms.endpoint: KMS provider "kms-a" has no endpoint. Fix: set the endpoint to the plugin's socket, unix:///<path>`,
    ]);
  });

  test('a provider with both a plugin and an endpoint is refused', () => {
    expect(typedErrors({
      providers: [EncryptionProvider.kms({ name: 'kms-a', plugin: plugin('p'), endpoint: 'unix:///var/run/kmsplugin/socket.sock' })],
    })).toEqual([
      `${P} encryption.providers[0].kms: KMS provider "kms-a" has both a plugin and an endpoint. Fix: give plugin (the construct runs it and derives the endpoint) or endpoint (for a plugin you wire yourself), not both`,
    ]);
  });

  test('duplicate KMS names are refused', () => {
    const a = EncryptionProvider.kms({ name: 'kms-a', plugin: plugin('plugin-1', 'a') });
    const b = EncryptionProvider.kms({ name: 'kms-a', plugin: plugin('plugin-2', 'b') });
    expect(typedErrors({ providers: [a, b] })).toEqual([
      `${P} encryption.providers[1].kms.name: KMS provider name "kms-a" is already used by encryption.providers[0].kms. Fix: give every KMS provider a name of its own`,
    ]);
  });

  test('a ":" in a v2 name is refused', () => {
    expect(typedErrors({ providers: [kms('aws:key1')] })).toEqual([
      `${P} encryption.providers[0].kms.name: KMS v2 provider name "aws:key1" contains ":". Fix: remove the ":" (e.g. "aws-key1")`,
    ]);
  });

  test('a missing name is refused', () => {
    expect(handWiredErrors(kmsWith('name', undefined))).toEqual([
      `${CM}.resources[0].providers[0].kms.name: the KMS provider has no name. Fix: give it a name, unique among the KMS providers`,
    ]);
  });

  test('a zero timeout is refused', () => {
    expect(typedErrors({ providers: [EncryptionProvider.kms({ name: 'kms-a', plugin: plugin('p'), timeout: Duration.seconds(0) })] })).toEqual([
      `${P} encryption.providers[0].kms.timeout: timeout 0s is not positive. Fix: set a positive timeout, or leave it out for the default 3s`,
    ]);
  });

  test('a negative timeout is refused', () => {
    expect(handWiredErrors(kmsWith('timeout', '-1s'))).toEqual([
      `${CM}.resources[0].providers[0].kms.timeout: timeout -1s is not positive. Fix: set a positive timeout, or leave it out for the default 3s`,
    ]);
  });

  test('a timeout that is not a duration is refused', () => {
    expect(handWiredErrors(kmsWith('timeout', '3'))).toEqual([
      `${CM}.resources[0].providers[0].kms.timeout: timeout 3 is not a duration. Fix: write a duration such as 3s or 500ms`,
    ]);
  });

  test('Go durations parse as the API server parses them', () => {
    expect([parseGoDuration('3s'), parseGoDuration('1m30s'), parseGoDuration('500ms'), parseGoDuration('-1s'), parseGoDuration('0'),
      parseGoDuration('1.5h'), parseGoDuration('3'), parseGoDuration(''), parseGoDuration('s')])
      .toEqual([3000, 90000, 500, -1000, 0, 5400000, undefined, undefined, undefined]);
  });
});

describe('resource rules', () => {
  const withResources = (...resources: string[]) => typedErrors({ resources: [{ resources, providers: [kms()] }] });

  test('upper-case resource names are refused', () => {
    expect(withResources('Secrets')).toEqual([
      `${P} encryption.resources[0].resources[0]: resource "Secrets" has upper-case letters. Fix: write it in lower case: "secrets"`,
    ]);
  });

  test('"*" alone is refused', () => {
    expect(withResources('*')).toEqual([
      `${P} encryption.resources[0].resources[0]: resource "*" is not valid. Fix: use "*." for every resource of the core group, or "*.*" for every resource`,
    ]);
  });

  test('resources without a REST API are refused', () => {
    expect(withResources('serviceipallocations')).toEqual([
      `${P} encryption.resources[0].resources[0]: resource "serviceipallocations" has no REST API and cannot be encrypted. Fix: remove it`,
    ]);
  });

  test('the events.k8s.io group is refused', () => {
    expect(withResources('events.events.k8s.io')).toEqual([
      `${P} encryption.resources[0].resources[0]: resource "events.events.k8s.io": events.k8s.io objects are stored in the "events" resource of the core group. Fix: write "events" instead`,
    ]);
  });

  test('the extensions group is refused', () => {
    expect(withResources('deployments.extensions')).toEqual([
      `${P} encryption.resources[0].resources[0]: resource "deployments.extensions": the extensions group was removed and cannot be encrypted. Fix: use the resource's current group, e.g. "deployments.apps"`,
    ]);
  });

  test('one resource across groups is refused', () => {
    expect(withResources('secrets.*')).toEqual([
      `${P} encryption.resources[0].resources[0]: resource "secrets.*" names one resource across groups, which the API server does not support. Fix: name the group, e.g. "secrets" (core) or "secrets.<group>"`,
    ]);
  });

  test('a resource listed twice is refused', () => {
    expect(withResources('secrets', 'secrets')).toEqual([
      `${P} encryption.resources[0].resources: resource "secrets" is listed twice. Fix: list every resource once`,
    ]);
  });

  test('overlapping resources in one list are refused', () => {
    expect(withResources('secrets', '*.')).toEqual([
      `${P} encryption.resources[0].resources: resources [secrets, *.] overlap (a "*.<group>" or "*.*" entry masks the others in the same list). Fix: keep either the wildcard or the single resources in this list; put specific resources in an earlier entry`,
    ]);
  });

  test('a resource masked by an earlier entry is refused', () => {
    expect(typedErrors({
      resources: [
        { resources: ['*.*'], providers: [kms('kms-a', 'a')] },
        { resources: ['secrets'], providers: [kms('kms-b', 'b')] },
      ],
    })).toEqual([
      `${P} encryption.resources[1].resources[0]: resource "secrets" is masked by the earlier entry "*.*", so the API server refuses to start. Fix: move "secrets" into an entry before the one with "*.*", or remove it`,
    ]);
  });

  test('an entry without resources or providers is refused', () => {
    expect(typedErrors({ resources: [{ resources: [], providers: [] }] })).toEqual([
      `${P} encryption.resources[0].resources: the entry lists no resources. Fix: list at least one resource, e.g. secrets`,
      `${P} encryption.resources[0].providers: the entry has no providers. Fix: add a provider, e.g. a KMS v2 provider`,
    ]);
  });

  test('a configuration without entries is refused', () => {
    expect(typedErrors({ resources: [] })).toEqual([
      `${P} encryption.resources: the configuration has no resources entry. Fix: add an entry with resources (e.g. secrets) and providers`,
    ]);
  });

  test('providers and resources together are refused', () => {
    expect(typedErrors({ providers: [kms()], resources: [{ resources: ['configmaps'], providers: [kms('kms-b', 'b')] }] })).toEqual([
      `${P} encryption.providers: both providers and resources are given. Fix: give providers (they encrypt secrets) or resources, not both`,
    ]);
  });
});

describe('provider element rules', () => {
  test('identity first is refused', () => {
    expect(typedErrors({ providers: [EncryptionProvider.identity(), kms()] })).toEqual([
      `${P} encryption.providers[0].identity: identity is the first provider, so new data is stored in plain text. Fix: put an encrypting provider first and keep identity last (it reads data written before encryption); for a planned migration, set allowIdentityFirst: true`,
    ]);
  });

  test('identity first is allowed for a declared migration', () => {
    expect(typedErrors({ providers: [EncryptionProvider.identity(), kms()], allowIdentityFirst: true })).toEqual([]);
  });

  test('identity first in a hand-written file points at the prop that allows it', () => {
    const text = PROPOSAL_CONFIG_FIXED.replace('      - kms:', '      - identity: {}\n      - kms:').replace(/      - identity: \{\}\n$/, '');
    expect(handWiredErrors(text)).toEqual([
      `${CM}.resources[0].providers[0].identity: identity is the first provider, so new data is stored in plain text. Fix: put an encrypting provider first and keep identity last (it reads data written before encryption); for a planned migration, use the encryption prop with EncryptionAtRest.kms({ ..., allowIdentityFirst: true })`,
    ]);
  });

  test('more than one provider type in an element is refused', () => {
    const text = PROPOSAL_CONFIG_FIXED.replace('      - identity: {}', '      - identity: {}\n        secretbox:\n          keys: []');
    expect(handWiredErrors(text, {})).toEqual([
      `${CM}.resources[0].providers[1]: the provider element has more than one type (identity, secretbox). Fix: split them into separate elements of providers, in the order they should be tried`,
    ]);
  });

  test('an element with no provider type is refused', () => {
    const text = PROPOSAL_CONFIG_FIXED.replace('      - identity: {}', '      - {}');
    expect(handWiredErrors(text)).toEqual([
      `${CM}.resources[0].providers[1]: the provider names no provider type. Fix: give exactly one of kms, aescbc, aesgcm, secretbox, identity`,
    ]);
  });

  test('key material in a ConfigMap is refused', () => {
    const text = PROPOSAL_CONFIG_FIXED.replace('      - identity: {}',
      `      - aescbc:\n          keys:\n            - name: key1\n              secret: ${Buffer.alloc(32, 1).toString('base64')}\n      - identity: {}`);
    expect(handWiredErrors(text)).toEqual([
      `${CM}.resources[0].providers[1].aescbc: aescbc keys are in a ConfigMap, which anyone who can read ConfigMaps can read. Fix: keep a configuration with key providers in a Secret, and use EncryptionAtRest.fromSecret({ secretName })`,
    ]);
  });
});

describe('key rules (a Secret of the app)', () => {
  const keyConfig = (type: string, secret: string) => `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - ${type}:
          keys:
            - name: key1
              secret: ${secret}
      - identity: {}
`;
  const secretErrors = (text: string) => synthErrors((chart) => {
    userSecret(chart, text);
    new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      encryption: EncryptionAtRest.fromSecret({ secretName: 'encryption-config' }),
    });
  });
  const S = `${P} Secret encryption-config[encryption-config.yaml]`;

  test('valid keys pass', () => {
    expect(secretErrors(keyConfig('aesgcm', Buffer.alloc(16, 7).toString('base64')))).toEqual([]);
    expect(secretErrors(keyConfig('secretbox', Buffer.alloc(32, 7).toString('base64')))).toEqual([]);
  });

  test('an aescbc key of a wrong size is refused', () => {
    expect(secretErrors(keyConfig('aescbc', Buffer.alloc(10, 7).toString('base64')))).toEqual([
      `${S}.resources[0].providers[0].aescbc.keys[0].secret: the aescbc key is 10 bytes long; aescbc takes 16, 24, 32 bytes. Fix: generate a key of 32 bytes: head -c 32 /dev/urandom | base64`,
    ]);
  });

  test('a secretbox key of 16 bytes is refused', () => {
    expect(secretErrors(keyConfig('secretbox', Buffer.alloc(16, 7).toString('base64')))).toEqual([
      `${S}.resources[0].providers[0].secretbox.keys[0].secret: the secretbox key is 16 bytes long; secretbox takes 32 bytes. Fix: generate a key of 32 bytes: head -c 32 /dev/urandom | base64`,
    ]);
  });

  test('a key that is not base64 is refused', () => {
    expect(secretErrors(keyConfig('aesgcm', 'not-base64!'))).toEqual([
      `${S}.resources[0].providers[0].aesgcm.keys[0].secret: the key is not valid base64. Fix: encode the key with standard base64 (e.g. head -c 32 /dev/urandom | base64)`,
    ]);
  });

  test('a key provider without keys is refused', () => {
    expect(secretErrors(keyConfig('aescbc', 'x').replace(/keys:[\s\S]*?(\n {6}- identity)/, 'keys: []$1'))).toEqual([
      `${S}.resources[0].providers[0].aescbc.keys: aescbc has no keys. Fix: give at least one key (name and base64 secret)`,
    ]);
  });
});

describe('file rules', () => {
  test('a wrong apiVersion and kind of the file are refused', () => {
    const text = PROPOSAL_CONFIG_FIXED.replace('apiserver.config.k8s.io/v1', 'v1').replace('kind: EncryptionConfiguration', 'kind: EncryptionConfig');
    expect(handWiredErrors(text)).toEqual([
      `${CM}.apiVersion: apiVersion "v1" is not apiserver.config.k8s.io/v1. Fix: set apiVersion: apiserver.config.k8s.io/v1`,
      `${CM}.kind: kind "EncryptionConfig" is not EncryptionConfiguration. Fix: set kind: EncryptionConfiguration`,
    ]);
  });

  test('a file that is not YAML is refused', () => {
    expect(handWiredErrors('resources: [secrets\n')).toEqual([
      expect.stringMatching(/^\[test\/ApiServer\] ConfigMap encryption-config\[encryption-config\.yaml\]: the file is not valid YAML \(.+\)\. Fix: fix the YAML$/),
    ]);
  });
});
