import { createHash } from 'crypto';

/**
 * Joins name parts with hyphens. When the result is longer than `maxLength`, it is cut and
 * ends with a hash of the full name instead, so names stay unique and stable across runs.
 */
export function fitName(parts: string[], maxLength: number): string {
  const full = parts.join('-');
  if (full.length <= maxLength) {
    return full;
  }
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 6);
  const head = full.slice(0, maxLength - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

/**
 * A resource prefix derived from an npm package name: scope dropped, lowercased, runs of other
 * characters turned into single hyphens, cut to `maxLength`.
 */
export function prefixFromPackageName(packageName: string, maxLength: number): string {
  const unscoped = packageName.replace(/^@[^/]+\//, '');
  return unscoped
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
