/**
 * The results the model shares between API servers (configuration checksums) must be
 * exactly what a fresh computation gives, for any input, however many distinct values go through
 * the bounded caches.
 */
import { createHash } from 'crypto';
import * as fc from 'fast-check';
import { configChecksum } from '../src/model';

/** The checksum as written without any sharing: one update a file, in name order. */
function freshChecksum(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(name).update('\0').update(files[name]).update('\0');
  }
  return hash.digest('hex');
}

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
