import * as fc from 'fast-check';
import { Yaml } from 'cdk8s';
import { renderConfig } from '../src/encryption/config';
import { fastYaml } from '../src/encryption/yaml';

/** What cdk8s writes for a configuration: the reference for the fast writer. */
function reference(doc: Record<string, unknown>): string {
  return Yaml.stringify(JSON.parse(JSON.stringify(doc)));
}

function kmsConfig(resources: string[], kms: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apiserver.config.k8s.io/v1',
    kind: 'EncryptionConfiguration',
    resources: [{ resources, providers: [{ kms }, { identity: {} }] }],
  };
}

describe('fastYaml', () => {
  const written: Array<[string, Record<string, unknown>]> = [
    ['kms and identity', kmsConfig(['secrets'], { apiVersion: 'v2', name: 'kms-plugin', endpoint: 'unix:///var/run/kmsplugin/socket.sock', timeout: '3s' })],
    ['undefined fields left out', kmsConfig(['secrets', 'configmaps', 'deployments.apps'], { apiVersion: 'v2', name: 'tenant1_key-1', endpoint: 'unix:///tmp/a.sock', timeout: undefined })],
    ['milliseconds', kmsConfig(['secrets'], { apiVersion: 'v2', name: 'k', endpoint: 'unix:///s', timeout: '1500ms' })],
    ['several entries', {
      apiVersion: 'apiserver.config.k8s.io/v1',
      kind: 'EncryptionConfiguration',
      resources: [
        { resources: ['secrets'], providers: [{ kms: { apiVersion: 'v2', name: 'a', endpoint: 'unix:///a/s' } }] },
        { resources: ['configmaps'], providers: [{ identity: {} }, { kms: { apiVersion: 'v2', name: 'b', endpoint: 'unix:///b/s' } }] },
      ],
    }],
  ];
  test.each(written)('writes what Yaml.stringify writes: %s', (_, doc) => {
    expect(fastYaml(doc)).toEqual(reference(doc));
    expect(renderConfig(doc)).toEqual(reference(doc));
  });

  const declined: Array<[string, Record<string, unknown>]> = [
    ['a wildcard resource', kmsConfig(['*.*'], { apiVersion: 'v2', name: 'k', endpoint: 'unix:///s' })],
    ['a boolean word', kmsConfig(['secrets'], { apiVersion: 'v2', name: 'yes', endpoint: 'unix:///s' })],
    ['a number-like string', kmsConfig(['secrets'], { apiVersion: 'v2', name: '1e3', endpoint: 'unix:///s' })],
    ['an exponent with no digits before it', kmsConfig(['secrets'], { apiVersion: 'v2', name: 'E0', endpoint: 'unix:///s' })],
    ['a string with a space', kmsConfig(['secrets'], { apiVersion: 'v2', name: 'a: b', endpoint: 'unix:///s' })],
    ['an empty string', kmsConfig(['secrets'], { apiVersion: 'v2', name: '', endpoint: 'unix:///s' })],
    ['a number', kmsConfig(['secrets'], { apiVersion: 'v2', name: 'k', endpoint: 'unix:///s', cachesize: 1000 })],
    ['an empty list', kmsConfig([], { apiVersion: 'v2', name: 'k', endpoint: 'unix:///s' })],
    ['null', kmsConfig(['secrets'], { apiVersion: 'v2', name: null, endpoint: 'unix:///s' })],
  ];
  test.each(declined)('leaves %s to Yaml.stringify', (_, doc) => {
    expect(fastYaml(doc)).toBeUndefined();
    expect(renderConfig(doc)).toEqual(reference(doc));
  });
});

test('on random documents it writes what Yaml.stringify writes, or leaves them to it', () => {
  // Words near the writer's rules: plain names, durations, wildcards, booleans, numbers, spaces, colons.
  const word = fc.oneof(
    fc.constantFrom('secrets', 'kms', 'v2', '3s', '500ms', '*.*', 'yes', 'No', 'null', '1e3', 'E0', 'e5', '0x1f', 'a b', 'a:', 'unix:///s', '', '-a', 'a#b'),
    fc.stringMatching(/^[A-Za-z0-9._:/*-]{1,8}$/),
  );
  const doc = fc.letrec<{ map: Record<string, unknown>; value: unknown }>((tie) => ({
    map: fc.dictionary(word, tie('value'), { maxKeys: 3 }),
    value: fc.oneof({ depthSize: 'small' }, word, fc.array(tie('value'), { maxLength: 3 }), tie('map'), fc.constant(undefined)),
  })).map;
  fc.assert(fc.property(doc, (d) => {
    const fast = fastYaml(d);
    if (fast !== undefined) {
      expect(fast).toEqual(reference(d));
    }
    // renderConfig keeps recent results: each call, fresh or kept, gives the reference.
    expect(renderConfig(d)).toEqual(reference(d));
    expect(renderConfig(d)).toEqual(reference(d));
  }), { numRuns: Number(process.env.FC_RUNS ?? 2000) });
});
