/**
 * Every reference accounted for: each Secret, ConfigMap, ServiceAccount, claim and Service that the
 * rendered pods name, and the object of the app that makes it (cert-manager makes a Certificate's
 * Secret; the StatefulSet controller makes a claim from its template; Kubernetes makes the
 * `default` ServiceAccount of every namespace). And how certificates reach running pods: whole
 * volumes, never subPath, so that renewals arrive.
 */
import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  EtcdCertificates, EtcdConfig, KarmadaApiServer, KarmadaApiServerCertificates, KarmadaCertificateAuthorities, KarmadaEtcd,
} from '../../src';
import { Manifest, newChart } from '../helpers';
import { ofKind, synthValid } from './objects';

/** The whole instance: CAs, the API server's certificates, an etcd of three members, the API server. */
function instance(): { chart: Chart; certificates: KarmadaApiServerCertificates } {
  const chart = newChart('tenant1');
  const authorities = new KarmadaCertificateAuthorities(chart, 'Authorities', { instanceName: 'karmada-demo' });
  const certificates = new KarmadaApiServerCertificates(chart, 'Certificates', { instanceName: 'karmada-demo', authorities });
  const etcd = new KarmadaEtcd(chart, 'Etcd', {
    instanceName: 'karmada-demo', replicas: 3, certificates: EtcdCertificates.certManager({ issuer: authorities.etcdIssuer }),
  });
  new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'karmada-demo', replicas: 2, etcd: EtcdConfig.fromKarmadaEtcd(etcd) });
  return { chart, certificates };
}

/** Every object a pod template names, as `<Kind> <name>`, with the pod it is named by. */
function references(workload: Manifest): string[] {
  const pod = workload.spec.template.spec;
  const found: string[] = [];
  for (const volume of pod.volumes ?? []) {
    if (volume.secret) found.push(`Secret ${volume.secret.secretName}`);
    if (volume.configMap) found.push(`ConfigMap ${volume.configMap.name}`);
    if (volume.persistentVolumeClaim) found.push(`PersistentVolumeClaim ${volume.persistentVolumeClaim.claimName}`);
    for (const source of volume.projected?.sources ?? []) {
      if (source.secret) found.push(`Secret ${source.secret.name}`);
      if (source.configMap) found.push(`ConfigMap ${source.configMap.name}`);
    }
  }
  for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
    for (const env of container.env ?? []) {
      if (env.valueFrom?.secretKeyRef) found.push(`Secret ${env.valueFrom.secretKeyRef.name}`);
      if (env.valueFrom?.configMapKeyRef) found.push(`ConfigMap ${env.valueFrom.configMapKeyRef.name}`);
    }
    for (const from of container.envFrom ?? []) {
      if (from.secretRef) found.push(`Secret ${from.secretRef.name}`);
      if (from.configMapRef) found.push(`ConfigMap ${from.configMapRef.name}`);
    }
    // Services named by URL in the command: the etcd the API server dials.
    for (const arg of container.command ?? []) {
      for (const match of arg.matchAll(/https:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.[a-z.]+:\d+/g)) {
        found.push(`Service ${match[1]}`);
      }
    }
  }
  found.push(`ServiceAccount ${pod.serviceAccountName ?? 'default'}`);
  if (workload.kind === 'StatefulSet') {
    found.push(`Service ${workload.spec.serviceName}`);
    for (const claim of workload.spec.volumeClaimTemplates ?? []) {
      // The controller names each member's claim <template>-<pod>.
      for (let i = 0; i < workload.spec.replicas; i++) found.push(`PersistentVolumeClaim ${claim.metadata.name}-${workload.metadata.name}-${i}`);
    }
  }
  return [...new Set(found)];
}

/** Who makes each reference: an object of the app, or who else. */
function makerOf(reference: string, objects: Manifest[]): string {
  const [kind, name] = reference.split(' ');
  const same = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (same) return `${kind} in the app`;
  if (kind === 'Secret') {
    const certificate = objects.find((o) => o.kind === 'Certificate' && o.spec.secretName === name);
    if (certificate) return `cert-manager, for Certificate ${certificate.metadata.name}`;
  }
  if (kind === 'PersistentVolumeClaim') {
    const owner = ofKind(objects, 'StatefulSet').find((s) => (s.spec.volumeClaimTemplates ?? []).some((c: any) => name.startsWith(`${c.metadata.name}-${s.metadata.name}-`)));
    if (owner) return `the StatefulSet controller, from StatefulSet ${owner.metadata.name}`;
  }
  if (reference === 'ServiceAccount default') return 'Kubernetes (every namespace has one)';
  return 'NOTHING IN THE APP';
}

function table(objects: Manifest[]): Record<string, Record<string, string>> {
  return Object.fromEntries(['Deployment', 'StatefulSet'].flatMap((kind) => ofKind(objects, kind)).map((workload) =>
    [`${workload.kind} ${workload.metadata.name}`, Object.fromEntries(references(workload).map((r) => [r, makerOf(r, objects)]))]));
}

const ETCD_REFERENCES = {
  'Secret karmada-demo-etcd-server-cert': 'cert-manager, for Certificate karmada-demo-etcd-server-cert',
  'Secret karmada-demo-etcd-peer-cert': 'cert-manager, for Certificate karmada-demo-etcd-peer-cert',
  'ServiceAccount default': 'Kubernetes (every namespace has one)',
  'Service karmada-demo-etcd': 'Service in the app',
  'PersistentVolumeClaim etcd-data-karmada-demo-etcd-0': 'the StatefulSet controller, from StatefulSet karmada-demo-etcd',
  'PersistentVolumeClaim etcd-data-karmada-demo-etcd-1': 'the StatefulSet controller, from StatefulSet karmada-demo-etcd',
  'PersistentVolumeClaim etcd-data-karmada-demo-etcd-2': 'the StatefulSet controller, from StatefulSet karmada-demo-etcd',
};

