import { CpuArchitecture, EnvironmentPreset, NatGateways } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

const base = { name: 'orders' };

describe('defaults', () => {
  const config = resolvePlatformConfig(base);
  const [dev] = config.environments;

  test('one environment named dev in us-east-1', () => {
    expect(config.environments.map((e) => [e.name, e.region, e.partition])).toEqual([['dev', 'us-east-1', 'aws']]);
  });

  test('two explicit availability zones of the region', () => {
    expect(dev.network.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
  });

  test('public and private subnets are carved from the VPC without overlap', () => {
    expect(dev.network.publicSubnetCidrs).toEqual(['10.0.0.0/20', '10.0.16.0/20']);
    expect(dev.network.privateSubnetCidrs).toEqual(['10.0.128.0/20', '10.0.144.0/20']);
  });

  test('a development environment shares one NAT gateway', () => {
    expect(dev.network.natGateways).toBe('single');
  });

  test('local state', () => {
    expect(dev.state).toEqual({ backend: 'local' });
  });

  test('one service named after the project on port 8080 with 0.25 vCPU and 512 MiB', () => {
    expect(dev.services).toHaveLength(1);
    expect(dev.services[0]).toMatchObject({ name: 'orders', containerPort: 8080, cpu: 256, memoryMiB: 512, cpuArchitecture: 'X86_64' });
  });

  test('the load balancer uses a TLS 1.3 policy and admits everyone', () => {
    expect(dev.loadBalancer).toMatchObject({ sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06', allowedCidrs: ['0.0.0.0/0'] });
  });

  test('resources are tagged with project, environment and the generator', () => {
    expect(dev.tags).toEqual({ 'project': 'orders', 'environment': 'dev', 'managed-by': 'projen-cdktf-ecs' });
  });
});

describe('production preset', () => {
  const [prod] = resolvePlatformConfig({ ...base, environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }).environments;

  test('a NAT gateway per availability zone', () => {
    expect(prod.network.natGateways).toBe('per-az');
  });

  test('at least two tasks', () => {
    expect(prod.services[0].desiredCount).toBe(2);
    expect(prod.services[0].autoscaling.minCapacity).toBe(2);
  });

  test('deletion protection on the load balancer', () => {
    expect(prod.loadBalancer.deletionProtection).toBe(true);
  });

  test('explicit options win over the preset', () => {
    const [env] = resolvePlatformConfig({
      ...base,
      environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION }],
      network: { natGateways: NatGateways.SINGLE },
      loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
    }).environments;
    expect(env.network.natGateways).toBe('single');
  });
});

describe('derived values', () => {
  test('the resource prefix drops the npm scope and other characters', () => {
    expect(resolvePlatformConfig({ name: '@acme/Orders_API' }).project).toBe('orders-api');
  });

  test('long load balancer and target group names are shortened with a stable hash', () => {
    const config = resolvePlatformConfig({ name: 'x', resourcePrefix: 'payments-reconcile', services: [{ name: 'settlement-exporter' }] });
    const [env] = config.environments;
    expect(env.services[0].ingress?.targetGroupName).toHaveLength(32);
    expect(env.services[0].ingress?.targetGroupName).toMatch(/^payments-reconcile-dev-[a-z0-9-]*-[0-9a-f]{6}$/);
    expect(resolvePlatformConfig({ name: 'x', resourcePrefix: 'payments-reconcile', services: [{ name: 'settlement-exporter' }] })).toEqual(config);
  });

  test('environments in other regions get their own zones and partition', () => {
    const config = resolvePlatformConfig({ ...base, environments: [{ name: 'dev' }, { name: 'cn', region: 'cn-north-1' }] });
    expect(config.environments[1]).toMatchObject({ region: 'cn-north-1', partition: 'aws-cn' });
    expect(config.environments[1].network.availabilityZones).toEqual(['cn-north-1a', 'cn-north-1b']);
  });

  test('an S3 state bucket enables the S3 backend with the project as key prefix', () => {
    const [env] = resolvePlatformConfig({ ...base, terraformState: { bucket: 'acme-terraform-state' } }).environments;
    expect(env.state).toEqual({ backend: 's3', bucket: 'acme-terraform-state', region: 'us-east-1', keyPrefix: 'orders', environmentKeyPrefix: 'orders/dev' });
  });

  test('environment variables are sorted for stable output', () => {
    const [env] = resolvePlatformConfig({ ...base, services: [{ environment: { ZED: '1', ALPHA: '2' } }] }).environments;
    expect(Object.keys(env.services[0].environment)).toEqual(['ALPHA', 'HEALTH_CHECK_PATH', 'PORT', 'ZED']);
  });

  test('the app built from this repository gets its port and health check path', () => {
    const [env] = resolvePlatformConfig({ ...base, services: [{ containerPort: 3000, healthCheckPath: '/ready' }] }).environments;
    expect(env.services[0].environment).toEqual({ HEALTH_CHECK_PATH: '/ready', PORT: '3000' });
  });

  test('an external image gets no platform variables', () => {
    const [env] = resolvePlatformConfig({ ...base, services: [{ image: 'public.ecr.aws/nginx/nginx:1.27' }] }).environments;
    expect(env.services[0].environment).toEqual({});
  });

  test('ARM64 is carried to the task', () => {
    const [env] = resolvePlatformConfig({ ...base, services: [{ cpuArchitecture: CpuArchitecture.ARM64 }] }).environments;
    expect(env.services[0].cpuArchitecture).toBe('ARM64');
  });
});
