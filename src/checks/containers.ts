import { APISERVER_CONTAINER_NAME, SECURE_PORT } from '../model/layout';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';

/**
 * Sidecars must not clash with the API server or with each other: container names are unique in a
 * pod, and all containers of a pod share one network namespace, so two cannot listen on one port.
 */
export function checkSidecarContainers(model: ApiServerModel, problems: Problems): void {
  const seenNames = new Map<string, string>([[APISERVER_CONTAINER_NAME, 'the API server container']]);
  const seenPorts = new Map<number, string>([[SECURE_PORT, 'the API server\'s secure port']]);

  for (const sidecar of model.sidecars) {
    const { container, field } = sidecar;
    const owner = seenNames.get(container.name);
    if (owner !== undefined) {
      problems.add(`${field}.name`,
        `container name "${container.name}" is already taken by ${owner}`,
        'give every sidecar a name of its own, other than "kube-apiserver"');
    } else {
      seenNames.set(container.name, `${field}`);
    }

    (container.ports ?? []).forEach((port, i) => {
      for (const [kind, value] of [['containerPort', port.containerPort], ['hostPort', port.hostPort]] as const) {
        if (value === undefined) {
          continue;
        }
        const taken = seenPorts.get(value);
        if (taken !== undefined && !(kind === 'hostPort' && value === port.containerPort)) {
          problems.add(`${field}.ports[${i}].${kind}`,
            `port ${value} is already used by ${taken}; containers of one pod share its network`,
            value === SECURE_PORT
              ? `listen on another port than ${SECURE_PORT}, which the API server serves on`
              : 'give each sidecar port a number of its own');
        } else if (kind === 'containerPort') {
          seenPorts.set(value, `${field}.ports[${i}]`);
        }
      }
    });

    if (!sidecar.options.nativeSidecar && container.restartPolicy !== undefined) {
      problems.add(`${field}.restartPolicy`,
        'restartPolicy is only allowed on init containers, and this sidecar is a regular container',
        'remove restartPolicy, or make the sidecar native with { nativeSidecar: true }');
    } else if (sidecar.options.nativeSidecar && container.restartPolicy !== undefined && container.restartPolicy !== 'Always') {
      problems.add(`${field}.restartPolicy`,
        `a native sidecar needs restartPolicy "Always", not "${container.restartPolicy}"`,
        'remove restartPolicy (it is set for you) or set it to "Always"');
    }
  }
}
