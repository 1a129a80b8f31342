/**
 * The etcd command KarmadaEtcd renders, run by a real etcd on loopback.
 *
 * From the synthesized objects: the etcd container's command, the Certificate specs, the volumes of
 * the etcd pod and of the API server's etcd client directory, and the API server's `--etcd-*`
 * flags. The test makes certificates with openssl to those specs (cert-manager's Secret layout),
 * writes the volumes' files as the kubelet would, remaps only addresses and paths (pod DNS names
 * and 0.0.0.0 to 127.0.0.1 and free ports, /etc/karmada and /var/lib/etcd to a temporary
 * directory), and starts etcd. Then it connects as the API server does, and as clients that must be
 * refused.
 *
 * What it cannot show: CI runs Debian bookworm's etcd-server, 3.4.23, not the image's 3.6.8. 3.4
 * lacks `--tls-min-version` (so peers and clients may use TLS 1.2 here; our 3.6 refuses it) and
 * the `/livez` and `/readyz` endpoints that our probes use (here the test reads `/health`, which
 * 3.6 also serves); each gap is asserted below, so a newer etcd makes the test check more, not
 * less. DNS (member names, the Services) and the kubelet are not exercised: loopback stands in.
 *
 * It skips, saying why, without etcd or openssl on the PATH; with KARMADA_TEST_REQUIRE_ETCD=1 (as
 * .ci/run sets) it fails instead.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { AddressInfo, createServer } from 'net';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import {
  EtcdCertificates, EtcdConfig, KarmadaApiServerCertificates, KarmadaCertificateAuthorities, KarmadaEtcd,
} from '../../src';
import { ETCD_CERT_DIR } from '../../src/model/layout';
import { Manifest, newChart, parseCommand } from '../helpers';
import { named, synthValid } from '../certificates/objects';
import { SecretData, describeCertificate, hasOpenssl, issueSecrets, projectVolume } from './openssl';

// ---------------------------------------------------------------------------------------------
// Is there an etcd to run?

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      execFileSync(join(dir, binary), ['--version'], { stdio: 'ignore' });
      return join(dir, binary);
    } catch {
      // not here
    }
  }
  return undefined;
}

const ETCD = onPath('etcd');
const OPENSSL = hasOpenssl();
const REQUIRED = process.env.KARMADA_TEST_REQUIRE_ETCD === '1';
const MISSING = [...(ETCD ? [] : ['etcd (Debian: apt-get install etcd-server)']), ...(OPENSSL ? [] : ['openssl'])];

/** etcd's version, as [major, minor, patch]. */
function etcdVersion(): number[] {
  const text = execFileSync(ETCD!, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return /etcd Version: (\d+)\.(\d+)\.(\d+)/.exec(text)!.slice(1).map(Number);
}
const atLeast = (version: number[], wanted: number[]) =>
  version[0] !== wanted[0] ? version[0] > wanted[0] : version[1] !== wanted[1] ? version[1] > wanted[1] : version[2] >= wanted[2];

/** The flags this etcd knows, from its --help. */
function knownFlags(): Set<string> {
  // etcd 3.4 writes its help to stderr and exits 0; read both.
  const result = spawnSync(ETCD!, ['--help'], { encoding: 'utf8' });
  const help = `${result.stdout}${result.stderr}`;
  return new Set([...help.matchAll(/^\s+--([a-z0-9-]+)/gm)].map((m) => m[1]));
}

/** The flags of ours that etcd 3.4 does not have (added in 3.5), which the test leaves out there. */
const FLAGS_NEWER_THAN_3_4 = ['tls-min-version'];

// ---------------------------------------------------------------------------------------------
// The rendered instance

const NAMESPACE = 'tenant1';
const DOMAIN = 'cluster.local';

interface Rendered {
  readonly objects: Manifest[];
  readonly etcd: KarmadaEtcd;
  readonly command: string[];
  readonly podVolume: any;
  /** The API server's side: its etcd flags and client certificate volume. */
  readonly clientFlags: Record<string, string>;
  readonly clientVolume: any;
}

function render(replicas: number): Rendered {
  const chart = newChart(NAMESPACE);
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo' });
  new KarmadaApiServerCertificates(chart, 'Certificates', { instanceName: 'karmada-demo', authorities });
  const etcd = new KarmadaEtcd(chart, 'Etcd', {
    instanceName: 'karmada-demo', replicas, certificates: EtcdCertificates.certManager({ issuer: authorities.etcdIssuer }),
  });
  const objects = synthValid(chart);
  const pod = named(objects, 'StatefulSet', 'karmada-demo-etcd').spec.template.spec;
  const wiring = EtcdConfig.fromKarmadaEtcd(etcd)._wire({
    namespace: NAMESPACE, clusterDomain: DOMAIN, defaultCertSecretName: 'unused', defaultServiceName: 'unused',
  });
  expect(wiring.inputProblems).toEqual([]);
  return {
    objects, etcd, command: pod.containers[0].command, podVolume: pod.volumes.find((v: any) => v.name === 'etcd-cert'),
    clientFlags: wiring.flags, clientVolume: wiring.volume,
  };
}

// ---------------------------------------------------------------------------------------------
// Running etcd

interface MemberPorts { readonly client: number; readonly peer: number; readonly metrics: number }

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * One member's command: the rendered one with `$(KARMADA_ETCD_NAME)` expanded (as the kubelet
 * expands it from the pod name), pod names and 0.0.0.0 turned into loopback ports, the paths into
 * the temporary directory, and the flags this etcd lacks left out. Nothing else changes.
 */
