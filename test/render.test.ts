/**
 * src/render.ts renders the pod spec without the library's `toJson_*` at the pod, container, probe,
 * security context, mount and volume levels. These tests hold it to the library: the same field
 * tables, and the same JSON (key order included) on random input.
 */
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { KarmadaApiServer } from '../src';
import { ApiServerModel } from '../src/model';
import { RENDER_TABLES, renderContainer, renderPodSpec, renderServiceSpec, renderVolume, renderVolumeMount } from '../src/render';
import { FUZZ_VOLUMES, propSet, sidecarContainer } from './arbitraries';
import { newChart } from './util';

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
function params(defaultRuns: number): fc.Parameters<unknown> {
  return { numRuns: Number(process.env.FC_RUNS ?? defaultRuns), seed };
}

/** The library's converter of a type by its function name. */
function library(name: string): (value: unknown) => unknown {
  return (k8s as unknown as Record<string, (value: unknown) => unknown>)[name];
}

/** The fields of the library's converter, read from its source: `'jsonName': ... obj.property ...`. */
function libraryFields(name: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const line of library(name).toString().split('\n')) {
    const field = /^\s*'([^']+)': .*?\bobj\.(\w+)/.exec(line);
    if (field) {
      fields.push([field[1], field[2]]);
    }
  }
  return fields;
}

/** Same JSON, key order included. */
function expectSameJson(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toEqual(JSON.stringify(expected));
}

describe('the field tables', () => {
  test.each(Object.keys(RENDER_TABLES))('%s: every field of the library, in its order, under the same names', (name) => {
    const expected = libraryFields(name);
    expect(expected.length).toBeGreaterThan(2);
    expect(RENDER_TABLES[name].fields.map(([json, property]) => [json, property])).toEqual(expected);
  });
});

describe('the same JSON as the library', () => {
  test('random containers (every field of the 1.28 Container)', () => {
    fc.assert(fc.property(sidecarContainer(), ({ container }) => {
      expectSameJson(renderContainer(container), k8s.toJson_Container(container));
    }), params(500));
  });

  test('volumes of every kind the tests use, and undefined', () => {
    for (const volume of [...FUZZ_VOLUMES, { name: 'cfg', configMap: { name: 'x', items: [{ key: 'a', path: 'b' }] } },
      { name: 'd', downwardApi: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'e', emptyDir: { medium: 'Memory', sizeLimit: k8s.Quantity.fromString('64Mi') } }] as k8s.Volume[]) {
      expectSameJson(renderVolume(volume), k8s.toJson_Volume(volume));
    }
    expect(renderVolume(undefined)).toBeUndefined();
  });

  test('the pod spec of random API servers', () => {
    fc.assert(fc.property(propSet, (props) => {
      let apiServer: KarmadaApiServer;
      try {
        apiServer = new KarmadaApiServer(newChart(), 'ApiServer', props);
      } catch {
        return; // props the constructor refuses never render
      }
      const model = (apiServer as unknown as { model: ApiServerModel }).model;
      expectSameJson(renderPodSpec(model.podSpec), k8s.toJson_PodSpec(model.podSpec));
      expectSameJson(renderServiceSpec(model.serviceSpec), k8s.toJson_ServiceSpec(model.serviceSpec));
    }), params(500));
  });

  test('maps keep their order and lose their undefined values; quantities render as their value', () => {
    const podSpec: k8s.PodSpec = {
      containers: [],
      nodeSelector: { b: '1', a: '2', skip: undefined as unknown as string, 10: '3' },
      overhead: { memory: k8s.Quantity.fromString('1Mi'), cpu: k8s.Quantity.fromNumber(1) },
      hostIpc: false,
      setHostnameAsFqdn: true,
    };
    expectSameJson(renderPodSpec(podSpec), k8s.toJson_PodSpec(podSpec));
    expect(renderPodSpec(podSpec)).toEqual({
      containers: [], hostIPC: false, nodeSelector: { 10: '3', b: '1', a: '2' },
      overhead: { memory: '1Mi', cpu: 1 }, setHostnameAsFQDN: true,
    });
  });

  test('objects that are not plain data are read as the library reads them: getters, hidden fields, unknown fields', () => {
    class Mount {
      public readonly unknownField = 'dropped';
      get name() { return 'data'; }
      get mountPath() { return '/data'; }
    }
    const mount = new Mount() as unknown as k8s.VolumeMount;
    expectSameJson(renderVolumeMount(mount), k8s.toJson_VolumeMount(mount));
    expect(renderVolumeMount(mount)).toEqual({ mountPath: '/data', name: 'data' });

    const hidden = Object.defineProperty({ name: 'data', extra: 1 }, 'mountPath', { value: '/data', enumerable: false });
    expectSameJson(renderVolumeMount(hidden), k8s.toJson_VolumeMount(hidden as unknown as k8s.VolumeMount));
    const bare = Object.assign(Object.create(null), { readOnly: true, name: 'x', mountPath: '/x' });
    expectSameJson(renderVolumeMount(bare), k8s.toJson_VolumeMount(bare));
  });
});
