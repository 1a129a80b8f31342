import { operatorFlags } from '../../src/model/flags';
import { apiServerContainer, parseCommand, synthApiServer } from '../helpers';
import {
  SUPPORTED_MINORS, checkFlagValue, kubeApiServerRelease, minorOfImageTag, normalizeFlagName,
} from '../../src/kube-apiserver/flags';
import { KubeApiServerRelease } from '../../src/kube-apiserver/types';

const release = (minor: string): KubeApiServerRelease => {
  const r = kubeApiServerRelease(minor);
  if (!r) {
    throw new Error(`no model for ${minor}`);
  }
  return r;
};

describe('the releases covered', () => {
  test('1.33 to 1.36, oldest first', () => {
    expect(SUPPORTED_MINORS).toEqual(['1.33', '1.34', '1.35', '1.36']);
  });

  test.each(['1.32', '1.37', '2.0', '', 'v1.36', '1.36.2', 'constructor', 'toString'])('%j has no model', (minor) => {
    expect(kubeApiServerRelease(minor)).toBeUndefined();
  });

  test.each(SUPPORTED_MINORS)('%s knows its own minor', (minor) => {
    expect(release(minor).minor).toBe(minor);
  });
});

describe('flags', () => {
  test.each(SUPPORTED_MINORS)('%s has the flags this library renders, with their types', (minor) => {
    const flags = release(minor).flags;
    expect(flags['encryption-provider-config']).toEqual({ type: 'string' });
    expect(flags['authorization-mode']).toEqual({ type: 'strings', values: ['AlwaysAllow', 'AlwaysDeny', 'ABAC', 'Webhook', 'RBAC', 'Node'] });
    expect(flags['anonymous-auth']).toEqual({ type: 'bool', default: 'true' });
    expect(flags['bind-address']).toEqual({ type: 'ip', default: '0.0.0.0' }); // the page says "string"; IPVar says ip
    expect(flags['secure-port']).toEqual({ type: 'int', default: '6443' });
    expect(flags['service-node-port-range']).toEqual({ type: 'portRange', default: '30000-32767' });
    expect(flags['tls-sni-cert-key']?.type).toBe('namedCertKey');
    expect(flags['feature-gates']?.type).toBe('colonSeparatedMultimapStringString');
    expect(flags['runtime-config']?.type).toBe('configurationMap');
    expect(flags['oidc-required-claim']?.type).toBe('mapStringStringNoSplit');
    expect(flags['v']?.type).toBe('level');
    expect(flags['audit-log-batch-throttle-qps']?.type).toBe('float32');
    expect(flags['audit-log-format']).toEqual({ type: 'string', default: 'json', values: ['legacy', 'json'] });
    expect(flags['audit-log-mode']?.values).toEqual(['batch', 'blocking', 'blocking-strict']);
    expect(flags['tls-min-version']?.values).toEqual(['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13']);
    expect(flags['etcd-prefix']).toEqual({ type: 'string', default: '/registry' });
  });

  test.each(SUPPORTED_MINORS)('%s marks the deprecated flags', (minor) => {
    const flags = release(minor).flags;
    expect(flags['admission-control']?.deprecated).toBe(true);
    expect(flags['enable-logs-handler']?.deprecated).toBe(true);
    // "master-count is deprecated" speaks of a value, not of the flag.
    expect(flags['endpoint-reconciler-type']?.deprecated).toBeUndefined();
  });

  test('flags the staging repositories registered later are missing from the earlier minors', () => {
    expect(release('1.33').flags['tls-curve-preferences']).toBeUndefined();
    expect(release('1.35').flags['tls-curve-preferences']).toBeUndefined();
    expect(release('1.36').flags['tls-curve-preferences']).toEqual({ type: 'int32Slice', default: '[]' });
    expect(release('1.34').flags['min-compatibility-version']).toBeUndefined();
    expect(release('1.35').flags['min-compatibility-version']?.type).toBe('strings');
  });

  test('the flags this library renders by default exist at 1.36 and are accepted there', () => {
    const flags = operatorFlags({ serviceSubnet: '10.96.0.0/12', clusterDomain: 'cluster.local' });
    const model = release('1.36');
    for (const [name, value] of Object.entries(flags)) {
      const spec = model.flags[name];
      expect({ name, known: spec !== undefined }).toEqual({ name, known: true });
      expect({ name, value, result: checkFlagValue(spec, value, '1.36') }).toEqual({ name, value, result: { ok: true } });
    }
  });
});

