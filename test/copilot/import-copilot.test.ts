import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fixtureDir, importHello, importShop, plainOptions } from './support';
import { importCopilot } from '../../src/copilot/application';
import { ProjectDraft } from '../../src/copilot/draft';
import { mapEnvironment } from '../../src/copilot/environment';
import { parseImportArguments, problemsOf, runImportCopilot } from '../../src/copilot/import-command';
import { Manifest, unmappedLine } from '../../src/copilot/manifest';
import { migrationGuide } from '../../src/copilot/migration-guide';
import { copilotSchedule } from '../../src/copilot/schedule';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

const shop = importShop();
const OWN_BUILD = 'is the workload\'s own image; workers and jobs run the image of a service built here (`imageOf`, default the first) with their `command`, or a published `image`: build this Dockerfile into that image or publish it';
const hello = importHello();

describe('import-copilot', () => {
  test('reports every field it cannot map, one line each with the file and the field path', () => {
    expect(shop.unmapped.map(unmappedLine)).toEqual([
      'copilot/environments/test/manifest.yml: network.vpc.flow_logs.retention: 14 has no equivalent option; flow logs keep cluster.logRetentionDays',
      'copilot/environments/prod/manifest.yml: http.public.ingress.cdn: true has no equivalent option',
      'copilot/environments/prod/manifest.yml: cdn: true has no equivalent option',
      'copilot/api/manifest.yml: http.healthcheck.healthy_threshold: 3 has no equivalent option',
      'copilot/api/manifest.yml: http.stickiness: true has no equivalent option',
      'copilot/api/manifest.yml: count.response_time: "2s" has no equivalent option',
      'copilot/api/manifest.yml: secrets.GITHUB_TOKEN: "GITHUB_TOKEN" is an SSM parameter name without "/"; write its ARN',
      'copilot/api/manifest.yml: storage.volumes.cache.path: "/var/cache" has no equivalent option',
      'copilot/api/manifest.yml: storage.volumes.cache.efs: true has no equivalent option',
      'copilot/api/manifest.yml: observability.tracing: "awsxray" has no equivalent option',
      `copilot/mailer/manifest.yml: image.build: "mailer/Dockerfile" ${OWN_BUILD}`,
      'copilot/orders/manifest.yml: entrypoint: ["/bin/sh","-c"] has no equivalent option',
      `copilot/report/manifest.yml: image.build: "report/Dockerfile" ${OWN_BUILD}`,
      'copilot/www/manifest.yml: files: [{"source":"www/dist","recursive":true}] is uploaded with `aws s3 sync` to the static_site_bucket output after a deploy (see MIGRATION.md)',
      'copilot/environments/addons/db.yml: Resources.shopdbDBSubnetGroup.Type: "AWS::RDS::DBSubnetGroup" is part of an addon (AWS::RDS::DBSubnetGroup) and is not migrated',
      'copilot/environments/addons/db.yml: Resources.shopdbDBCluster.Type: "AWS::RDS::DBCluster" is a stateful AWS::RDS::DBCluster with no target option yet; it is kept, not migrated (see MIGRATION.md)',
      'copilot/api/addons/carts.yml: Resources.carts.Type: "AWS::DynamoDB::Table" is adopted as data.tables "carts": each environment imports it by name and keeps its data (see MIGRATION.md)',
      'copilot/api/addons/carts.yml: Resources.cartsAccessPolicy.Type: "AWS::IAM::ManagedPolicy" is part of an addon (AWS::IAM::ManagedPolicy) and is not migrated; `attachTo` grants the attached workloads access instead',
      'copilot/api/addons/images.yml: Resources.imagesBucket.Type: "AWS::S3::Bucket" is created anew as data.buckets "images-bucket", empty, unless you adopt it by the name CloudFormation gave it (see MIGRATION.md)',
      'copilot/api/addons/images.yml: Resources.imagesBucketPolicy.Type: "AWS::S3::BucketPolicy" is part of an addon (AWS::S3::BucketPolicy) and is not migrated; the created bucket has the platform\'s policy (TLS only)',
      'copilot/pipelines/release/manifest.yml: name: "release" is part of a Copilot pipeline; delivery is the `deployment` option (GitHub Actions or CodePipeline)',
      'copilot/pipelines/release/manifest.yml: version: 1 is part of a Copilot pipeline; delivery is the `deployment` option (GitHub Actions or CodePipeline)',
      'copilot/pipelines/release/manifest.yml: source: {"provider":"GitHub","properties":{"branch":"main","repository":"https://github.com/example/shop"}} is part of a Copilot pipeline; delivery is the `deployment` option (GitHub Actions or CodePipeline)',
      'copilot/pipelines/release/manifest.yml: stages: [{"name":"test"},{"name":"prod","requires_approval":true}] is part of a Copilot pipeline; delivery is the `deployment` option (GitHub Actions or CodePipeline)',
    ]);
  });

  test('the imported options resolve without problems', () => {
    expect(problemsOf(shop)).toEqual([]);
    expect(problemsOf(hello)).toEqual([]);
  });

  test('environments follow the pipeline\'s stages, take their accounts, certificates and VPC ranges, and prod gets the production preset', () => {
    const config = resolvePlatformConfig(plainOptions(shop));
    expect(config.environments.map((env) => [env.name, env.accountId, env.preset, env.network.cidr, env.loadBalancer.certificateArn?.split(':')[4]])).toEqual([
      ['test', '111111111111', 'development', '10.0.0.0/16', '111111111111'],
      ['prod', '222222222222', 'production', '10.1.0.0/16', '222222222222'],
    ]);
  });

  test('services keep their size, port, autoscaling, health checks, variables, secrets and sidecars', () => {
    const [api, orders] = resolvePlatformConfig(plainOptions(shop)).environments[0].services;
    expect(api).toEqual(expect.objectContaining({
      name: 'api',
      containerPort: 8080,
      cpu: 512,
      memoryMiB: 1024,
      healthCheckPath: '/health',
      healthCheckSuccessCodes: '200',
      healthCheckGracePeriodSeconds: 90,
      deregistrationDelaySeconds: 20,
      readonlyRootFilesystem: true,
    }));
    expect(api.autoscaling).toEqual(expect.objectContaining({
      minCapacity: 2,
      maxCapacity: 10,
      targetCpuUtilization: 70,
      targetMemoryUtilization: 80,
      targetRequestsPerTask: 100,
    }));
    expect(api.secrets.map((secret) => secret.name).sort()).toEqual(['DB_PASSWORD', 'STRIPE_KEY']);
    expect(api.sidecars.map((sidecar) => [sidecar.name, sidecar.containerPort])).toEqual([['datadog', 8126]]);
    expect([orders.ingress, orders.serviceConnect]).toEqual([undefined, true]);
    expect(orders.healthCheck).toEqual({ command: ['CMD-SHELL', 'wget -q -O- http://localhost:9090/health || exit 1'], intervalSeconds: 10, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 30 });
  });

  test('a Worker Service becomes a worker: its topic subscriptions, queue delay, dead-letter tries and task', () => {
    const options = plainOptions(shop);
    expect(options.services.find((service: any) => service.name === 'orders').publishes).toEqual(['orders-topic']);
    expect(options.workers).toEqual([{
      name: 'mailer',
      cpu: 256,
      memoryMiB: 512,
      minCapacity: 2,
      maxCapacity: 4,
      acceptableLatencySeconds: 60,
      processingTimeSeconds: 1,
      subscribes: [{ topic: 'orders-topic', filterPolicy: { event: ['placed'] } }],
      maxReceiveCount: 5,
    }]);
    const [mailer] = resolvePlatformConfig(options).environments[0].workloads!.workers;
    expect(mailer.subscriptions.map((subscription) => subscription.topic)).toEqual(['orders-topic']);
  });

  test('a Scheduled Job becomes a job: its schedule as an AWS expression, timeout and retries', () => {
    expect(plainOptions(shop).jobs).toEqual([{ name: 'report', cpu: 256, memoryMiB: 512, schedule: 'cron(0 0 * * ? *)', timeoutSeconds: 3600, retryAttempts: 3 }]);
    expect(['@every 30m', '@every 1h', '*/15 * * * *', '0 9 * * MON-FRI', 'rate(5 minutes)', '0 9 * * 1', 'none'].map(copilotSchedule)).toEqual([
      'rate(30 minutes)', 'rate(1 hour)', 'cron(*/15 * * * ? *)', 'cron(0 9 ? * MON-FRI *)', 'rate(5 minutes)', undefined, undefined,
    ]);
  });

  test('a DynamoDB table and an S3 bucket of a service\'s addons become data attached to the service', () => {
    expect(plainOptions(shop).data).toEqual({
      buckets: [{ name: 'images-bucket', attachTo: ['api'] }],
      tables: [{ name: 'carts', partitionKey: { name: 'id', type: 'S' }, attachTo: ['api'] }],
    });
    const config = resolvePlatformConfig(plainOptions(shop));
    expect(config.environments.map((env) => env.data?.tables.map((table) => [table.name, table.tableName, table.adopted]))).toEqual([
      [['carts', 'shop-test-api-carts', true]],
      [['carts', 'shop-prod-api-carts', true]],
    ]);
  });

  test('an environment importing its VPC deploys into it; one with its own ranges keeps them', () => {
    const manifest = new Manifest('copilot/environments/staging/manifest.yml', {
      name: 'staging',
      type: 'Environment',
      network: { vpc: { id: 'vpc-0123456789abcdef0', subnets: { public: [{ id: 'subnet-0a' }, { id: 'subnet-0b' }], private: [{ id: 'subnet-0c' }, { id: 'subnet-0d' }] } } },
    });
    expect(mapEnvironment(manifest, 'staging', new ProjectDraft('shop'))).toEqual({
      name: 'staging',
      existingVpc: { vpcId: 'vpc-0123456789abcdef0', publicSubnetIds: ['subnet-0a', 'subnet-0b'], privateSubnetIds: ['subnet-0c', 'subnet-0d'] },
    });
    expect(manifest.unmapped()).toEqual([]);
    expect(resolvePlatformConfig(plainOptions(shop)).environments[1].network).toEqual(expect.objectContaining({
      cidr: '10.1.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'], publicSubnetCidrs: ['10.1.0.0/24', '10.1.1.0/24'], privateSubnetCidrs: ['10.1.2.0/24', '10.1.3.0/24'],
    }));
  });

  test('the ECR repositories are adopted once per account, the log group when there is one service, addon tables in every environment', () => {
    expect(shop.adoptions.map((a) => `${a.environment} ${a.kind} ${a.id}${a.dataResource ? ` as ${a.dataResource}` : ''}`)).toEqual([
      'test ecr-repository shop/api', 'test ecr-repository shop/orders', 'test dynamodb-table shop-test-api-carts as carts',
      'prod ecr-repository shop/api', 'prod ecr-repository shop/orders', 'prod dynamodb-table shop-prod-api-carts as carts',
    ]);
    expect(hello.adoptions.map((a) => `${a.environment} ${a.kind} ${a.id}`)).toEqual([
      'dev ecr-repository hello/web', 'dev log-group /copilot/hello-dev-web', 'dev dynamodb-table hello-dev-web-visits',
    ]);
  });

  test('per-environment service settings become serviceOverrides', () => {
    expect(plainOptions(hello).environments[0].serviceOverrides).toEqual({ web: { minCapacity: 1, maxCapacity: 3, targetCpuUtilization: 60 } });
    expect(hello.unmapped.map(unmappedLine)).toEqual([
      'copilot/web/addons/images.yml: Resources.imagesBucket.Type: "AWS::S3::Bucket" is created anew as data.buckets "images-bucket", empty, unless you adopt it by the name CloudFormation gave it (see MIGRATION.md)',
      'copilot/web/addons/images.yml: Resources.imagesBucketPolicy.Type: "AWS::S3::BucketPolicy" is part of an addon (AWS::S3::BucketPolicy) and is not migrated; the created bucket has the platform\'s policy (TLS only)',
      'copilot/web/addons/visits.yml: Resources.visits.Type: "AWS::DynamoDB::Table" is adopted as data.tables "visits": each environment imports it by name and keeps its data (see MIGRATION.md)',
      'copilot/web/addons/visits.yml: Resources.visitsAccessPolicy.Type: "AWS::IAM::ManagedPolicy" is part of an addon (AWS::IAM::ManagedPolicy) and is not migrated; `attachTo` grants the attached workloads access instead',
    ]);
    const prod = resolvePlatformConfig(plainOptions(shop)).environments[1].services[0];
    expect([prod.autoscaling.minCapacity, prod.autoscaling.maxCapacity]).toEqual([3, 20]);
  });

  test('secrets named with Copilot placeholders are resolved for each environment', () => {
    const config = resolvePlatformConfig(plainOptions(shop));
    expect(config.environments.map((env) => env.services[0].secrets.find((secret) => secret.name === 'DB_PASSWORD')?.valueFrom)).toEqual([
      '/copilot/shop/test/secrets/db-password',
      '/copilot/shop/prod/secrets/db-password',
    ]);
  });

  test('MIGRATION.md names the stacks to retire and the addons\' stateful resources, flagging those not retained', () => {
    const guide = migrationGuide(shop);
    expect(guide).toContain('| `copilot/environments/addons/db.yml` | `shopdbDBCluster` | AWS::RDS::DBCluster | **no: add it** | none: kept in use |');
    expect(guide).toContain('| `copilot/api/addons/carts.yml` | `carts` | AWS::DynamoDB::Table | yes | `data.tables "carts"` (adopted) |');
    expect(guide).toContain('| test | dynamodb-table (carts) | `shop-test-api-carts` | `the addons stack of copilot/api/addons/carts.yml` |');
    expect(guide).toContain('| `copilot/api/addons/images.yml` | `imagesBucket` | AWS::S3::Bucket | yes | `data.buckets "images-bucket"` (new, empty) |');
    expect(guide).toContain('Services: `api`, `orders`; workers: `mailer`; jobs: `report`; static site: `www`');
    expect(guide).toContain('aws cloudformation delete-stack --stack-name shop-<env>-<service>');
    expect(guide).toContain('--retain-stacks');
    expect(guide).toContain('tasks in a new VPC cannot reach');
  });

  test('MIGRATION.md tells how to find the generated name of an addon bucket, to adopt it instead of copying it', () => {
    expect(migrationGuide(shop)).toContain('aws cloudformation describe-stack-resource --stack-name "$(aws cloudformation describe-stack-resource ' +
      '--stack-name shop-<env>-api --logical-resource-id AddonsStack --query StackResourceDetail.PhysicalResourceId --output text)" ' +
      '--logical-resource-id imagesBucket --query StackResourceDetail.PhysicalResourceId --output text');
  });

  test('the command writes .projenrc.ts with the report as comments, and MIGRATION.md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-copilot-'));
    const printed: string[] = [];
    const out = join(dir, '.projenrc.ts');
    runImportCopilot([fixtureDir('hello'), '--out', out, '--migration', join(dir, 'MIGRATION.md')], (line) => printed.push(line));
    const source = readFileSync(out, 'utf-8');
    expect(source).toContain('serviceOverrides: { web: { minCapacity: 1, maxCapacity: 3, targetCpuUtilization: 60 } }');
    expect(source).toContain("{ kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/hello-dev-web' }");
    expect(printed[2]).toBe('Not carried over (4):');
    expect(source).toContain("{ kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'hello-dev-web-visits', dataResource: 'visits' }");
    expect(readFileSync(join(dir, 'MIGRATION.md'), 'utf-8')).toMatch(/^# Moving "hello" from AWS Copilot/);
  });

  test('unknown options and missing values are refused with the usage', () => {
    expect(() => runImportCopilot([fixtureDir('hello'), '--outt', 'x'], () => undefined)).toThrow(/unknown option --outt\nUsage: projen-cdktf-ecs import-copilot/);
    expect(() => runImportCopilot([fixtureDir('hello'), '--account', 'dev=12'], () => undefined)).toThrow('--account dev=12: expected <environment>=<12-digit account id>');
  });
});

