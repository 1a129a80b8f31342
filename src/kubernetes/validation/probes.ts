/**
 * Probes and lifecycle handlers.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (validateProbe, validateLivenessProbe,
 * validateReadinessProbe, validateStartupProbe, validateHandler, validateHTTPGetAction,
 * validateSleepAction, ValidatePortNumOrName, validateLifecycle), with the defaults of
 * pkg/apis/core/v1/defaults.go applied first (thresholds of 0 mean the default; scheme HTTP).
 * Sleep handlers may sleep 0 seconds, as Kubernetes 1.33 allows by default. Restated, not copied.
 */
import { RULES, isHttpHeaderName, isIanaSvcName, isPortNumber } from '../grammar';
import { q } from '../../problems';
import { Report, at, item, listAt, numberAt, objectAt, textAt, JsonObject } from './report';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

/** A port given as a number (1-65535) or as the name of a container port (IANA_SVC_NAME). */
export function validatePortNumberOrName(report: Report, port: unknown, path: string): void {
  if (typeof port === 'number') {
    if (!isPortNumber(port)) {
      report.add(path, `${port} is not a port number`, 'use a port from 1 to 65535');
    }
  } else if (typeof port === 'string') {
    if (!isIanaSvcName(port)) {
      report.add(path, `${q(port)} is not a port name (${RULES.ianaSvcName})`,
        /^[0-9]+$/.test(port) ? `write the port as a number, ${port}, not a string` : 'use the name of a container port, such as "https"');
    }
  } else {
    report.add(path, 'the port is missing', 'give a port number or the name of a container port');
  }
}

function validateHandlerAction(report: Report, kind: string, action: JsonObject, path: string, gracePeriodSeconds: number): void {
  switch (kind) {
    case 'exec':
      if (listAt(action.command).length === 0) {
        report.add(at(path, 'command'), 'the exec handler has no command', 'give the command to run, such as ["/bin/check"]');
      }
      break;
    case 'httpGet': {
      validatePortNumberOrName(report, action.port, at(path, 'port'));
      const scheme = textAt(action.scheme) ?? 'HTTP';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') {
        report.add(at(path, 'scheme'), `${q(scheme)} is not a supported scheme`, 'use "HTTP" or "HTTPS" (upper case)');
      }
      listAt(action.httpHeaders).forEach((raw, i) => {
        const name = textAt(objectAt(raw)?.name) ?? '';
        if (!isHttpHeaderName(name)) {
          report.add(at(item(at(path, 'httpHeaders'), i), 'name'), `${q(name)} is not an HTTP header name (${RULES.httpHeaderName})`, 'use a header name such as "X-Probe"');
        }
      });
      break;
    }
    case 'tcpSocket':
      validatePortNumberOrName(report, action.port, at(path, 'port'));
      break;
    case 'grpc':
      if (!isPortNumber(action.port)) {
        report.add(at(path, 'port'), `${q(action.port)} is not a port number (a gRPC probe needs a number)`, 'use a port from 1 to 65535');
      }
      break;
    case 'sleep': {
      const seconds = numberAt(action.seconds);
      if (seconds === undefined || !Number.isInteger(seconds) || seconds < 0 || seconds > gracePeriodSeconds) {
        report.add(at(path, 'seconds'), `the sleep of ${q(action.seconds)} seconds is not between 0 and the pod's terminationGracePeriodSeconds (${gracePeriodSeconds})`,
          'sleep for at most terminationGracePeriodSeconds, or raise that');
      }
      break;
    }
  }
}

/** Exactly one handler, each valid. */
export function validateHandler(report: Report, handler: JsonObject, path: string, kinds: readonly string[], gracePeriodSeconds: number): void {
  const present = kinds.filter((kind) => objectAt(handler[kind]) !== undefined);
  if (present.length === 0) {
    report.add(path, `no handler is given (one of ${kinds.join(', ')})`, `give exactly one of ${kinds.join(', ')}`);
    return;
  }
  present.slice(1).forEach((kind) => report.add(at(path, kind), `only one handler may be given, and ${present[0]} already is`, `keep ${present[0]} or ${kind}, not both`));
  validateHandlerAction(report, present[0], objectAt(handler[present[0]]) ?? {}, at(path, present[0]), gracePeriodSeconds);
}

/** A probe of the given kind. */
export function validateProbe(report: Report, probe: unknown, path: string, kind: 'livenessProbe' | 'readinessProbe' | 'startupProbe', gracePeriodSeconds: number): void {
  const object = objectAt(probe);
  if (!object) {
    return;
  }
  validateHandler(report, object, path, PROBE_HANDLERS, gracePeriodSeconds);
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const value = numberAt(object[field]);
    if (value !== undefined && value < 0) {
      report.add(at(path, field), `${field} is negative (${value})`, `set ${field} to zero or more`);
    }
  }
  const successThreshold = numberAt(object.successThreshold) ?? 0;
  // 0 is defaulted to 1 before validation.
  if (kind !== 'readinessProbe' && successThreshold !== 0 && successThreshold !== 1) {
    report.add(at(path, 'successThreshold'), `a ${kind === 'livenessProbe' ? 'liveness' : 'startup'} probe's successThreshold must be 1, not ${successThreshold}`, 'remove successThreshold or set it to 1');
  }
  const grace = numberAt(object.terminationGracePeriodSeconds);
  if (grace !== undefined) {
    if (kind === 'readinessProbe') {
      report.add(at(path, 'terminationGracePeriodSeconds'), 'a readiness probe has no terminationGracePeriodSeconds', 'remove it from the readiness probe');
    } else if (grace <= 0) {
      report.add(at(path, 'terminationGracePeriodSeconds'), `terminationGracePeriodSeconds must be more than 0, not ${grace}`, 'give a positive number of seconds, or remove it');
    }
  }
}

/** postStart and preStop handlers. */
export function validateLifecycle(report: Report, lifecycle: unknown, path: string, gracePeriodSeconds: number): void {
  const object = objectAt(lifecycle);
  if (!object) {
    return;
  }
  for (const hook of ['postStart', 'preStop']) {
    const handler = objectAt(object[hook]);
    if (handler) {
      validateHandler(report, handler, at(path, hook), LIFECYCLE_HANDLERS, gracePeriodSeconds);
    }
  }
}
