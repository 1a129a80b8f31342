import { checkFlagValue, kubeApiServerRelease, parseFlagValue, repeatBehaviour } from '../../src/kube-apiserver/flags';
import { PARSE_CASES } from './parse-cases';

describe('parseFlagValue', () => {
  test.each(PARSE_CASES.map((c) => [c.type, c.value, c.ok, c.minor] as const))('%s %j → %s (minor %s)', (type, value, ok, minor) => {
    const result = parseFlagValue(type, value, minor);
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  test('every flag type of the model has a parser', () => {
    const release = kubeApiServerRelease('1.36')!;
    const types = new Set(Object.values(release.flags).map((f) => f.type));
    for (const type of types) {
      expect(() => parseFlagValue(type, '')).not.toThrow();
    }
  });

  test('an unknown type is a programming error', () => {
    expect(() => parseFlagValue('nonsense', 'x')).toThrow(/no parser/);
  });
});

describe('checkFlagValue', () => {
  const flags = kubeApiServerRelease('1.36')!.flags;

  test('list items are checked against the allowed values, spaces kept', () => {
    expect(checkFlagValue(flags['authorization-mode'], 'Node,RBAC')).toEqual({ ok: true });
    const spaced = checkFlagValue(flags['authorization-mode'], 'Node, RBAC');
    expect(spaced.ok).toBe(false);
    expect(!spaced.ok && spaced.reason).toMatch(/" RBAC" is not one of .* \(did you mean RBAC\?\)/);
    expect(checkFlagValue(flags['enable-admission-plugins'], 'NodeRestriction,PodSecurity')).toEqual({ ok: true });
    expect(checkFlagValue(flags['enable-admission-plugins'], 'NodeRestrictions').ok).toBe(false);
  });

  test('a scalar value is checked whole; insecure cipher suites are allowed values', () => {
    expect(checkFlagValue(flags['tls-min-version'], 'VersionTLS13')).toEqual({ ok: true });
    expect(checkFlagValue(flags['tls-min-version'], 'VersionTLS14').ok).toBe(false);
    expect(checkFlagValue(flags['tls-cipher-suites'], 'TLS_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_SHA')).toEqual({ ok: true });
    expect(checkFlagValue(flags['audit-log-mode'], 'batch')).toEqual({ ok: true });
    expect(checkFlagValue(flags['audit-log-mode'], 'async').ok).toBe(false);
  });

  test('the type is checked before the values', () => {
    const r = checkFlagValue(flags['authorization-mode'], '"RBAC');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/comma-separated/);
  });
});

describe('repeatBehaviour', () => {
  test.each([
    ['bool', 'last'], ['int', 'last'], ['duration', 'last'], ['string', 'last'], ['ip', 'last'], ['portRange', 'last'],
    ['level', 'last'], ['quantity', 'last'],
    ['strings', 'append'], ['stringArray', 'append'], ['ipSlice', 'append'], ['int32Slice', 'append'],
    ['namedCertKey', 'append'], ['vmodule', 'append'],
    ['mapStringString', 'merge'], ['mapStringStringNoSplit', 'merge'], ['mapStringBool', 'merge'], ['stringToString', 'merge'],
    ['colonSeparatedMultimapStringString', 'merge'], ['configurationMap', 'merge'],
    ['cidrs', 'refused'],
  ])('%s → %s', (type, behaviour) => {
    expect(repeatBehaviour(type)).toBe(behaviour);
  });
});