test('today: everything but the API server\'s certificate Secret, which KarmadaApiServer still names the operator\'s way', () => {
  expect(table(synthValid(instance().chart))).toEqual({
    'Deployment karmada-demo-apiserver': {
      'ConfigMap karmada-demo-apiserver-config': 'ConfigMap in the app',
      'Secret karmada-demo-cert': 'NOTHING IN THE APP',
      'Secret karmada-demo-etcd-client-cert': 'cert-manager, for Certificate karmada-demo-etcd-client-cert',
      'Service karmada-demo-etcd-client': 'Service in the app',
      'ServiceAccount default': 'Kubernetes (every namespace has one)',
    },
    'StatefulSet karmada-demo-etcd': ETCD_REFERENCES,
  });
});

test('once the API server mounts KarmadaApiServerCertificates.volume (the change asked of src/apiserver), the app makes everything', () => {
  const { chart, certificates } = instance();
  const objects = synthValid(chart);
  // A simulation of that change on the rendered Deployment: its certificate volume replaced.
  const deployment = ofKind(objects, 'Deployment')[0];
  const volumes = deployment.spec.template.spec.volumes;
  volumes[volumes.findIndex((v: any) => v.name === certificates.volume.name)] = k8s.toJson_Volume(certificates.volume);
  expect(table(objects)).toEqual({
    'Deployment karmada-demo-apiserver': {
      'ConfigMap karmada-demo-apiserver-config': 'ConfigMap in the app',
      'Secret karmada-demo-apiserver-cert': 'cert-manager, for Certificate karmada-demo-apiserver-cert',
      'Secret karmada-demo-front-proxy-client-cert': 'cert-manager, for Certificate karmada-demo-front-proxy-client-cert',
      'Secret karmada-demo-service-account-key': 'cert-manager, for Certificate karmada-demo-service-account-key',
      'Secret karmada-demo-etcd-client-cert': 'cert-manager, for Certificate karmada-demo-etcd-client-cert',
      'Service karmada-demo-etcd-client': 'Service in the app',
      'ServiceAccount default': 'Kubernetes (every namespace has one)',
    },
    'StatefulSet karmada-demo-etcd': ETCD_REFERENCES,
  });
});

test('every Issuer a Certificate names is made in the app, in the Certificate\'s namespace', () => {
  const objects = synthValid(instance().chart);
  for (const certificate of ofKind(objects, 'Certificate')) {
    const ref = certificate.spec.issuerRef;
    expect(ofKind(objects, ref.kind).filter((i) => i.metadata.name === ref.name && i.metadata.namespace === certificate.metadata.namespace)).toHaveLength(1);
  }
  // Each CA Issuer signs with the Secret of a CA Certificate of the app.
  for (const issuer of ofKind(objects, 'Issuer').filter((i) => i.spec.ca)) {
    expect(ofKind(objects, 'Certificate').filter((c) => c.spec.secretName === issuer.spec.ca.secretName && c.spec.isCA)).toHaveLength(1);
  }
});

describe('rotation: renewed Secrets reach the running pods', () => {
  const objects = synthValid(instance().chart);

  test('every certificate volume is a Secret or a projection of Secrets, mounted whole (no subPath) and read-only', () => {
    for (const workload of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'StatefulSet')]) {
      const pod = workload.spec.template.spec;
      const certificateVolumes = pod.volumes.filter((v: any) => v.secret || v.projected);
      expect(certificateVolumes.length).toBeGreaterThan(0);
      for (const volume of certificateVolumes) {
        const mounts = pod.containers.flatMap((c: any) => c.volumeMounts ?? []).filter((m: any) => m.name === volume.name);
        expect(mounts.length).toBeGreaterThan(0);
        for (const mount of mounts) {
          expect(mount.subPath).toBeUndefined();
          expect(mount.subPathExpr).toBeUndefined();
          expect(mount.readOnly).toBe(true);
        }
      }
    }
  });

  test('leaves get a new key at every renewal; CAs and the service-account key keep theirs', () => {
    const policy = Object.fromEntries(ofKind(objects, 'Certificate').map((c) => [c.metadata.name, c.spec.privateKey.rotationPolicy]));
    expect(policy).toEqual({
      'karmada-demo-ca': 'Never',
      'karmada-demo-front-proxy-ca': 'Never',
      'karmada-demo-etcd-ca': 'Never',
      'karmada-demo-apiserver-cert': 'Always',
      'karmada-demo-front-proxy-client-cert': 'Always',
      'karmada-demo-service-account-key': 'Never',
      'karmada-demo-etcd-server-cert': 'Always',
      'karmada-demo-etcd-peer-cert': 'Always',
      'karmada-demo-etcd-client-cert': 'Always',
    });
  });

  test('each certificate is renewed well before it ends, and no leaf outlives its CA', () => {
    const hours = (d: string) => Number(/^(\d+)h$/.exec(d)![1]);
    for (const certificate of ofKind(objects, 'Certificate')) {
      expect(hours(certificate.spec.renewBefore)).toBeLessThan(hours(certificate.spec.duration) / 2);
      expect(hours(certificate.spec.duration)).toBeLessThanOrEqual(87600);
    }
  });
});
