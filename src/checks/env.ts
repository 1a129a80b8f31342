import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { q } from './grammar';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Sidecar env var names and sources. */
export function checkEnv(model: ApiServerModel, problems: Problems): void {
  for (const sidecar of model.sidecars) {
    const { container, field } = sidecar;
    (container.env ?? []).forEach((env, i) => {
      const at = `${field}.env[${i}]`;
      if (typeof env.name !== 'string' || !ENV_NAME.test(env.name)) {
        problems.add(`${at}.name`, `${q(env.name)} is not a valid environment variable name (letters, digits, "_", "-" and ".", not starting with a digit)`,
          `rename it, such as ${q(String(env.name ?? '').replace(/[^-._a-zA-Z0-9]/g, '_').replace(/^(\d)/, '_$1') || 'MY_VAR')}`);
      }
      if (env.value !== undefined && env.value !== '' && env.valueFrom !== undefined) {
        problems.add(`${at}.valueFrom`, 'both value and valueFrom are set, and a variable takes one of them',
          'remove value or valueFrom');
      }
      const sources = env.valueFrom === undefined ? [] : Object.entries(env.valueFrom).filter(([, v]) => v !== undefined).map(([k]) => k);
      if (sources.length > 1) {
        problems.add(`${at}.valueFrom`, `valueFrom names ${sources.length} sources (${sources.join(', ')}), and takes exactly one`,
          'keep one of them');
      }
    });
    (container.envFrom ?? []).forEach((source, i) => {
      if (source.prefix !== undefined && source.prefix !== '' && !ENV_NAME.test(source.prefix)) {
        problems.add(`${field}.envFrom[${i}].prefix`, `${q(source.prefix)} is not a valid environment variable prefix`,
          'use letters, digits, "_", "-" and ".", not starting with a digit');
      }
    });
  }
}
