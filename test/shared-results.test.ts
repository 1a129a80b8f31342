/**
 * The results the model shares between API servers (flag texts, configuration checksums) must be
 * exactly what a fresh computation gives, for any input, however many distinct values go through
 * the bounded caches.
 */
import { createHash } from 'crypto';
import * as fc from 'fast-check';
import { renderCommand } from '../src/flags';
import { configChecksum } from '../src/model';

/** The command as written without any sharing. */
function freshCommand(flags: Map<string, string>): string[] {
  return ['kube-apiserver', ...[...flags.keys()].sort().map((name) => `--${name}=${flags.get(name)}`)];
}

/** The checksum as written without any sharing: one update a file, in name order. */
function freshChecksum(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(name).update('\0').update(files[name]).update('\0');
  }
  return hash.digest('hex');
}

describe('renderCommand', () => {
  test('sorts the flags by name and writes each as --name=value', () => {
    expect(renderCommand(new Map([['v', '2'], ['allow-privileged', 'true'], ['secure-port', '5443']])))
      .toEqual(['kube-apiserver', '--allow-privileged=true', '--secure-port=5443', '--v=2']);
  });

  test('a flag with many values (one per API server) renders each value, past the shared texts', () => {
    for (let i = 0; i < 50; i++) {
      const servers = `https://tenant${i}-etcd-client.tenant${i}.svc.cluster.local:2379`;
      expect(renderCommand(new Map([['etcd-servers', servers]]))).toEqual(['kube-apiserver', `--etcd-servers=${servers}`]);
    }
  });

  test('any flags render as they would without sharing, again and again', () => {
    const flags = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'etcd-servers', 'v', '__proto__', 'constructor'), fc.string({ maxLength: 8 })));
    fc.assert(fc.property(flags, (pairs) => {
      const map = new Map(pairs);
      expect(renderCommand(map)).toEqual(freshCommand(map));
      expect(renderCommand(map)).toEqual(freshCommand(map));
    }), { numRuns: 300 });
  });
});

describe('configChecksum', () => {
  test('is the sha256 of every file, in name order, past the checksums kept', () => {
    for (let i = 0; i < 100; i++) {
      const files = { 'audit-policy.yaml': 'rules: []\n', 'encryption-config.yaml': `name: kms-${i % 40}\n` };
      expect(configChecksum(files)).toBe(freshChecksum(files));
    }
  });

  test('any file set gives the checksum of a fresh computation, and the same one again', () => {
    const files = fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 12 }), { maxKeys: 4 });
    fc.assert(fc.property(files, (set) => {
      expect(configChecksum(set)).toBe(freshChecksum(set));
      expect(configChecksum(set)).toBe(freshChecksum(set));
    }), { numRuns: 300 });
  });

  test('a change of one file, or of a name, changes the checksum', () => {
    const base = configChecksum({ a: 'x', b: 'y' });
    expect(configChecksum({ a: 'x', b: 'z' })).not.toBe(base);
    expect(configChecksum({ a: 'x', c: 'y' })).not.toBe(base);
  });
});