describe('feature gates', () => {
  const gate = (minor: string, name: string) => release(minor).featureGates[name];

  test('KMSv2 was removed before 1.33; KMSv1 is deprecated and off by default', () => {
    for (const minor of SUPPORTED_MINORS) {
      expect(gate(minor, 'KMSv2')).toBeUndefined();
      expect(gate(minor, 'KMSv1')).toEqual({ stage: 'DEPRECATED', default: false, locked: false });
    }
  });

  test('AllAlpha and AllBeta exist in every minor', () => {
    for (const minor of SUPPORTED_MINORS) {
      expect(gate(minor, 'AllAlpha')).toEqual({ stage: 'ALPHA', default: false, locked: false });
      expect(gate(minor, 'AllBeta')).toEqual({ stage: 'BETA', default: false, locked: false });
    }
  });

  test('a gate added in 1.35 does not exist at 1.33 or 1.34', () => {
    expect(gate('1.33', 'GangScheduling')).toBeUndefined();
    expect(gate('1.34', 'GangScheduling')).toBeUndefined();
    expect(gate('1.35', 'GangScheduling')).toEqual({ stage: 'ALPHA', default: false, locked: false });
  });

  test('a gate follows its versioned specs through the minors', () => {
    expect(gate('1.33', 'DRAAdminAccess')).toEqual({ stage: 'ALPHA', default: false, locked: false });
    expect(gate('1.34', 'DRAAdminAccess')).toEqual({ stage: 'BETA', default: true, locked: false });
    expect(gate('1.35', 'DRAAdminAccess')).toEqual({ stage: 'BETA', default: true, locked: false });
    expect(gate('1.36', 'DRAAdminAccess')).toEqual({ stage: 'GA', default: true, locked: true });
  });

  test('the staging registries are read at each minor: client-go, component-base, apiserver', () => {
    expect(gate('1.35', 'InOrderInformers')).toEqual({ stage: 'BETA', default: true, locked: false });
    expect(gate('1.36', 'InOrderInformers')).toEqual({ stage: 'GA', default: true, locked: true });
    // component-base metrics: ComponentSLIs was removed in 1.35, NativeHistograms arrived in 1.36.
    expect(gate('1.34', 'ComponentSLIs')).toEqual({ stage: 'GA', default: true, locked: true });
    expect(gate('1.35', 'ComponentSLIs')).toBeUndefined();
    expect(gate('1.35', 'NativeHistograms')).toBeUndefined();
    expect(gate('1.36', 'NativeHistograms')).toEqual({ stage: 'ALPHA', default: false, locked: false });
    expect(gate('1.33', 'ContextualLogging')).toEqual({ stage: 'BETA', default: true, locked: false });
    expect(gate('1.33', 'AnonymousAuthConfigurableEndpoints')).toEqual({ stage: 'BETA', default: true, locked: false });
    expect(gate('1.34', 'AnonymousAuthConfigurableEndpoints')).toEqual({ stage: 'GA', default: true, locked: true });
  });

  test('the gates of the fork the kubernetes/kubernetes registry was read from are left out', () => {
    for (const minor of SUPPORTED_MINORS) {
      expect(gate(minor, 'AmbientCapabilities')).toBeUndefined();
      expect(gate(minor, 'PodStatusBatchUpdates')).toBeUndefined();
    }
  });

  test.each(SUPPORTED_MINORS)('%s: only GA and deprecated gates are locked', (minor) => {
    const oddlyLocked = Object.entries(release(minor).featureGates)
      .filter(([, g]) => g.locked && g.stage !== 'GA' && g.stage !== 'DEPRECATED');
    expect(oddlyLocked).toEqual([]);
  });
});

describe('the lists from the reference page', () => {
  test.each(SUPPORTED_MINORS)('%s', (minor) => {
    const r = release(minor);
    expect(r.admissionPlugins).toEqual(expect.arrayContaining(['NodeRestriction', 'NamespaceLifecycle', 'ServiceAccount', 'PodSecurity']));
    expect(r.authorizationModes).toEqual(['AlwaysAllow', 'AlwaysDeny', 'ABAC', 'Webhook', 'RBAC', 'Node']);
    expect(r.tlsVersions).toEqual(['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13']);
    expect(r.tlsCipherSuites.secure).toContain('TLS_AES_128_GCM_SHA256');
    expect(r.tlsCipherSuites.insecure).toContain('TLS_RSA_WITH_RC4_128_SHA');
    expect(r.tlsCipherSuites.secure.filter((s) => r.tlsCipherSuites.insecure.includes(s))).toEqual([]);
  });
});

describe('minorOfImageTag', () => {
  test.each([
    ['v1.36.2', '1.36'],
    ['v1.35.0-rc.1', '1.35'],
    ['v1.33.0-alpha.0', '1.33'],
    ['v1.40.10', '1.40'],
  ])('%s → %s', (tag, minor) => {
    expect(minorOfImageTag(tag)).toBe(minor);
  });

  test.each(['1.36.2', 'v1.36', 'latest', 'v1.36.2@sha256:abc', 'v1.36.2+build', 'v01.36.2', 'v1.36.x', ''])('%j → undefined', (tag) => {
    expect(minorOfImageTag(tag)).toBeUndefined();
  });
});

describe('normalizeFlagName', () => {
  test('underscores become dashes, as cliflag.WordSepNormalizeFunc does; nothing else changes', () => {
    expect(normalizeFlagName('audit_log_path')).toBe('audit-log-path');
    expect(normalizeFlagName('audit-log_path')).toBe('audit-log-path');
    expect(normalizeFlagName('Audit_Log')).toBe('Audit-Log');
    expect(normalizeFlagName('secure-port')).toBe('secure-port');
  });
});

describe('the command line the construct renders', () => {
  test.each(SUPPORTED_MINORS)('every flag of a default API server is a flag of kube-apiserver %s with a value it parses', (minor) => {
    const deployment = synthApiServer({ instanceName: 'tenant1', imageTag: `v${minor}.0`, featureGates: { APIResponseCompression: true } })
      .find((m) => m.kind === 'Deployment')!;
    const release = kubeApiServerRelease(minor)!;
    for (const [name, value] of Object.entries(parseCommand(apiServerContainer(deployment).command))) {
      expect([name, release.flags[name] !== undefined]).toEqual([name, true]);
      expect([name, checkFlagValue(release.flags[name], value, minor)]).toEqual([name, { ok: true }]);
    }
  });
});