function memberCommand(rendered: Rendered, index: number, ports: MemberPorts[], pkiDir: string, dataDir: string, known: Set<string>): string[] {
  const members = ports.map((_, i) => `karmada-demo-etcd-${i}`);
  const podDomain = `karmada-demo-etcd.${NAMESPACE}.svc.${DOMAIN}`;
  const own = ports[index];
  const args = rendered.command.slice(1).filter((arg) => known.has(arg.slice(2).split('=')[0])).map((arg) => {
    let out = arg.split('$(KARMADA_ETCD_NAME)').join(members[index]);
    members.forEach((member, i) => {
      out = out.split(`${member}.${podDomain}:2379`).join(`127.0.0.1:${ports[i].client}`);
      out = out.split(`${member}.${podDomain}:2380`).join(`127.0.0.1:${ports[i].peer}`);
    });
    return out
      .replace('0.0.0.0:2379', `127.0.0.1:${own.client}`)
      .replace('0.0.0.0:2380', `127.0.0.1:${own.peer}`)
      .replace('0.0.0.0:2381', `127.0.0.1:${own.metrics}`)
      .replace('=/etc/karmada/pki/etcd/', `=${pkiDir}/`)
      .replace('=/var/lib/etcd', `=${dataDir}`);
  });
  for (const arg of args) {
    expect(arg).not.toMatch(/svc\.cluster\.local|0\.0\.0\.0|\/etc\/karmada|\/var\/lib\/etcd|\$\(/);
  }
  return args;
}

/** The environment of etcd: ours without ETCD_* variables, which etcd would read as flags. */
function etcdEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ETCD_')));
}

interface Cluster {
  readonly ports: MemberPorts[];
  readonly processes: ChildProcess[];
  readonly logs: string[];
  readonly dir: string;
  readonly dropped: string[];
}

