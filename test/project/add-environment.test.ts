import { Testing } from 'projen';
import * as YAML from 'yaml';
import { generatedConfig, projectOptions } from './support';
import { EcsServiceProject, EnvironmentPreset } from '../../src';

test('addEnvironment appends an environment to the generated configuration, in deployment order', () => {
  const project = new EcsServiceProject(projectOptions({ loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }));
  project.addEnvironment({ name: 'prod', preset: EnvironmentPreset.PRODUCTION, account: '123456789012' });
  const config = generatedConfig(Testing.synth(project));
  expect(config.environments.map((env) => [env.name, env.preset, env.accountId])).toEqual([
    ['dev', 'development', undefined],
    ['prod', 'production', '123456789012'],
  ]);
});

test('an added environment gets the defaults of its preset', () => {
  const project = new EcsServiceProject(projectOptions({ loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }));
  project.addEnvironment({ name: 'prod', preset: EnvironmentPreset.PRODUCTION });
  const [, prod] = generatedConfig(Testing.synth(project)).environments;
  expect([prod.network.natGateways, prod.services[0].desiredCount, prod.loadBalancer.deletionProtection]).toEqual(['per-az', 2, true]);
});

test('an invalid added environment is rejected at once, naming its position', () => {
  const project = new EcsServiceProject(projectOptions());
  expect(() => project.addEnvironment({ name: 'Prod' })).toThrow('environments[1].name: "Prod" is not allowed');
});

test('a rejected environment leaves the project unchanged', () => {
  const project = new EcsServiceProject(projectOptions());
  expect(() => project.addEnvironment({ name: 'dev' })).toThrow('environments[1].name: "dev" is used by another environment');
  expect(generatedConfig(Testing.synth(project)).environments.map((env) => env.name)).toEqual(['dev']);
});

test('an added environment gets its own deploy job after the others', () => {
  const project = new EcsServiceProject(projectOptions({
    environments: [{ name: 'dev', account: '111122223333' }],
    terraformState: { bucket: 'orders-terraform-state' },
    deployment: { repository: 'acme/orders' },
    loadBalancer: { allowPlainHttp: 'test fixture without TLS' },
  }));
  project.addEnvironment({ name: 'prod', account: '444455556666', preset: EnvironmentPreset.PRODUCTION });
  const deploy = YAML.parse(Testing.synth(project)['.github/workflows/deploy.yml']);
  expect(Object.keys(deploy.jobs).filter((job) => job.startsWith('deploy-'))).toEqual(['deploy-dev', 'deploy-prod']);
  expect(deploy.jobs['deploy-prod'].needs).toEqual('deploy-dev');
});

test('an added environment gets its operations tasks', () => {
  const project = new EcsServiceProject(projectOptions({ loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }));
  project.addEnvironment({ name: 'prod', preset: EnvironmentPreset.PRODUCTION });
  expect(Object.keys(Testing.synth(project)['.projen/tasks.json'].tasks)).toEqual(expect.arrayContaining(['deploy:prod', 'status:prod']));
});
