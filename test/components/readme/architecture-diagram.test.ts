import { renderArchitectureDiagram } from '../../../src/components/readme/architecture-diagram';
import { CapacityProvider, DeploymentPipeline, EnvironmentPreset, NatGateways } from '../../../src/options';
import { configOf, ConfigOptions } from '../../platform/support/configs';

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';

/** The diagram of the first environment, as trimmed lines. */
function diagramLines(options: ConfigOptions = {}): string[] {
  const config = configOf(options);
  return renderArchitectureDiagram(config.environments[0], config.deployment).split('\n').map((line) => line.trim());
}

test('is a top-down flowchart', () => {
  expect(diagramLines()[0]).toBe('flowchart TB');
});

test('draws a NAT gateway in each zone of a production environment, each private subnet routed to its own', () => {
  const lines = diagramLines({ environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } });
  expect(lines).toEqual(expect.arrayContaining(['private_0 -->|"egress"| nat_0', 'private_1 -->|"egress"| nat_1']));
});

test('draws the VPC endpoints instead of a NAT gateway when there is none', () => {
  const lines = diagramLines({ network: { natGateways: NatGateways.NONE } });
  expect([lines.some((line) => line.startsWith('nat_')), lines.some((line) => line.startsWith('endpoints[['))]).toEqual([false, true]);
});

test('labels the load balancer with its HTTPS listener and the HTTP redirect', () => {
  const alb = diagramLines({ loadBalancer: { certificateArn: CERTIFICATE_ARN } }).find((line) => line.startsWith('alb{{'));
  expect(alb).toBe('alb{{"Application Load Balancer<br/>HTTPS :443<br/>HTTP :80 → 301 HTTPS"}}');
});

test('routes the load balancer to the reverse proxy, and the proxy to the application', () => {
  const lines = diagramLines({ services: [{ name: 'api', reverseProxy: {} }] });
  expect(lines).toEqual(expect.arrayContaining(['alb -->|"default"| proxy_api', 'proxy_api["reverse proxy :80"] --> app_api']));
});

test('draws sidecars inside their service', () => {
  const lines = diagramLines({ services: [{ name: 'api', sidecars: [{ name: 'otel', image: 'otel/collector:1' }] }] });
  expect(lines).toContain('sidecar_api_otel["sidecar otel"]');
});

test('draws the EC2 Auto Scaling group and the services placed on it', () => {
  const lines = diagramLines({
    cluster: { ec2Capacity: { instanceType: 't3.medium', minSize: 1, maxSize: 3 } },
    services: [{ name: 'api', capacityProviderStrategy: [{ capacityProvider: CapacityProvider.EC2 }] }],
  });
  expect(lines).toEqual(expect.arrayContaining(['asg[("EC2 Auto Scaling group<br/>t3.medium × 1–3<br/>capacity provider orders-dev-ec2")]', 'svc_api -.-> asg']));
});

test('draws the static site as CloudFront in front of a bucket', () => {
  expect(diagramLines({ staticSite: {} })).toContain('cdn -->|"origin access control"| site_bucket');
});

test('names CodePipeline and CodeDeploy when they deploy', () => {
  const lines = diagramLines({
    deployment: { pipeline: DeploymentPipeline.CODEPIPELINE, repository: 'acme/orders', connectionArn: 'arn:aws:codeconnections:us-east-1:111122223333:connection/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9' },
  });
  expect(lines.find((line) => line.startsWith('pipeline['))).toBe('pipeline["CodePipeline dev<br/>CodeBuild → ECS rolling update"]');
});
