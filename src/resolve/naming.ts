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
