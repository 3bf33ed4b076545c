import { Testing } from 'cdktf';
import { permissionsBoundaryStatements } from '../../../src/platform/delivery/permissions-boundary';
import { createPlatform } from '../../../src/platform/platform';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';
import { DEPLOYMENTS } from '../support/deployment-configs';
import { bodiesOf, onlyResource, parseJson, statementWithSid, SynthesizedJson, testApp } from '../support/synth';

const config = resolvePlatformConfig({
  name: 'orders',
  defaultReleaseBranch: 'main',
  environments: [{ name: 'dev', account: '111122223333' }],
  terraformState: { bucket: 'orders-terraform-state' },
  staticSite: { sourceDirectory: 'web/dist', buildCommand: 'npm run build --prefix web' },
  deployment: DEPLOYMENTS.codePipelineRolling,
});
const [dev] = createPlatform(testApp(), config);
const pipeline: SynthesizedJson = JSON.parse(Testing.synth(dev.pipeline!));
const project = bodiesOf(pipeline, 'aws_codebuild_project').find((candidate) => candidate.name === 'orders-dev-publish-site')!;
const policy = bodiesOf(pipeline, 'aws_iam_role_policy').find((candidate) => candidate.name === 'publish-site')!.policy;

test('a Publish stage after the deploys runs publish-site:dev with the service stack\'s bucket and distribution', () => {
  const stages = onlyResource(pipeline, 'aws_codepipeline').stage as Array<{ name: string; action: Array<Record<string, any>> }>;
  expect(stages.map((stage) => stage.name)).toEqual(['Source', 'Build', 'Deploy', 'Publish']);
  expect(stages[3].action[0]).toEqual(expect.objectContaining({ name: 'Publish-site', provider: 'CodeBuild', configuration: { ProjectName: expect.any(String) } }));
  expect(parseJson(project.source.buildspec).phases.build.commands)
    .toEqual(['npx projen publish-site:dev --bucket "$SITE_BUCKET" --distribution-id "$SITE_DISTRIBUTION_ID"']);
  const declared = project.environment.environment_variable as Array<{ name: string; value: string }>;
  const variables = Object.fromEntries(declared.map((variable) => [variable.name, variable.value]));
  expect(variables.SITE_BUCKET).toMatch(/terraform_remote_state\.service.*static_site_bucket/);
  expect(variables.SITE_DISTRIBUTION_ID).toMatch(/terraform_remote_state\.service.*static_site_distribution_id/);
});

test('its role may write exactly the site bucket and invalidate exactly its distribution', () => {
  expect(statementWithSid(policy, 'WriteSiteObjects')).toEqual(expect.objectContaining({
    Action: ['s3:PutObject', 's3:DeleteObject'], Resource: expect.stringMatching(/^arn:aws:s3:::\$\{data\.terraform_remote_state\.service.*static_site_bucket\}\/\*$/),
  }));
  expect(statementWithSid(policy, 'InvalidateSite').Resource)
    .toMatch(/^arn:aws:cloudfront::111122223333:distribution\/\$\{data\.terraform_remote_state\.service.*static_site_distribution_id\}$/);
});

test('the permissions boundary lets the pipeline roles run release tasks and invalidate distributions', () => {
  const statements = permissionsBoundaryStatements({ partition: 'aws', region: 'eu-west-1', accountId: '111122223333', resourcePrefix: 'orders-dev' });
  expect(statements[0].Action).toEqual(expect.arrayContaining(['ecs:RunTask', 'ecs:StopTask', 'logs:GetLogEvents']));
  expect(statements.find((statement) => statement.Sid === 'InvalidateDistributions')?.Resource).toBe('arn:aws:cloudfront::111122223333:distribution/*');
});
