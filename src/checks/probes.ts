import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { q } from './grammar';

/** The smallest value of each probe timing field, as the Kubernetes API validates them. */
const MINIMUM: Record<string, number> = {
  initialDelaySeconds: 0,
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 1,
  terminationGracePeriodSeconds: 1,
};
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** Sidecar probes: one handler each, timings in range, and the rules for liveness and startup probes. */
export function checkProbes(model: ApiServerModel, problems: Problems): void {
  for (const sidecar of model.sidecars) {
    const c = sidecar.container;
    for (const [kind, probe] of [['livenessProbe', c.livenessProbe], ['readinessProbe', c.readinessProbe], ['startupProbe', c.startupProbe]] as const) {
      if (probe !== undefined) {
        checkProbe(probe, kind, `${sidecar.field}.${kind}`, problems);
      }
    }
    for (const hook of ['postStart', 'preStop'] as const) {
      const handler = c.lifecycle?.[hook];
      const handlers = handler === undefined ? [] : (['exec', 'httpGet', 'tcpSocket'] as const).filter((h) => handler[h] !== undefined);
      if (handler !== undefined && handlers.length !== 1) {
        problems.add(`${sidecar.field}.lifecycle.${hook}`, `the hook has ${handlers.length} handlers, and takes exactly one`,
          'give one of exec, httpGet or tcpSocket');
      }
    }
  }
}

function checkProbe(probe: k8s.Probe, kind: string, field: string, problems: Problems): void {
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined);
  if (handlers.length !== 1) {
    problems.add(field, handlers.length === 0
      ? 'the probe has no handler'
      : `the probe has ${handlers.length} handlers (${handlers.join(', ')}), and takes exactly one`,
    'give one of exec, httpGet, tcpSocket or grpc');
  }
  for (const [name, min] of Object.entries(MINIMUM)) {
    const value = (probe as Record<string, unknown>)[name];
    if (value !== undefined && typeof value === 'number' && Number.isFinite(value) && (!Number.isInteger(value) || value < min)) {
      problems.add(`${field}.${name}`, `${q(value)} is out of range`, `give a whole number of ${min} or more`);
    }
  }
  if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    problems.add(`${field}.successThreshold`, `a ${kind.replace('Probe', '')} probe succeeds on its first success, so successThreshold must be 1, not ${q(probe.successThreshold)}`,
      'set it to 1 or leave it out');
  }
  if (kind === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined) {
    problems.add(`${field}.terminationGracePeriodSeconds`, 'a readiness probe never kills the container, so it takes no terminationGracePeriodSeconds',
      'remove it, or set it on the liveness or startup probe');
  }
}
