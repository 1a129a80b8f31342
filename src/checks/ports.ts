import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { isPortName, q } from './grammar';

const PORT_NAME_RULE = 'at most 15 lowercase letters, digits and "-", with at least one letter, no "--", not starting or ending with "-"';

function isPortNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * The ports of every sidecar: numbers in 1..65535, valid and unique names; and the
 * ports its probes and lifecycle hooks point at.
 */
export function checkPorts(model: ApiServerModel, problems: Problems): void {
  const hostPorts = new Map<string, string>();
  for (const sidecar of model.sidecars) {
    (sidecar.container.ports ?? []).forEach((port, i) => {
      if (port.hostPort === undefined || port.hostPort === 0) {
        return;
      }
      const key = `${port.hostPort}/${port.protocol ?? 'TCP'}`;
      const first = hostPorts.get(key);
      if (first !== undefined) {
        problems.add(`${sidecar.field}.ports[${i}].hostPort`, `host port ${key} is already taken by ${first}, and a pod binds a host port once`,
          'give each host port to one container only, or leave hostPort out (a Service reaches the pod without it)');
      } else {
        hostPorts.set(key, `${sidecar.field}.ports[${i}]`);
      }
    });
  }
  for (const sidecar of model.sidecars) {
    const { container, field } = sidecar;
    const names = new Map<string, number>();
    (container.ports ?? []).forEach((port, i) => {
      const at = `${field}.ports[${i}]`;
      if (!isPortNumber(port.containerPort)) {
        problems.add(`${at}.containerPort`, `${q(port.containerPort)} is not a port number`, 'give a whole number from 1 to 65535');
      }
      // hostPort 0 is how Kubernetes itself writes "no host port"
      if (port.hostPort !== undefined && port.hostPort !== 0 && !isPortNumber(port.hostPort)) {
        problems.add(`${at}.hostPort`, `${q(port.hostPort)} is not a port number`, 'give a whole number from 1 to 65535, or 0 or nothing for no host port');
      }
      if (port.name !== undefined) {
        if (!isPortName(port.name)) {
          problems.add(`${at}.name`, `${q(port.name)} is not a valid port name (${PORT_NAME_RULE})`, 'rename the port, such as "metrics"');
        }
        const first = names.get(port.name);
        if (first !== undefined) {
          problems.add(`${at}.name`, `the port name ${q(port.name)} is already used by ports[${first}] of this container`,
            'give each port of a container a name of its own');
        } else {
          names.set(port.name, i);
        }
      }
    });

    const probes: Array<[string, k8s.Probe | k8s.LifecycleHandler | undefined]> = [
      ['livenessProbe', container.livenessProbe],
      ['readinessProbe', container.readinessProbe],
      ['startupProbe', container.startupProbe],
      ['lifecycle.postStart', container.lifecycle?.postStart],
      ['lifecycle.preStop', container.lifecycle?.preStop],
    ];
    for (const [name, handler] of probes) {
      for (const kind of ['httpGet', 'tcpSocket'] as const) {
        const port = handler?.[kind]?.port;
        if (port !== undefined) {
          checkHandlerPort(port, `${field}.${name}.${kind}.port`, names, problems);
        }
      }
    }
  }
}

function checkHandlerPort(port: k8s.IntOrString, field: string, names: Map<string, number>, problems: Problems): void {
  const value: unknown = port.value;
  if (typeof value === 'number') {
    if (!isPortNumber(value)) {
      problems.add(field, `${q(value)} is not a port number`, 'give a whole number from 1 to 65535, or the name of a port of the container');
    }
  } else if (!isPortName(value)) {
    problems.add(field, `${q(value)} is neither a port number nor a valid port name (${PORT_NAME_RULE})`,
      'give k8s.IntOrString.fromNumber(<port>) or the name of a port of the container');
  } else if (!names.has(value as string)) {
    problems.add(field, `no port of the container is named ${q(value)}`,
      names.size > 0
        ? `name one of the container's ports ${q(value)}, or use one of its port names (${[...names.keys()].join(', ')})`
        : `name one of the container's ports ${q(value)}, or give the port number (the container names no ports)`);
  }
}
