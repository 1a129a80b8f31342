import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { isQualifiedName, keyField, q } from './grammar';

/** Kubernetes' quantity grammar: a signed decimal number, then a binary or decimal SI suffix or an exponent. */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const MULTIPLIERS: Record<string, number> = {
  '': 1, 'n': 1e-9, 'u': 1e-6, 'm': 1e-3, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
  'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50, 'Ei': 2 ** 60,
};

/** Resource names without a domain prefix that Kubernetes knows. */
const STANDARD_RESOURCES = /^(cpu|memory|ephemeral-storage|storage|hugepages-.+)$/;

/** The value of a quantity as a number, or undefined when it is not a valid Kubernetes quantity. */
export function parseQuantity(quantity: k8s.Quantity | undefined): number | undefined {
  const raw: unknown = quantity?.value;
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? raw : undefined;
  }
  if (typeof raw !== 'string') {
    return undefined;
  }
  const match = QUANTITY.exec(raw);
  if (!match) {
    return undefined;
  }
  const suffix = match[2] ?? '';
  const multiplier = /^[eE][+-]?\d+$/.test(suffix) ? 10 ** Number(suffix.slice(1)) : MULTIPLIERS[suffix];
  return Number(match[1]) * multiplier;
}

/**
 * The compute resources of the API server and of every sidecar: known resource names, valid
 * non-negative quantities, and requests no larger than limits.
 */
export function checkQuantities(model: ApiServerModel, problems: Problems): void {
  checkResources(model.input.resources, 'resources', problems);
  for (const sidecar of model.sidecars) {
    checkResources(sidecar.container.resources, `${sidecar.field}.resources`, problems);
  }
}

function checkResources(resources: k8s.ResourceRequirements | undefined, field: string, problems: Problems): void {
  if (!resources) {
    return;
  }
  const parsed: Record<'requests' | 'limits', Record<string, number | undefined>> = { requests: {}, limits: {} };
  for (const kind of ['requests', 'limits'] as const) {
    for (const [name, quantity] of Object.entries(resources[kind] ?? {})) {
      const at = keyField(`${field}.${kind}`, name);
      if (!isQualifiedName(name) || (!name.includes('/') && !STANDARD_RESOURCES.test(name))) {
        problems.add(at, `${q(name)} is not a resource Kubernetes knows`,
          'use "cpu", "memory", "ephemeral-storage", "hugepages-<size>", or a domain-prefixed extended resource such as "example.com/gpu"');
        continue;
      }
      const value = parseQuantity(quantity);
      if (value === undefined) {
        problems.add(at, `${q(quantity?.value)} is not a Kubernetes quantity`,
          'write a number with an optional suffix, such as "250m" or "0.5" for CPU and "256Mi" or "1Gi" for memory, via k8s.Quantity.fromString()');
      } else if (value < 0) {
        problems.add(at, `${q(quantity?.value)} is negative`, 'give a quantity of zero or more');
      } else {
        parsed[kind][name] = value;
      }
    }
  }
  // Extended resources (domain-prefixed) cannot be overcommitted: whole numbers, request = limit.
  for (const name of new Set([...Object.keys(parsed.requests), ...Object.keys(parsed.limits)])) {
    if (!name.includes('/') || name.startsWith('kubernetes.io/') || name.includes('.kubernetes.io/')) {
      continue;
    }
    const request = parsed.requests[name];
    const limit = parsed.limits[name];
    const value = request ?? limit;
    if (value !== undefined && !Number.isInteger(value)) {
      problems.add(keyField(`${field}.${request !== undefined ? 'requests' : 'limits'}`, name),
        `the extended resource ${q(name)} is counted in whole units, not ${value}`, 'give a whole number');
    } else if (request !== undefined && (limit === undefined || limit !== request)) {
      problems.add(keyField(`${field}.limits`, name),
        limit === undefined
          ? `the extended resource ${q(name)} has a request and no limit, and cannot be overcommitted`
          : `the extended resource ${q(name)} has a request of ${request} and a limit of ${limit}; they must be equal`,
        `set limits.${name} to the request (or give the limit alone: the request defaults to it)`);
    }
    delete parsed.requests[name];
  }
  for (const [name, request] of Object.entries(parsed.requests)) {
    const limit = parsed.limits[name];
    // Compare with a tolerance: "300m" parses to 0.30000000000000004, and must not exceed 0.3.
    if (request !== undefined && limit !== undefined && request - limit > Math.abs(limit) * 1e-9) {
      problems.add(keyField(`${field}.requests`, name),
        `the request ${q(resources.requests?.[name]?.value)} is larger than the limit ${q(resources.limits?.[name]?.value)}`,
        `lower the request to at most the limit, or raise limits.${name}`);
    }
  }
}
