import { mermaidBlocks, parseMermaid } from './mermaid-parser';
import { renderArchitectureDiagram } from '../../../src/components/readme/architecture-diagram';
import { renderServiceDoc } from '../../../src/components/readme/service-doc';
import { AdoptedResourceKind, DatabaseEngine } from '../../../src/options';
import { configOf } from '../../platform/support/configs';
import { FEATURE_CONFIGS } from '../../platform/support/seeds';

const shop = configOf({ services: [{ name: 'backend' }], data: { databases: [{ name: 'shop', engine: DatabaseEngine.MYSQL, attachTo: ['backend'] }] } });

test('the service README lists each data resource with what it is, its protection and who uses it', () => {
  const doc = renderServiceDoc(shop);
  expect(doc).toContain('## Data resources');
  expect(doc).toContain('| shop | RDS mysql 8.4 db.t4g.micro, 20 GiB | no deletion protection, backups 1 d | backend |');
});

test('a repository without data resources has no data section', () => {
  expect(renderServiceDoc(configOf({ services: [{ name: 'api' }] }))).not.toContain('## Data resources');
});

test('the diagram draws the data stack and an arrow from each attached service', () => {
  const diagram = renderArchitectureDiagram(FEATURE_CONFIGS.dataResources.environments[0], FEATURE_CONFIGS.dataResources.deployment);
  expect(diagram).toContain('subgraph data_stack');
  expect(diagram.split('\n').filter((line) => /^svc_\w+ --> data_/.test(line)).sort()).toEqual([
    'svc_api --> data_main', 'svc_api --> data_orders', 'svc_api --> data_sessions', 'svc_reports --> data_main', 'svc_reports --> data_uploads',
  ]);
  expect(parseMermaid(mermaidBlocks(`\`\`\`mermaid\n${diagram}\n\`\`\``))).toEqual([{ ok: true, type: 'flowchart-v2' }]);
});

test('adopted tables and buckets are listed under their own names, marked adopted, with the environment\'s adopted resources', () => {
  const adopted = configOf({
    services: [{ name: 'api' }],
    data: { tables: [{ name: 'carts', partitionKey: { name: 'id' }, attachTo: ['api'] }], buckets: [{ name: 'images', attachTo: ['api'] }] },
    environments: [{
      name: 'dev',
      adopt: [
        { kind: AdoptedResourceKind.DYNAMODB_TABLE, id: 'shop-dev-api-carts', dataResource: 'carts' },
        { kind: AdoptedResourceKind.S3_BUCKET, id: 'shop-dev-api-addonsstack-1a2b-imagesbucket-9z8y', dataResource: 'images' },
      ],
    }],
  });
  const doc = renderServiceDoc(adopted);
  expect(doc).toContain('| carts | DynamoDB table shop-dev-api-carts (read-write, adopted) |');
  expect(doc).toContain('| images | S3 bucket shop-dev-api-addonsstack-1a2b-imagesbucket-9z8y (read-write, adopted) |');
  expect(doc).toContain('- **dev**: DynamoDB table `shop-dev-api-carts` (carts, `dev-data` stack), ' +
    'S3 bucket `shop-dev-api-addonsstack-1a2b-imagesbucket-9z8y` (images, `dev-data` stack)');
});
