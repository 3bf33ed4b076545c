import { createHash } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { testContext } from './support';
import { publishSite } from '../../../src/platform/ops/site';
import { configOf } from '../support/configs';

const s3 = mockClient(S3Client);
const cloudFront = mockClient(CloudFrontClient);
const root = mkdtempSync(join(tmpdir(), 'publish-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const siteConfig = (staticSite: object = {}) => configOf({ environments: [{ name: 'dev', account: '111122223333' }], services: [{ name: 'orders' }], staticSite });

beforeAll(() => {
  mkdirSync(join(root, 'site', 'assets'), { recursive: true });
  writeFileSync(join(root, 'site', 'index.html'), '<h1>orders</h1>');
  writeFileSync(join(root, 'site', 'assets', 'app.3f9a2b1c.js'), 'console.log(1)');
  writeFileSync(join(root, 'site', 'robots.txt'), 'User-agent: *');
});

beforeEach(() => {
  s3.reset();
  cloudFront.reset();
  s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'old.js', ETag: '"abc"' }, { Key: 'robots.txt', ETag: '"a5b0d8e0e3c4e7f07cd4d2e06b3e2d7c"' }] });
  cloudFront.on(CreateInvalidationCommand).resolves({ Invalidation: { Id: 'I2J0I21PCUYOIK' } } as never);
});

function context(config = siteConfig()) {
  const made = testContext(config);
  made.terraform.stackOutputs = { static_site_bucket: 'orders-dev-site-20261202', static_site_distribution_id: 'E2QWRUHAPOMQZL' };
  return made;
}

test('uploads every file with its content type and cache headers', async () => {
  await publishSite(context().context, root);
  const puts = Object.fromEntries(s3.commandCalls(PutObjectCommand).map((call) => [call.args[0].input.Key, call.args[0].input]));
  expect(puts['index.html']).toEqual(expect.objectContaining({ Bucket: 'orders-dev-site-20261202', ContentType: 'text/html; charset=utf-8', CacheControl: 'no-cache' }));
  expect(puts['assets/app.3f9a2b1c.js']).toEqual(expect.objectContaining({ ContentType: 'text/javascript; charset=utf-8', CacheControl: 'public, max-age=31536000, immutable' }));
  expect(puts['robots.txt']).toEqual(expect.objectContaining({ ContentType: 'text/plain; charset=utf-8', CacheControl: 'public, max-age=3600' }));
});

test('skips files whose MD5 matches the object\'s ETag', async () => {
  const md5 = createHash('md5').update('<h1>orders</h1>').digest('hex');
  s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'index.html', ETag: `"${md5}"` }] });
  const publication = await publishSite(context().context, root);
  expect(publication?.unchanged).toBe(1);
  expect(s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key)).not.toContain('index.html');
});

test('deletes the objects whose files are gone and invalidates the distribution', async () => {
  const publication = await publishSite(context().context, root);
  expect(s3.commandCalls(DeleteObjectsCommand)[0].args[0].input).toEqual({ Bucket: 'orders-dev-site-20261202', Delete: { Objects: [{ Key: 'old.js' }], Quiet: true } });
  expect(cloudFront.commandCalls(CreateInvalidationCommand)[0].args[0].input).toEqual(expect.objectContaining({
    DistributionId: 'E2QWRUHAPOMQZL', InvalidationBatch: expect.objectContaining({ Paths: { Quantity: 1, Items: ['/*'] } }),
  }));
  expect(publication?.invalidationId).toBe('I2J0I21PCUYOIK');
});

test('runs the build command in the repository root first', async () => {
  await publishSite(context(siteConfig({ sourceDirectory: 'built', buildCommand: 'mkdir -p built && echo ok > built/index.html' })).context, root);
  expect(s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key)).toEqual(['index.html']);
});

test('a missing source directory publishes nothing and says which option to set', async () => {
  const { context: missing, output } = context(siteConfig({ sourceDirectory: 'web/dist' }));
  expect(await publishSite(missing, root)).toBeUndefined();
  expect(output.lines).toContain('  web/dist/ does not exist: the static site was not published (set staticSite.sourceDirectory)');
  expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
});
