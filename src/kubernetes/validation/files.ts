/**
 * Paths that must stay inside a root: volume sub-paths, projected file paths, local profiles.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (validateLocalDescendingPath,
 * validatePathNoBacksteps, ValidateLocalNonReservedPath). Restated, not copied.
 */
import { hasBackstep, isAbsolutePath } from '../grammar';
import { q } from '../../problems';
import { Report } from './report';

/** A path that must stay inside its root: relative, without "..". Empty passes (callers require it). */
export function validateRelativePath(report: Report, path: string, fieldPath: string): void {
  if (path === '') {
    return;
  }
  if (isAbsolutePath(path)) {
    report.add(fieldPath, `${q(path)} must be a relative path`, 'remove the leading "/"');
  }
  if (hasBackstep(path)) {
    report.add(fieldPath, `${q(path)} must not contain ".."`, 'give a path below the volume root');
  }
}

/** A file path inside a volume: relative, no ".." element, and not starting with "..". */
export function validateFilePath(report: Report, path: string, fieldPath: string): void {
  validateRelativePath(report, path, fieldPath);
  if (path.startsWith('..') && !path.startsWith('../')) {
    report.add(fieldPath, `${q(path)} must not start with ".."`, 'give a file name that does not start with ".."');
  }
}
