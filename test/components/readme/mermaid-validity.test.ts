import { mermaidBlocks, mermaidParserAvailable, parseMermaid } from './mermaid-parser';
import { CapacityProvider, EnvironmentPreset } from '../../../src/options';
import { synthProject } from '../../project/support';

// Needs the devDependencies `mermaid` and `jsdom`: without them the first test fails, never skips.
test('the Mermaid parser is installed', () => {
  expect(mermaidParserAvailable()).toBe(true);
});

describe('the diagrams of the generated docs/SERVICE.md parse with the real Mermaid parser', () => {
  test('the default repository: one valid flowchart', () => {
    const blocks = mermaidBlocks(synthProject()['docs/SERVICE.md']);
    expect(parseMermaid(blocks)).toEqual([{ ok: true, type: 'flowchart-v2' }]);
  });

  test('two environments, EC2 capacity, a reverse proxy, a sidecar and a static site: two valid flowcharts', () => {
    const files = synthProject({
      environments: [{ name: 'dev' }, { name: 'prod', account: '111122223333', preset: EnvironmentPreset.PRODUCTION }],
      loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
      cluster: { ec2Capacity: { instanceType: 't3.medium', minSize: 1, maxSize: 3 } },
      services: [
        { name: 'api', capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }], reverseProxy: {}, sidecars: [{ name: 'otel', image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0' }] },
        { name: 'worker', loadBalanced: false, capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] },
      ],
      staticSite: { singlePageApp: true },
    });
    const blocks = mermaidBlocks(files['docs/SERVICE.md']);
    expect(parseMermaid(blocks)).toEqual([{ ok: true, type: 'flowchart-v2' }, { ok: true, type: 'flowchart-v2' }]);
  });

  test('the parser rejects a broken diagram (the check can fail)', () => {
    expect(parseMermaid(['flowchart TB\n  a -->'])[0].ok).toBe(false);
  });
});

test('a publishing service, a subscribed worker and a scheduled job: one valid flowchart naming them', () => {
  const files = synthProject({
    services: [{ name: 'orders', publishes: ['order-events'] }],
    workers: [{ name: 'billing', subscribes: [{ topic: 'order-events', filterPolicy: { type: ['placed'] } }] }],
    jobs: [{ name: 'nightly', schedule: 'cron(0 3 * * ? *)', timezone: 'Europe/Paris' }],
  });
  const doc: string = files['docs/SERVICE.md'];
  expect(parseMermaid(mermaidBlocks(doc))).toEqual([{ ok: true, type: 'flowchart-v2' }]);
  expect(doc).toContain('- **billing** (queue worker): consumes `orders-dev-billing` (subscribed to order-events), 0 to 10 tasks at 10 messages per task');
  expect(doc).toContain('`npx projen run-task:dev --job nightly` runs it now.');
});