async function startCluster(rendered: Rendered, secrets: Record<string, SecretData>, replicas: number): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'karmada-etcd-'));
  const pkiDir = join(dir, 'pki');
  projectVolume(rendered.podVolume, secrets, pkiDir);
  const ports: MemberPorts[] = [];
  for (let i = 0; i < replicas; i++) {
    ports.push({ client: await freePort(), peer: await freePort(), metrics: await freePort() });
  }
  const known = knownFlags();
  const dropped = rendered.command.slice(1).map((arg) => arg.slice(2).split('=')[0]).filter((flag) => !known.has(flag));
  const logs: string[] = ports.map(() => '');
  const processes = ports.map((_, i) => {
    // The data directory is the volume itself, as in the pod, where fsGroup leaves it group-writable
    // and setgid (etcd warns that it prefers 0700, and starts).
    const dataDir = join(dir, `data-${i}`);
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o2775);
    const child = spawn(ETCD!, memberCommand(rendered, i, ports, pkiDir, dataDir, known), {
      env: etcdEnvironment(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => { logs[i] += chunk; });
    child.stderr?.on('data', (chunk) => { logs[i] += chunk; });
    return child;
  });
  const cluster = { ports, processes, logs, dir, dropped };
  const deadline = Date.now() + 30_000;
  for (const [i, member] of ports.entries()) {
    for (;;) {
      const health = await get(`http://127.0.0.1:${member.metrics}/health`).catch(() => undefined);
      if (health?.status === 200 && JSON.parse(health.body).health === 'true') break;
      if (Date.now() > deadline || processes[i].exitCode !== null) {
        stopCluster(cluster);
        throw new Error(`etcd member ${i} did not become healthy:\n${logs[i].slice(-4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return cluster;
}

function stopCluster(cluster: Cluster | undefined): void {
  if (!cluster) return;
  for (const child of cluster.processes) {
    if (child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
  }
  rmSync(cluster.dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Clients

interface Response { readonly status: number; readonly body: string }

function collect(request: http.ClientRequest, body?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error('timed out')));
    request.end(body);
  });
}

/** A plain-HTTP GET: no TLS, no certificate. */
function get(url: string): Promise<Response> {
  return collect(http.request(url, { agent: false }));
}

/** TLS client settings: a CA to trust, and a client pair or none. */
interface Tls { readonly ca: string; readonly cert?: string; readonly key?: string; readonly servername?: string }

/** A POST of JSON over TLS to 127.0.0.1, verifying the server's certificate for `servername`. */
function post(port: number, path: string, json: unknown, tls: Tls): Promise<Response> {
  const body = JSON.stringify(json);
  return collect(https.request({
    host: '127.0.0.1', port, path, method: 'POST', agent: false, ...tls,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  }), body);
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * How etcd refuses a client in the TLS handshake: "bad certificate" (TLS 1.2, or a certificate it
 * does not accept), "certificate required" (TLS 1.3 without one). Not a refused connection or a
 * timeout: the listener is there, and says no.
 */
const REFUSED_BY_TLS = /alert (bad certificate|certificate required)/;

// ---------------------------------------------------------------------------------------------
// The tests

if (MISSING.length > 0 && REQUIRED) {
  test('a real etcd is required here (KARMADA_TEST_REQUIRE_ETCD=1)', () => {
    throw new Error(`missing on the PATH: ${MISSING.join(', ')}`);
  });
}

const describeWithEtcd = MISSING.length === 0 ? describe : describe.skip;
const reason = MISSING.length === 0 ? '' : ` (SKIPPED: missing on the PATH: ${MISSING.join(', ')})`;

describeWithEtcd(`a real etcd runs the rendered command${reason}`, () => {
  jest.setTimeout(60_000);

  describe('one member', () => {
    let rendered: Rendered;
    let secrets: Record<string, SecretData>;
    let cluster: Cluster | undefined;
    let clientTls: Tls;
    let clientPort: number;

    beforeAll(async () => {
      rendered = render(1);
      secrets = issueSecrets(rendered.objects);
      cluster = await startCluster(rendered, secrets, 1);
      // The API server's etcd client directory, as the kubelet fills it, read through its flags.
      const clientDir = join(cluster.dir, 'etcd-client');
      projectVolume(rendered.clientVolume, secrets, clientDir);
      const file = (flag: string) => readFileSync(rendered.clientFlags[flag].replace(ETCD_CERT_DIR, clientDir), 'utf8');
      const server = new URL(rendered.clientFlags['etcd-servers']);
      // The API server dials the client Service by name: the server certificate must be valid for it.
      clientTls = { ca: file('etcd-cafile'), cert: file('etcd-certfile'), key: file('etcd-keyfile'), servername: server.hostname };
      expect(server.port).toBe('2379');
      clientPort = cluster.ports[0].client;
    });
    afterAll(() => stopCluster(cluster));

    test('etcd starts with every rendered flag but those it is too old for', () => {
      const version = etcdVersion();
      expect(cluster!.dropped).toEqual(atLeast(version, [3, 5, 0]) ? [] : FLAGS_NEWER_THAN_3_4);
    });

    test('the API server\'s client, with the files its --etcd-cafile, --etcd-certfile and --etcd-keyfile name, writes and reads', async () => {
      const put = await post(clientPort, '/v3/kv/put', { key: b64('/registry/test'), value: b64('karmada') }, clientTls);
      expect(put.status).toBe(200);
      const range = await post(clientPort, '/v3/kv/range', { key: b64('/registry/test') }, clientTls);
      expect(range.status).toBe(200);
      expect(Buffer.from(JSON.parse(range.body).kvs[0].value, 'base64').toString()).toBe('karmada');
    });

    test('a client without a certificate is refused', async () => {
      const withoutCertificate: Tls = { ca: clientTls.ca, servername: clientTls.servername };
      await expect(post(clientPort, '/v3/kv/range', { key: b64('/registry/test') }, withoutCertificate)).rejects.toThrow(REFUSED_BY_TLS);
    });

    test('a client certificate of another CA (the front-proxy client\'s) is refused', async () => {
      const frontProxy = secrets['karmada-demo-front-proxy-client-cert'];
      expect(describeCertificate(frontProxy['tls.crt'])).toContain('TLS Web Client Authentication');
      await expect(post(clientPort, '/v3/kv/range', { key: b64('/registry/test') },
        { ...clientTls, cert: frontProxy['tls.crt'], key: frontProxy['tls.key'] })).rejects.toThrow(REFUSED_BY_TLS);
    });

    test('the etcd client certificate has no names, and etcd takes it from any address', () => {
      const text = describeCertificate(secrets['karmada-demo-etcd-client-cert']['tls.crt']);
      expect(text).not.toContain('Subject Alternative Name');
      expect(text).toContain('CN = karmada-etcd-client');
    });

    test('the metrics listener serves health and metrics over plain HTTP, without a certificate', async () => {
      const metrics = `http://127.0.0.1:${cluster!.ports[0].metrics}`;
      const health = await get(`${metrics}/health`);
      expect([health.status, JSON.parse(health.body).health]).toEqual([200, 'true']);
      expect((await get(`${metrics}/metrics`)).body).toMatch(/^etcd_server_has_leader 1$/m);
    });

    test('/livez and /readyz, our probes\' paths, on the metrics listener: served since etcd 3.5.11, absent from 3.4', async () => {
      const metrics = `http://127.0.0.1:${cluster!.ports[0].metrics}`;
      const statuses = [(await get(`${metrics}/livez`)).status, (await get(`${metrics}/readyz`)).status];
      expect(statuses).toEqual(atLeast(etcdVersion(), [3, 5, 11]) ? [200, 200] : [404, 404]);
    });
  });

  describe('three members, peers over TLS', () => {
    let rendered: Rendered;
    let secrets: Record<string, SecretData>;
    let cluster: Cluster | undefined;
    let clientTls: Tls;

    beforeAll(async () => {
      rendered = render(3);
      secrets = issueSecrets(rendered.objects);
      cluster = await startCluster(rendered, secrets, 3);
      const client = secrets['karmada-demo-etcd-client-cert'];
      clientTls = { ca: client['ca.crt'], cert: client['tls.crt'], key: client['tls.key'], servername: new URL(rendered.clientFlags['etcd-servers']).hostname };
    });
    afterAll(() => stopCluster(cluster));

    test('the rendered --initial-cluster names three members, each at its own https peer URL', () => {
      expect(parseCommand(rendered.command)['initial-cluster'].split(',').map((m) => m.split('=')[1].slice(0, 8))).toEqual(['https://', 'https://', 'https://']);
    });

    test('the three members form one cluster, each advertising an https peer URL', async () => {
      const list = await post(cluster!.ports[1].client, '/v3/cluster/member/list', {}, clientTls);
      const members = JSON.parse(list.body).members;
      expect(members.map((m: any) => m.name).sort()).toEqual(['karmada-demo-etcd-0', 'karmada-demo-etcd-1', 'karmada-demo-etcd-2']);
      expect(members.map((m: any) => m.peerURLs[0]).sort()).toEqual(cluster!.ports.map((p) => `https://127.0.0.1:${p.peer}`).sort());
    });

    test('a write through one member is read, linearizably, through another', async () => {
      expect((await post(cluster!.ports[0].client, '/v3/kv/put', { key: b64('/registry/three'), value: b64('members') }, clientTls)).status).toBe(200);
      const range = await post(cluster!.ports[2].client, '/v3/kv/range', { key: b64('/registry/three') }, clientTls);
      expect(Buffer.from(JSON.parse(range.body).kvs[0].value, 'base64').toString()).toBe('members');
    });

    test('the peer port takes the peer certificate, and refuses the API server\'s client certificate of the same CA', async () => {
      const peer = secrets['karmada-demo-etcd-peer-cert'];
      const peerPort = cluster!.ports[0].peer;
      const asPeer = await collect(https.request({
        host: '127.0.0.1', port: peerPort, path: '/members', agent: false, ca: peer['ca.crt'], cert: peer['tls.crt'], key: peer['tls.key'],
      }));
      expect(asPeer.status).toBe(200);
      expect(JSON.parse(asPeer.body)).toHaveLength(3);
      await expect(collect(https.request({
        host: '127.0.0.1', port: peerPort, path: '/members', agent: false, ca: peer['ca.crt'], cert: clientTls.cert, key: clientTls.key,
      }))).rejects.toThrow(REFUSED_BY_TLS);
    });
  });
});

if (MISSING.length > 0 && !REQUIRED) {
  // Jest lists nothing of a suite whose tests are all skipped: say it where it is seen.
  process.stderr.write(`\ntest/etcd/real-etcd.test.ts: SKIPPED, missing on the PATH: ${MISSING.join(', ')}. `
    + 'The rendered etcd command was not run; .ci/run installs both.\n');
  test.skip(`a real etcd: skipped, missing on the PATH: ${MISSING.join(', ')}`, () => undefined);
}
