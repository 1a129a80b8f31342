import { kubeApiServerRelease } from '../src/kube-apiserver/flags';
import { editDistance, nearName } from '../src/suggest';

test('the edit distance counts a swap of neighbours as one edit', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('volumeMount', 'volumeMounts')).toBe(1);
  expect(editDistance('conifg', 'config')).toBe(1);
});

describe('nearName suggests a likely typo, and nothing far', () => {
  const flags = Object.keys(kubeApiServerRelease('1.36')!.flags);
  test.each([
    ['authorisation-mode', 'authorization-mode'],
    ['encryption-provider-conifg', 'encryption-provider-config'],
    ['tls-min-versoin', 'tls-min-version'],
    ['secure-prot', 'secure-port'],
    ['max-request-inflight', 'max-requests-inflight'],
  ])('%s → %s', (name, near) => {
    expect(nearName(name, flags)).toBe(near);
  });

  test('nothing close gives no suggestion', () => {
    expect(nearName('completely-unrelated-thing', flags)).toBeUndefined();
    expect(nearName('x', ['abcdef'])).toBeUndefined();
  });
});
