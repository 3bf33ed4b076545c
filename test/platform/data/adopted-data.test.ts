import { AdoptedResourceKind } from '../../../src/options';
import { configOf } from '../support/configs';
import { onlyResource, resourcesOf, synthEnvironment } from '../support/synth';

const ADOPTED = configOf({
  services: [{ name: 'api' }],
  data: {
    tables: [{ name: 'carts', partitionKey: { name: 'id' }, attachTo: ['api'] }, { name: 'orders', partitionKey: { name: 'id' }, attachTo: ['api'] }],
    buckets: [{ name: 'uploads', attachTo: ['api'] }, { name: 'exports', attachTo: ['api'] }],
  },
  environments: [{
    name: 'dev',
    adopt: [
      { kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-api-carts', dataResource: 'carts' },
      { kind: AdoptedResourceKind.S3_BUCKET, id: 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y', dataResource: 'uploads' },
    ],
  }],
});
const { data, service } = synthEnvironment(ADOPTED);
const stack = data!;
const imports = (stack as unknown as { import?: Array<{ to: string; id: string }> }).import ?? [];
const addressOf = (type: string, attribute: string, value: string): string =>
  `${type}.${Object.entries(resourcesOf(stack, type)).find(([, body]) => body[attribute] === value)![0]}`;

describe('adopted tables and buckets', () => {
  test('the data stack imports exactly the adopted table and bucket, by their names', () => {
    expect(imports.map(({ to, id }) => ({ to, id }))).toEqual([
      { to: addressOf('aws_s3_bucket', 'bucket', 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y'), id: 'shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y' },
      { to: addressOf('aws_dynamodb_table', 'name', 'shop-dev-api-carts'), id: 'shop-dev-api-carts' },
    ]);
  });

  test('an adopted bucket keeps its exact name; a created one gets a unique name from its prefix', () => {
    const buckets = Object.values(resourcesOf(stack, 'aws_s3_bucket')).map((body) => [body.bucket, body.bucket_prefix]);
    expect(buckets).toEqual(expect.arrayContaining([
      ['shop-dev-api-addonsstack-1a2b-uploadsbucket-9z8y', undefined],
      [undefined, 'orders-dev-exports-'],
    ]));
  });

  test('an adopted table is encrypted with the data key and recoverable, like a created one', () => {
    const carts = Object.values(resourcesOf(stack, 'aws_dynamodb_table')).find((body) => body.name === 'shop-dev-api-carts')!;
    expect(carts.server_side_encryption).toEqual({ enabled: true, kms_key_arn: expect.stringContaining('aws_kms_key.') });
    expect(carts.point_in_time_recovery).toEqual({ enabled: true });
  });

  test('the attached service reads the adopted table\'s name like any other table\'s', () => {
    const definition = onlyResource(service, 'aws_ecs_task_definition');
    expect(String(definition.container_definitions)).toContain('CARTS_TABLE');
    expect(String(definition.container_definitions)).toContain('shop-dev-api-carts');
  });
});
