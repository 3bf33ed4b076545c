import { problemsOf } from './support';
import type { PlatformOptions } from '../../src/resolve/resolve';

const CERTIFICATE = 'arn:aws:acm:us-east-1:999999999999:certificate/0b6a3c1e-6a3f-4c1f-9a53-0a3d3b7f5e21';
/** Options as a user's .projenrc.ts might write them, past the TypeScript types. */
const loose = (options: Record<string, unknown>) => options as Partial<PlatformOptions>;

test.each<[string, Record<string, unknown>, string]>([
  ['a typo in a service option', { services: [{ desiredCont: 3 }] }, 'services[0].desiredCont: 3 is not an option; did you mean desiredCount?'],
  ['a typo at the top level', { enviroments: [{ name: 'dev' }] }, 'enviroments: [{"name":"dev"}] is not an option; did you mean environments?'],
  ['a typo in an environment', { environments: [{ name: 'dev', acount: '111122223333' }] }, 'environments[0].acount: "111122223333" is not an option; did you mean account?'],
  ['a string for a boolean', { environments: [{ name: 'dev', deletionProtection: 'yes' }] }, 'environments[0].deletionProtection: "yes" is a string; expected a boolean'],
  ['a number as an environment variable value', { services: [{ environment: { PORT: 8080 } }] }, 'services[0].environment.PORT: 8080 is a number; expected a string'],
  ['a string for the environments', { environments: 'dev' }, 'environments: "dev" is a string; expected a list'],
  ['an object for the services', { services: { name: 'web' } }, 'services: {"name":"web"} is an object; expected a list'],
  ['an enum value by its member name', { environments: [{ name: 'prod', preset: 'PRODUCTION' }] },
    'environments[0].preset: "PRODUCTION" is not allowed; expected one of EnvironmentPreset.DEVELOPMENT ("development"), EnvironmentPreset.PRODUCTION ("production")'],
  ['a region that does not exist', { region: 'eu-west-9' }, 'region: "eu-west-9" is not an AWS region; did you mean eu-west-1?'],
  ['a Terraform version that is not a version', { terraformVersion: '1.11.4; curl example.com | sh' },
    'terraformVersion: "1.11.4; curl example.com | sh" is not a Terraform release the stacks support; expected a version such as "1.11.4" (1.10 or later)'],
  ['a certificate of another account', { environments: [{ name: 'dev', account: '111122223333' }], loadBalancer: { certificateArn: CERTIFICATE } },
    `loadBalancer.certificateArn: "${CERTIFICATE}" belongs to account 999999999999; the load balancer of dev (account 111122223333) can only use certificates of its own account`],
  ['a secret of another region', { services: [{ secrets: { DB: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf' } }] },
    'services[0].secrets.DB: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf" is in eu-west-1; ECS reads secrets of the environment\'s region (us-east-1) only'],
])('%s is one line naming the option', (_name, options, expected) => {
  expect(problemsOf(loose(options))).toEqual([expected]);
});

test('NaN and Infinity are shown as written', () => {
  expect(problemsOf({ services: [{ containerPort: NaN, desiredCount: Infinity }] })).toEqual(expect.arrayContaining([
    'services[0].containerPort: NaN is not allowed; expected an integer from 1 to 65535',
    'services[0].desiredCount: Infinity is not allowed; expected an integer from 0 to 1000',
  ]));
});

test('a negative desired count is the only problem, even in production', () => {
  expect(problemsOf(loose({ environments: [{ name: 'prod', preset: 'production' }], services: [{ desiredCount: -1 }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } })))
    .toEqual(['services[0].desiredCount: -1 is not allowed; expected an integer from 0 to 1000']);
});

test('a problem of every environment is reported once', () => {
  expect(problemsOf({ environments: [{ name: 'dev' }, { name: 'staging' }, { name: 'qa' }], services: [{ cpu: 300 }] }))
    .toEqual(['services[0].cpu: 300 is not a Fargate CPU value; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384']);
});

test('a problem of some environments names them', () => {
  const problems = problemsOf(loose({ environments: [{ name: 'dev' }, { name: 'prod', preset: 'production' }], services: [{ maxCapacity: 1 }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }));
  expect(problems).toEqual(['services[0].maxCapacity: 1 is below the minimum capacity 2; expected at least 2 (environment prod)']);
});

test('a PORT variable that contradicts the container port is refused', () => {
  expect(problemsOf({ services: [{ containerPort: 3000, environment: { PORT: '8080' } }] }))
    .toEqual(['services[0].environment.PORT: "8080" contradicts the service\'s containerPort (3000); remove it, the platform sets it']);
});

test('projen\'s own markers (`__new__` from `projen new`) are not reported as unknown options', () => {
  expect(problemsOf(loose({ __new__: { fqn: 'projen-cdktf-ecs.EcsServiceProject' } }))).toEqual([]);
});
