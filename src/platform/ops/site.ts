import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { DeleteObjectsCommand, ListObjectsV2Command, ListObjectsV2CommandOutput, PutObjectCommand } from '@aws-sdk/client-s3';
import type { OperationsContext } from './environment';
import { OperationError } from './errors';
import { runChecked } from './processes';
import { cacheControlOf, contentTypeOf } from '../contract/site-publishing';
import { SERVICE_OUTPUTS } from '../contract/stack-interface';

/** What a publish changed. */
export interface SitePublication {
  readonly uploaded: string[];
  readonly unchanged: number;
  readonly deleted: string[];
  /** The CloudFront invalidation, when anything changed. */
  readonly invalidationId?: string;
}

/** The bucket and distribution of the site. */
export interface SiteTarget {
  readonly bucket: string;
  readonly distributionId: string;
}

/** Objects DeleteObjects takes at once. */
const DELETE_BATCH = 1000;

/**
 * Publishes the static site: runs the configured build command, uploads the new and changed files
 * of the source directory (by MD5 against the objects' ETags) with their content type and cache
 * headers, deletes the objects whose files are gone, and invalidates the distribution. The bucket
 * and the distribution come from the service stack's outputs (the stack must be applied first),
 * unless the pipeline passes them (`target`), which spares CodeBuild Terraform and the state.
 *
 * @param root the repository root @default the current directory
 */
export async function publishSite(context: OperationsContext, root = process.cwd(), target?: SiteTarget): Promise<SitePublication | undefined> {
  const site = context.environment.staticSite;
  if (site === undefined) {
    throw new OperationError(`${context.environment.name} has no static site; set staticSite in .projenrc.ts`);
  }
  if (site.publish.buildCommand !== undefined) {
    await runChecked('sh', ['-c', site.publish.buildCommand], { cwd: root });
  }
  const directory = join(root, site.publish.sourceDirectory);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    context.output.line(`  ${site.publish.sourceDirectory}/ does not exist: the static site was not published (set staticSite.sourceDirectory)`);
    return undefined;
  }
  const { bucket, distributionId } = target ?? await siteTarget(context);
  const publication = await syncDirectory(context, directory, bucket);
  const changed = publication.uploaded.length + publication.deleted.length > 0;
  const invalidationId = changed ? await invalidate(context, distributionId) : undefined;
  context.output.line(`  ${publication.uploaded.length} uploaded, ${publication.unchanged} unchanged, ${publication.deleted.length} deleted`
    + `${invalidationId ? `; invalidation ${invalidationId}` : ''}`);
  return { ...publication, ...(invalidationId ? { invalidationId } : {}) };
}

/** The site's bucket and distribution from the service stack's outputs. */
async function siteTarget(context: OperationsContext): Promise<SiteTarget> {
  const outputs = await context.terraform.outputs(`${context.environment.name}-service`);
  const bucket = outputs[SERVICE_OUTPUTS.staticSiteBucket];
  const distributionId = outputs[SERVICE_OUTPUTS.staticSiteDistributionId];
  if (typeof bucket !== 'string' || typeof distributionId !== 'string') {
    throw new OperationError(`${context.environment.name}-service has no static site outputs: apply the service stack first`);
  }
  return { bucket, distributionId };
}

async function syncDirectory(context: OperationsContext, directory: string, bucket: string): Promise<Omit<SitePublication, 'invalidationId'>> {
  const existing = await listObjects(context, bucket);
  const files = filesOf(directory);
  const uploaded: string[] = [];
  for (const [key, path] of files) {
    const body = readFileSync(path);
    const md5 = createHash('md5').update(body).digest('hex');
    if (existing.get(key) === md5) {
      continue;
    }
    await context.aws.s3.send(new PutObjectCommand({
      Bucket: bucket, Key: key, Body: body, ContentType: contentTypeOf(key), CacheControl: cacheControlOf(key),
    }));
    uploaded.push(key);
  }
  const deleted = [...existing.keys()].filter((key) => !files.has(key)).sort();
  for (let start = 0; start < deleted.length; start += DELETE_BATCH) {
    const batch = deleted.slice(start, start + DELETE_BATCH).map((Key) => ({ Key }));
    await context.aws.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
  }
  return { uploaded, unchanged: files.size - uploaded.length, deleted };
}

/** The bucket's objects: key → ETag without quotes (the MD5 of objects uploaded in one part). */
async function listObjects(context: OperationsContext, bucket: string): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  let token: string | undefined;
  do {
    const page: ListObjectsV2CommandOutput = await context.aws.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) {
        objects.set(object.Key, (object.ETag ?? '').replace(/"/g, ''));
      }
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return objects;
}

/** Every file below `directory`: object key (`/`-separated) → path. */
function filesOf(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.isFile()) {
        files.set(relative(directory, path).split(sep).join('/'), path);
      }
    }
  };
  walk(directory);
  return files;
}

async function invalidate(context: OperationsContext, distributionId: string): Promise<string | undefined> {
  const created = await context.aws.cloudFront.send(new CreateInvalidationCommand({
    DistributionId: distributionId,
    InvalidationBatch: { CallerReference: `publish-site-${Date.now()}`, Paths: { Quantity: 1, Items: ['/*'] } },
  }));
  return created.Invalidation?.Id;
}
