import { Testing } from 'cdktf';
import { createPlatform } from '../../../src/platform/platform';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';
import { CONNECTION_ARN, DEPLOYMENTS } from '../support/deployment-configs';
import { bodiesOf, onlyResource, parseJson, parsePolicy, statementWithSid, SynthesizedJson, testApp } from '../support/synth';

const config = resolvePlatformConfig({
  name: 'orders',
  defaultReleaseBranch: 'main',
  environments: [{ name: 'dev', account: '111122223333' }],
  terraformState: { bucket: 'orders-terraform-state' },
  services: [{ name: 'web', release: { command: ['node', 'migrate.js'], timeoutSeconds: 1800 } }, { name: 'api', routing: { pathPatterns: ['/api/*'] } }],
  deployment: { ...DEPLOYMENTS.codePipelineRolling, connectionArn: CONNECTION_ARN },
});
const [dev] = createPlatform(testApp(), config);
const pipeline: SynthesizedJson = JSON.parse(Testing.synth(dev.pipeline!));
const releaseProject = bodiesOf(pipeline, 'aws_codebuild_project').find((project) => project.name === 'orders-dev-release-tasks')!;
const releasePolicy = bodiesOf(pipeline, 'aws_iam_role_policy').find((policy) => policy.name === 'run-release-tasks')!.policy;

test('a Release stage runs the release task of web between the builds and the deploys', () => {
  const stages = onlyResource(pipeline, 'aws_codepipeline').stage as Array<{ name: string; action: Array<Record<string, any>> }>;
  expect(stages.map((stage) => stage.name)).toEqual(['Source', 'Build', 'Release', 'Deploy']);
  const [action] = stages[2].action;
  expect(action).toEqual(expect.objectContaining({ name: 'Release-web', provider: 'CodeBuild', input_artifacts: ['source'] }));
  expect(parseJson(action.configuration.EnvironmentVariables)).toEqual([{ name: 'RELEASE_SERVICE', value: 'web', type: 'PLAINTEXT' }]);
});

test('the release project runs release-task:dev for the named service, unprivileged, within the task\'s timeout', () => {
  expect(parseJson(releaseProject.source.buildspec).phases.build.commands).toEqual(['npx projen release-task:dev --service "$RELEASE_SERVICE"']);
  expect(releaseProject.environment.privileged_mode).toBe(false);
  expect(releaseProject.build_timeout).toBe(45);
});

test('its role may run exactly web\'s task definition family, in the environment\'s cluster', () => {
  expect(statementWithSid(releasePolicy, 'RunReleaseTasks')).toEqual({
    Sid: 'RunReleaseTasks',
    Effect: 'Allow',
    Action: 'ecs:RunTask',
    Resource: ['arn:aws:ecs:us-east-1:111122223333:task-definition/orders-dev-web:*'],
    Condition: { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:us-east-1:111122223333:cluster/orders-dev' } },
  });
});

test('its role may pass exactly web\'s execution and task roles, to ECS tasks only', () => {
  const web = config.environments[0].services.find((service) => service.name === 'web')!;
  expect(statementWithSid(releasePolicy, 'PassTaskRoles')).toEqual(expect.objectContaining({
    Action: 'iam:PassRole',
    Resource: [`arn:aws:iam::111122223333:role/${web.executionRoleName}`, `arn:aws:iam::111122223333:role/${web.taskRoleName}`],
    Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
  }));
  expect(parsePolicy(releasePolicy).Statement.flatMap((statement) => [statement.Action].flat())).not.toContain('ecs:UpdateService');
});

test('the pipeline may start the release builds', () => {
  const pipelinePolicy = bodiesOf(pipeline, 'aws_iam_role_policy').find((policy) => policy.name === 'run-pipeline')!.policy;
  expect(statementWithSid(pipelinePolicy, 'RunBuilds').Resource).toHaveLength(3);
});
