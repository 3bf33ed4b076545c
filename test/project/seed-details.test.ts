import { problemsOf } from './support';
import { CapacityProvider, CpuArchitecture, DeploymentStrategy, EnvironmentPreset } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

const base = { name: 'orders' };

describe('load balancer health check', () => {
  test('defaults: every 15 s, 5 s timeout, healthy after 2, unhealthy after 3', () => {
    const [env] = resolvePlatformConfig(base).environments;
    expect(env.services[0].targetHealthCheck).toEqual({ intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 });
  });

  test('the seeds\' settings are carried over', () => {
    const seed = { intervalSeconds: 30, timeoutSeconds: 3, healthyThreshold: 3, unhealthyThreshold: 2 };
    const [env] = resolvePlatformConfig({ ...base, services: [{ loadBalancerHealthCheck: seed }] }).environments;
    expect(env.services[0].targetHealthCheck).toEqual(seed);
  });

  test.each([
    [{ intervalSeconds: 4 }, 'services[0].loadBalancerHealthCheck.intervalSeconds: 4 is not allowed; expected an integer from 5 to 300'],
    [{ timeoutSeconds: 121 }, 'services[0].loadBalancerHealthCheck.timeoutSeconds: 121 is not allowed; expected an integer from 2 to 120'],
    [{ healthyThreshold: 11 }, 'services[0].loadBalancerHealthCheck.healthyThreshold: 11 is not allowed; expected an integer from 2 to 10'],
    [{ unhealthyThreshold: 1 }, 'services[0].loadBalancerHealthCheck.unhealthyThreshold: 1 is not allowed; expected an integer from 2 to 10'],
    [{ intervalSeconds: 10, timeoutSeconds: 10 }, 'services[0].loadBalancerHealthCheck.timeoutSeconds: 10 is not shorter than the interval (10 s); expected less'],
  ])('%j is refused in one line', (check, line) => {
    expect(problemsOf({ services: [{ loadBalancerHealthCheck: check }] })).toEqual([line]);
  });
});

describe('ARM64 on Fargate Spot', () => {
  test('an ARM64 service keeps the cluster\'s Fargate Spot strategy', () => {
    const [env] = resolvePlatformConfig({ ...base, services: [{ cpuArchitecture: CpuArchitecture.ARM64 }] }).environments;
    expect(env.services[0].capacityProviderStrategy.map((item) => item.capacityProvider)).toContain('FARGATE_SPOT');
  });

  test('an ARM64 service may ask for Fargate Spot itself', () => {
    const spot = [{ capacityProvider: CapacityProvider.FARGATE_SPOT }];
    expect(problemsOf({ services: [{ cpuArchitecture: CpuArchitecture.ARM64, capacityProviderStrategy: spot }] })).toEqual([]);
  });
});

describe('blue/green and Service Connect', () => {
  test('are refused together in one line', () => {
    const problems = problemsOf({ services: [{ name: 'web' }, { name: 'api' }], deployment: { strategy: DeploymentStrategy.BLUE_GREEN } });
    expect(problems).toEqual([
      'deployment.strategy: "blue-green" cannot deploy services on Service Connect (web, api): the CodeDeploy deployment controller does not support it; '
        + 'set cluster.serviceConnect to false (and serviceConnect on the services) or use DeploymentStrategy.ROLLING',
    ]);
  });

  test('blue/green of two services without Service Connect is allowed', () => {
    const services = [{ name: 'web' }, { name: 'api', routing: { pathPatterns: ['/api/*'] } }];
    expect(problemsOf({ services, cluster: { serviceConnect: false }, deployment: { strategy: DeploymentStrategy.BLUE_GREEN } })).toEqual([]);
  });
});

describe('KMS key deletion window', () => {
  test('7 days in development, 30 in production', () => {
    const config = resolvePlatformConfig({ ...base, environments: [{ name: 'dev' }, { name: 'prod', preset: EnvironmentPreset.PRODUCTION, certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9' }] });
    expect(config.environments.map((env) => env.kmsKeyDeletionWindowDays)).toEqual([7, 30]);
  });

  test('an environment sets its own', () => {
    const [env] = resolvePlatformConfig({ ...base, environments: [{ name: 'dev', kmsKeyDeletionWindowDays: 14 }] }).environments;
    expect(env.kmsKeyDeletionWindowDays).toBe(14);
  });

  test('outside 7 to 30 days is refused', () => {
    expect(problemsOf({ environments: [{ name: 'dev', kmsKeyDeletionWindowDays: 5 }] }))
      .toEqual(['environments[0].kmsKeyDeletionWindowDays: 5 is not allowed; expected an integer from 7 to 30']);
  });
});

describe('release task', () => {
  test('runs its command with a 15 minute timeout by default', () => {
    const [env] = resolvePlatformConfig({ ...base, services: [{ release: { command: ['node', 'migrate.js'] } }] }).environments;
    expect(env.services[0].release).toEqual({ command: ['node', 'migrate.js'], timeoutSeconds: 900 });
  });

  test('no release task unless asked for', () => {
    expect(resolvePlatformConfig(base).environments[0].services[0].release).toBeUndefined();
  });

  test.each([
    [{ command: [] }, 'services[0].release.command: [] is not allowed; expected the command as non-empty words, e.g. ["node", "scripts/migrate.js"]'],
    [{ command: ['migrate'], timeoutSeconds: 30 }, 'services[0].release.timeoutSeconds: 30 is not allowed; expected an integer from 60 to 43200'],
  ])('%j is refused in one line', (release, line) => {
    expect(problemsOf({ services: [{ release }] })).toEqual([line]);
  });
});

describe('static site publishing', () => {
  test('publishes site/ without a build command by default', () => {
    const [env] = resolvePlatformConfig({ ...base, staticSite: {} }).environments;
    expect(env.staticSite?.publish).toEqual({ sourceDirectory: 'site' });
  });

  test('takes the source directory and build command', () => {
    const [env] = resolvePlatformConfig({ ...base, staticSite: { sourceDirectory: 'web/dist', buildCommand: 'npm run build --prefix web' } }).environments;
    expect(env.staticSite?.publish).toEqual({ sourceDirectory: 'web/dist', buildCommand: 'npm run build --prefix web' });
  });

  test.each(['../outside', '/etc', 'web/../..'])('source directory %s outside the repository is refused', (sourceDirectory) => {
    expect(problemsOf({ staticSite: { sourceDirectory } })).toEqual([
      `staticSite.sourceDirectory: "${sourceDirectory}" is not allowed; expected a directory inside the repository, relative to its root and without "..", e.g. "site/dist"`,
    ]);
  });
});
