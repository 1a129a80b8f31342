/**
 * Compute resources of containers and pods: resource names, quantities, requests against limits,
 * extended resources and huge pages.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (validateResourceRequirements,
 * validateContainerResourceName, ValidateResourceQuantityValue, validateResourceClaimNames) and
 * the helpers they call in pkg/apis/core/helper/helpers.go (standard, native, extended and
 * huge-page resource names; which resources may be overcommitted). Restated, not copied.
 */
import { Quantity, compareQuantities, isQualifiedName, isWholeQuantity, parseQuantity, quantityCeiling, isDns1123Label, RULES } from '../grammar';
import { q } from '../../problems';
import { Report, at, entriesAt, item, listAt, objectAt, textAt } from './report';

const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const HUGE_PAGES_PREFIX = 'hugepages-';

/** Huge pages: `hugepages-<page size>`. */
export function isHugePages(name: string): boolean {
  return name.startsWith(HUGE_PAGES_PREFIX);
}

/** Native resources: unprefixed, or in a kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Extended resources: domain-prefixed outside kubernetes.io, and still a qualified name with "requests." before it (quota). */
export function isExtendedResource(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`);
}

/** Only native resources other than huge pages may be overcommitted (request below limit). */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

/** Why a resource name is not one a container may use, or undefined. */
function containerResourceNameProblem(name: string): string | undefined {
  if (!isQualifiedName(name)) {
    return `${q(name)} is not a resource name: it must be a qualified name (${RULES.qualifiedName})`;
  }
  if (!name.includes('/')) {
    return CONTAINER_RESOURCES.has(name) || isHugePages(name) ? undefined : `${q(name)} is not a resource a container can request`;
  }
  return isNative(name) || isExtendedResource(name) ? undefined : `${q(name)} is not a valid extended resource name`;
}

/** Why a resource name is not one a pod-level resources block may use, or undefined. */
function podResourceNameProblem(name: string): string | undefined {
  return name === 'cpu' || name === 'memory' || isHugePages(name) ? undefined : `${q(name)} cannot be set at pod level (only cpu, memory and huge pages)`;
}

/** The page size of a huge-pages resource, when it is a positive whole number of bytes. */
function hugePageSize(name: string): Quantity | undefined {
  const size = parseQuantity(name.slice(HUGE_PAGES_PREFIX.length));
  return size && size.numerator > 0n && isWholeQuantity(size) ? size : undefined;
}

function parseAmount(report: Report, name: string, raw: unknown, path: string): Quantity | undefined {
  const amount = parseQuantity(raw);
  if (!amount) {
    report.add(path, `${q(raw)} is not a Kubernetes quantity`, 'write a number with an optional suffix, such as "250m", "0.5", "256Mi" or "1Gi"');
    return undefined;
  }
  if (amount.numerator < 0n) {
    report.add(path, `${q(raw)} is negative`, 'give zero or more');
    return undefined;
  }
  if (isExtendedResource(name) && !isWholeQuantity(amount)) {
    report.add(path, `the extended resource ${q(name)} is counted in whole units, not ${q(raw)}`, 'give a whole number');
  }
  if (isHugePages(name)) {
    const size = hugePageSize(name);
    if (!size || quantityCeiling(amount) % quantityCeiling(size) !== 0n) {
      report.add(path, `${q(raw)} is not a whole multiple of the page size of ${q(name)}`,
        'use a resource name with a valid page size such as "hugepages-2Mi", and an amount that is a multiple of it');
    }
  }
  return amount;
}

/**
 * A resources block: names, amounts, each request at most its limit, non-overcommittable
 * resources (extended resources, huge pages) with request equal to limit, huge pages only with cpu
 * or memory, and claims that name the pod's resource claims.
 */
export function validateResourceRequirements(report: Report, resources: unknown, path: string, podClaimNames: ReadonlySet<string>, level: 'container' | 'pod' = 'container'): void {
  const block = objectAt(resources);
  if (!block) {
    return;
  }
  const nameProblem = level === 'container' ? containerResourceNameProblem : podResourceNameProblem;
  const limits = new Map<string, Quantity>();
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, raw] of entriesAt(block.limits)) {
    const entryPath = at(at(path, 'limits'), name);
    const problem = nameProblem(name);
    if (problem) {
      report.add(entryPath, problem, 'use "cpu", "memory", "ephemeral-storage", "hugepages-<size>", or a domain-prefixed extended resource such as "example.com/gpu"');
      continue;
    }
    const amount = parseAmount(report, name, raw, entryPath);
    if (amount) {
      limits.set(name, amount);
    }
    cpuOrMemory ||= name === 'cpu' || name === 'memory';
    hugePages ||= isHugePages(name);
  }
  for (const [name, raw] of entriesAt(block.requests)) {
    const entryPath = at(at(path, 'requests'), name);
    const problem = nameProblem(name);
    if (problem) {
      report.add(entryPath, problem, 'use "cpu", "memory", "ephemeral-storage", "hugepages-<size>", or a domain-prefixed extended resource such as "example.com/gpu"');
      continue;
    }
    cpuOrMemory ||= name === 'cpu' || name === 'memory';
    hugePages ||= isHugePages(name);
    const amount = parseAmount(report, name, raw, entryPath);
    const limit = limits.get(name);
    if (!amount) {
      continue;
    }
    if (limit === undefined) {
      if (!overcommitAllowed(name) && !entriesAt(block.limits).some(([n]) => n === name)) {
        report.add(at(at(path, 'limits'), name), `${q(name)} cannot be overcommitted, so a request needs a limit`, `set limits.${name} equal to the request`);
      }
    } else if (!overcommitAllowed(name) && compareQuantities(amount, limit) !== 0) {
      report.add(entryPath, `the request for ${q(name)} must equal its limit, as it cannot be overcommitted`, `set the request and limit of ${name} to the same amount`);
    } else if (compareQuantities(amount, limit) > 0) {
      report.add(entryPath, `the request ${q(raw)} for ${name} is larger than its limit`, `lower the request to at most the limit, or raise limits.${name}`);
    }
  }
  if (hugePages && !cpuOrMemory) {
    report.add(path, 'huge pages are requested without cpu or memory', 'add a cpu or memory request or limit');
  }
  validateClaimReferences(report, block.claims, at(path, 'claims'), podClaimNames);
}

function validateClaimReferences(report: Report, claims: unknown, path: string, podClaimNames: ReadonlySet<string>): void {
  const seen = new Set<string>();
  listAt(claims).forEach((raw, i) => {
    const claim = objectAt(raw) ?? {};
    const name = textAt(claim.name) ?? '';
    const request = textAt(claim.request) ?? '';
    const claimPath = item(path, i);
    if (name === '') {
      report.add(at(claimPath, 'name'), 'the resource claim has no name', 'name one of the pod\'s spec.resourceClaims');
      return;
    }
    if (request !== '' && !isDns1123Label(request)) {
      report.add(at(claimPath, 'request'), `${q(request)} is not a valid request name (${RULES.dns1123Label})`, 'use the name of a request in the claim');
    }
    const key = request === '' ? name : `${name}/${request}`;
    if (seen.has(key) || seen.has(name) || (request === '' && [...seen].some((s) => s.startsWith(`${name}/`)))) {
      report.add(claimPath, `the resource claim ${q(key)} is listed twice`, 'list each claim (or claim request) once');
    }
    seen.add(key);
    if (!podClaimNames.has(name)) {
      report.add(at(claimPath, 'name'), `${q(name)} is not one of the pod's resource claims`, 'add it to spec.resourceClaims, or fix the name');
    }
  });
}
