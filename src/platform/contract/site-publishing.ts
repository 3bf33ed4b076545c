/** How the deploy path publishes the static site. */
export interface SitePublishingConfig {
  /** Directory (relative to the repository root) whose files become the bucket's objects. */
  readonly sourceDirectory: string;
  /** Shell command run in the repository root before publishing, e.g. `npm run build --prefix site`. */
  readonly buildCommand?: string;
}

/** The default source directory of the static site. */
export const DEFAULT_SITE_SOURCE_DIRECTORY = 'site';

/** The pattern a site source directory matches: a relative path inside the repository. */
export const SITE_SOURCE_DIRECTORY_PATTERN = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._@+-]+(\/[A-Za-z0-9._@+-]+)*$/;

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

/** The `Content-Type` of an object by its key's extension; `application/octet-stream` when unknown. */
export function contentTypeOf(key: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  return (extension !== undefined ? CONTENT_TYPES[extension] : undefined) ?? 'application/octet-stream';
}

/** A file name carrying a content hash (`app.3f9a2b1c.js`, `index-BkQ1x9_z.css`): its content never changes. */
const FINGERPRINTED = /[.-][A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$/;

/**
 * The `Cache-Control` of an object: pages are revalidated on every visit (they name the current
 * assets), fingerprinted assets are cached for a year, anything else for an hour. CloudFront is
 * invalidated after every publish, so only browsers hold older copies.
 */
export function cacheControlOf(key: string): string {
  if (/\.html?$/i.test(key)) {
    return 'no-cache';
  }
  return FINGERPRINTED.test(key.split('/').pop() ?? key) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}
