import { validateManifest, validateManifests } from './schema';
import { synthApiServer } from './helpers';

test('the default API server validates against the Kubernetes schemas', () => {
  expect(() => validateManifests(synthApiServer({ instanceName: 'tenant1' }))).not.toThrow();
});

test('the schema check rejects a wrong type', () => {
  expect(() => validateManifest({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } } as any))
    .toThrow(/Deployment x/);
});
