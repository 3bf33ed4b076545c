import { AdoptedResourceKind, AdoptedResourceOptions } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

const DATA = {
  tables: [{ name: 'carts', partitionKey: { name: 'id' }, attachTo: ['api'] }],
  buckets: [{ name: 'uploads', attachTo: ['api'] }],
};

function adopting(adopt: AdoptedResourceOptions[]) {
  return resolvePlatformConfig({ name: 'shop', services: [{ name: 'api' }], data: DATA, environments: [{ name: 'dev', adopt }] }).environments[0];
}

function problemsOf(adopt: AdoptedResourceOptions[]): string[] {
  try {
    resolvePlatformConfig({
      name: 'shop',
      services: [{ name: 'api' }, { name: 'proxy', image: 'public.ecr.aws/nginx/nginx:1.27' }],
      data: DATA,
      environments: [{ name: 'dev', adopt }],
    });
    return [];
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
}

describe('environments[].adopt', () => {
  test('resolves the adopted names into the environment', () => {
    const config = resolvePlatformConfig({
      name: 'shop',
      services: [{ name: 'api' }],
      environments: [{ name: 'dev', adopt: [{ kind: AdoptedResourceKind.ECR_REPOSITORY, service: 'api', id: 'shop/api' }] }],
    });
    expect(config.environments[0].adopt).toEqual({ imageRepositories: { api: 'shop/api' } });
  });

  test('a repository needs a service built from this repository', () => {
    expect(problemsOf([{ kind: AdoptedResourceKind.ECR_REPOSITORY, service: 'proxy', id: 'shop/proxy' }])).toEqual([
      'environments[0].adopt[0].service: "proxy" is not a service built from this repository; expected one of api',
    ]);
  });

  test('ids must be names AWS accepts', () => {
    expect(problemsOf([{ kind: AdoptedResourceKind.ECR_REPOSITORY, service: 'api', id: 'Shop/API' }])).toEqual([
      'environments[0].adopt[0].id: "Shop/API" is not an ECR repository name; expected lowercase letters, digits and ._-/ separators, e.g. "myapp/api"',
    ]);
  });

  test('an environment adopts one log group, without a service', () => {
    expect(problemsOf([
      { kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/shop-dev-api', service: 'api' },
      { kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/shop-dev-web' },
    ])).toEqual([
      'environments[0].adopt[0].service: "api" is not allowed for a log group; the environment\'s services share one log group',
      'environments[0].adopt[1]: "/copilot/shop-dev-web" is a second log group; an environment adopts at most one',
    ]);
  });

  test('an adopted table keeps its name and is marked for import', () => {
    const env = adopting([{ kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-api-carts', dataResource: 'carts' }]);
    expect(env.data?.tables[0]).toMatchObject({ name: 'carts', tableName: 'shop-dev-api-carts', adopted: true });
  });

  test('a table nobody adopts is created under the platform\'s name', () => {
    const env = adopting([{ kind: AdoptedResourceKind.S3_BUCKET, id: 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y', dataResource: 'uploads' }]);
    expect(env.data?.tables[0]).toMatchObject({ tableName: 'shop-dev-carts', adopted: false });
  });

  test('an adopted bucket keeps its exact name', () => {
    const env = adopting([{ kind: AdoptedResourceKind.S3_BUCKET, id: 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y', dataResource: 'uploads' }]);
    expect(env.data?.buckets[0]).toMatchObject({ name: 'uploads', adoptedName: 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y' });
  });

  test('a table or bucket names the data entry it becomes, of its own kind', () => {
    expect(problemsOf([
      { kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-api-carts' },
      { kind: AdoptedResourceKind.S3_BUCKET, id: 'shop-uploads', dataResource: 'carts' },
    ])).toEqual([
      'environments[0].adopt[0].dataResource: undefined is required for a dynamodb-table; expected one of carts',
      'environments[0].adopt[1].dataResource: "carts" is not an entry of data.buckets; expected one of uploads',
    ]);
  });

  test('one existing resource per data entry', () => {
    expect(problemsOf([
      { kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-api-carts', dataResource: 'carts' },
      { kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-web-carts', dataResource: 'carts' },
    ])).toEqual([
      'environments[0].adopt[1].dataResource: "carts" adopts a second table; an entry of data.tables adopts one',
    ]);
  });

  test('dataResource belongs to tables and buckets only, and bucket names follow S3\'s rules', () => {
    expect(problemsOf([
      { kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/shop-dev-api', dataResource: 'carts' },
      { kind: AdoptedResourceKind.S3_BUCKET, id: 'Shop_Uploads', dataResource: 'uploads' },
    ])).toEqual([
      'environments[0].adopt[0].dataResource: "carts" is only used by the kinds "dynamodb-table" and "s3-bucket"',
      'environments[0].adopt[1].id: "Shop_Uploads" is not an S3 bucket name; expected 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
    ]);
  });
});
