import { EnvironmentOptions } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

function resolveWith(prod: Partial<EnvironmentOptions>) {
  return resolvePlatformConfig({
    name: 'shop',
    services: [{ name: 'api', cpu: 256, memoryMiB: 512, environment: { LOG_LEVEL: 'debug', REGION: 'eu' } }, { name: 'web', routing: { pathPatterns: ['/web/*'] } }],
    environments: [{ name: 'dev' }, { name: 'prod', ...prod }],
  });
}

describe('environments[].serviceOverrides', () => {
  test('replaces a service\'s settings in that environment only, merging variables by name', () => {
    const config = resolveWith({ serviceOverrides: { api: { cpu: 1024, memoryMiB: 2048, environment: { LOG_LEVEL: 'info' } } } });
    const [dev, prod] = config.environments.map((env) => env.services[0]);
    expect([dev.cpu, dev.memoryMiB, dev.environment.LOG_LEVEL]).toEqual([256, 512, 'debug']);
    expect([prod.cpu, prod.memoryMiB, prod.environment.LOG_LEVEL, prod.environment.REGION]).toEqual([1024, 2048, 'info', 'eu']);
  });

  test('an override of an unknown service, or of a name, is refused', () => {
    expect(() => resolveWith({ serviceOverrides: { apii: { cpu: 512 }, web: { name: 'www' } } })).toThrow([
      'Invalid options (2) for projen-cdktf-ecs:',
      '  - environments[1].serviceOverrides.apii: "apii" is not a service; expected one of api, web (environment prod)',
      '  - environments[1].serviceOverrides.web.name: "www" cannot change; overrides apply to the service of that name (environment prod)',
    ].join('\n'));
  });
});
