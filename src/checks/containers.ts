import type { k8s } from 'cdk8s-plus-28';
import { APISERVER_CONTAINER_NAME, SECURE_PORT } from '../model/layout';
import type { ApiServerModel } from '../model/types';
import { Problems, q } from '../problems';

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

/**
 * A probe or hook that names a port must name a port of its container: Kubernetes accepts any
 * valid name, and the kubelet then fails the probe, forever, at run time.
 */
export function checkProbePorts(model: ApiServerModel, problems: Problems): void {
  for (const { container, field } of model.sidecars) {
    const names = (container.ports ?? []).map((port) => port.name).filter((name): name is string => name !== undefined);
    const handlers: Array<[string, k8s.Probe | k8s.LifecycleHandler | undefined]> = [
      ['livenessProbe', container.livenessProbe],
      ['readinessProbe', container.readinessProbe],
      ['startupProbe', container.startupProbe],
      ['lifecycle.postStart', container.lifecycle?.postStart],
      ['lifecycle.preStop', container.lifecycle?.preStop],
    ];
    for (const [name, handler] of handlers) {
      for (const kind of ['httpGet', 'tcpSocket'] as const) {
        const port: unknown = handler?.[kind]?.port?.value;
        if (typeof port === 'string' && !/^\d+$/.test(port) && !names.includes(port)) {
          problems.add(`${field}.${name}.${kind}.port`, `no port of the container is named ${q(port)}, so the kubelet cannot run the ${name.replace('lifecycle.', '')} handler`,
            names.length > 0
              ? `name one of the container's ports ${q(port)}, or use one of its port names (${names.join(', ')})`
              : `name one of the container's ports ${q(port)}, or give the port number (the container names no ports)`);
        }
      }
    }
  }
}

/**
 * Mount paths are absolute: the API server accepts a relative one, and container runtimes then
 * refuse to start the container or mount it somewhere unexpected.
 */
export function checkMountPaths(model: ApiServerModel, problems: Problems): void {
  const mounts = [
    ...model.input.extraVolumeMounts.map((mount, i) => ({ mount, field: `extraVolumeMounts[${i}]` })),
    ...model.sidecars.flatMap(({ container, field }) => (container.volumeMounts ?? []).map((mount, i) => ({ mount, field: `${field}.volumeMounts[${i}]` }))),
  ];
  for (const { mount, field } of mounts) {
    if (mount.mountPath !== '' && !mount.mountPath.startsWith('/')) {
      problems.add(`${field}.mountPath`, `${q(mount.mountPath)} is a relative path`, `give an absolute path: ${q(`/${mount.mountPath}`)}`);
    }
  }
}
