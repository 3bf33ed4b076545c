import { AdoptedResourceKind, AdoptedResourceOptions } from '../../src/options';
import { resolvePlatformConfig } from '../../src/resolve/resolve';

function problemsOf(adopt: AdoptedResourceOptions[]): string[] {
  try {
    resolvePlatformConfig({ name: 'shop', services: [{ name: 'api' }, { name: 'proxy', image: 'public.ecr.aws/nginx/nginx:1.27' }], environments: [{ name: 'dev', adopt }] });
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
});
