/**
 * The bundled app's operator-mode instance (dist/tenant1-operator.k8s.yaml): a Karmada object the
 * operator's CRD accepts, whose KMS plugin the operator renders as a sidecar wired as kube-apiserver
 * needs it, from the same props as the standalone tenant1.
 */
import { join } from 'path';
import { Yaml } from 'cdk8s';
import * as schemaFile from '../../src/imports/operator.karmada.io.schema.json';
import { validateObject } from '../../src/kubernetes/validation';
import { failedCisChecks } from '../cis';
import { CrdSchemaFile, CrdValidator } from '../imports/crd-schema';
import { parseCommand } from '../helpers';
import { pssRestrictedViolations } from '../pss';
import { renderKarmadaAPIServer } from './render';
import { normalized, operatorApiServer } from './targets';

const DIST = join(__dirname, '..', '..', 'dist');
const manifests = Yaml.load(join(DIST, 'tenant1-operator.k8s.yaml'));
const karmada = manifests.find((m) => m.kind === 'Karmada');
const configMap = manifests.find((m) => m.kind === 'ConfigMap');
const rendered = renderKarmadaAPIServer(karmada);
const pod = rendered.deployment.spec.template.spec;
const [apiServer, plugin] = pod.containers;

test('dist holds one Karmada object, which the operator\'s CRD accepts, and its ConfigMap', () => {
  expect(manifests.map((m) => `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`)).toEqual([
    'Karmada tenant1-operator/tenant1',
    'ConfigMap tenant1-operator/tenant1-karmada-apiserver-config',
  ]);
  expect(new CrdValidator(schemaFile as unknown as CrdSchemaFile, 'v1alpha1').problems(karmada)).toEqual([]);
});

test('the operator renders the KMS plugin as a sidecar wired as kube-apiserver needs it', () => {
  const flags = parseCommand(apiServer.command!);
  const config = flags['encryption-provider-config'];
  // The configuration file is in the ConfigMap, mounted as a directory (never a subPath).
  const configMount = apiServer.volumeMounts!.find((m) => config.startsWith(`${m.mountPath}/`))!;
  expect(configMount.subPath).toBeUndefined();
  const configVolume = pod.volumes.find((v) => v.name === configMount.name)!;
  expect(configVolume.configMap?.name).toBe(configMap.metadata.name);
  const encryption = configMap.data[config.slice(configMount.mountPath.length + 1)];
  const endpoint = /endpoint: unix:\/\/(\S+)/.exec(encryption)![1];
  // The plugin and the API server share the socket's directory, an emptyDir the plugin may write.
  expect(plugin.name).toBe('kms-plugin');
  const socketDir = endpoint.slice(0, endpoint.lastIndexOf('/'));
  const pluginMount = plugin.volumeMounts!.find((m) => m.mountPath === socketDir)!;
  const serverMount = apiServer.volumeMounts!.find((m) => m.mountPath === socketDir)!;
  expect(pluginMount.name).toBe(serverMount.name);
  expect(pluginMount.readOnly).toBeFalsy();
  expect(pod.volumes.find((v) => v.name === pluginMount.name)!.emptyDir).toEqual({});
  expect(flags['encryption-provider-config-automatic-reload']).toBe('true');
  expect(encryption).toContain('apiVersion: v2');
  expect(encryption).not.toContain('cachesize');
});

test('the operator\'s API server passes the same automated CIS 1.2 checks as the standalone one (all but 1.2.12)', () => {
  expect(failedCisChecks(apiServer.command!)).toEqual(['1.2.12']);
});

test('the operator\'s pod breaks "restricted" only in its API server container, as documented (noPodSecurityContext)', () => {
  const violations = pssRestrictedViolations(pod);
  expect(violations.length).toBeGreaterThan(0);
  expect(violations.filter((v) => !v.startsWith('container kube-apiserver '))).toEqual([]);
});

test('Kubernetes would accept what the operator renders', () => {
  for (const object of [rendered.deployment, rendered.service]) {
    expect(validateObject(object as never)).toEqual([]);
  }
});

test('the operator renders what the standalone tenant1 in dist is, but for the documented differences', () => {
  const standalone = Yaml.load(join(DIST, 'tenant1.k8s.yaml')).map((m) => JSON.parse(JSON.stringify(m)
    .replace(/"namespace":"tenant1"/g, '"namespace":"tenant1-operator"')
    .replace(/tenant1\.svc\.cluster\.local/g, 'tenant1-operator.svc.cluster.local')));
  expect(operatorApiServer(rendered)).toStrictEqual(normalized(standalone));
});