describe('addon buckets adopted by the names looked up in the account', () => {
  const names = { test: { imagesBucket: 'shop-test-api-addonsstack-1a2b3c-imagesbucket-4d5e6f' } };
  const adopted = importCopilot({ copilotDir: fixtureDir('shop'), region: 'eu-west-1', bucketNames: names });

  test('--bucket <env>:<logical id>=<name> adopts the bucket in that environment as its data.buckets entry', () => {
    expect(adopted.adoptions.filter((a) => a.kind === 's3-bucket').map((a) => [a.environment, a.id, a.dataResource])).toEqual([
      ['test', 'shop-test-api-addonsstack-1a2b3c-imagesbucket-4d5e6f', 'images-bucket'],
    ]);
    const config = resolvePlatformConfig(plainOptions(adopted));
    expect(config.environments.map((env) => env.data?.buckets[0].adoptedName)).toEqual(['shop-test-api-addonsstack-1a2b3c-imagesbucket-4d5e6f', undefined]);
  });

  test('MIGRATION.md says where the bucket is adopted and where it is new', () => {
    expect(migrationGuide(adopted)).toContain('| `copilot/api/addons/images.yml` | `imagesBucket` | AWS::S3::Bucket | yes | `data.buckets "images-bucket"` (adopted in test; new, empty in prod) |');
  });

  test('a name for an environment or a bucket that does not exist is refused', () => {
    expect(() => importCopilot({ copilotDir: fixtureDir('shop'), bucketNames: { staging: { imagesBucket: 'x-y-z' } } }))
      .toThrow('--bucket staging:…: no environment "staging"; expected one of test, prod');
    expect(() => importCopilot({ copilotDir: fixtureDir('shop'), bucketNames: { test: { images: 'x-y-z' } } }))
      .toThrow('--bucket test:images=…: no addon bucket "images"; expected one of imagesBucket');
  });

  test('the command writes the looked-up bucket into the environment\'s adopt entries of .projenrc.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-copilot-'));
    const out = join(dir, '.projenrc.ts');
    runImportCopilot([fixtureDir('hello'), '--out', out, '--migration', join(dir, 'MIGRATION.md'), '--bucket', 'dev:imagesBucket=hello-dev-web-images-1a2b'],
      () => undefined);
    expect(readFileSync(out, 'utf-8').replace(/\s+/g, ' '))
      .toContain("{ kind: AdoptedResourceKind.S3_BUCKET, id: 'hello-dev-web-images-1a2b', dataResource: 'images-bucket', }");
  });

  test('the command reads --bucket and refuses a name S3 would not accept', () => {
    expect(parseImportArguments([fixtureDir('shop'), '--bucket', 'test:imagesBucket=shop-images-1']).bucketNames).toEqual({ test: { imagesBucket: 'shop-images-1' } });
    expect(() => parseImportArguments([fixtureDir('shop'), '--bucket', 'test:imagesBucket=Shop_Images']))
      .toThrow('--bucket test:imagesBucket=Shop_Images: expected <environment>:<addon bucket logical id>=<bucket name>, the name as S3 spells it');
  });
});
