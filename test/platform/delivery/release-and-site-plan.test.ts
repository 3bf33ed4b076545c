import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OfflineTerraform, PlanJson, synthPlatform, writeUpstreamStates } from '../../../src/platform/testing';
import { resolvePlatformConfig } from '../../../src/resolve/resolve';
import { DEPLOYMENTS } from '../support/deployment-configs';

// The pipeline stack with a Release stage and a Publish stage, validated and planned offline by
// Terraform with the real hashicorp/aws provider. Without Terraform this test fails.

const root = mkdtempSync(join(tmpdir(), 'release-site-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let plan: PlanJson;
beforeAll(async () => {
  const config = resolvePlatformConfig({
    name: 'orders',
    defaultReleaseBranch: 'main',
    environments: [{ name: 'dev', account: '111122223333' }],
    terraformState: { bucket: 'orders-terraform-state' },
    services: [{ name: 'orders', release: { command: ['node', 'migrate.js'] } }],
    staticSite: { buildCommand: 'npm run build --prefix site' },
    deployment: DEPLOYMENTS.codePipelineRolling,
  });
  const stacks = synthPlatform(config, root);
  const pipeline = stacks.find((stack) => stack.name === 'dev-pipeline')!;
  writeUpstreamStates(pipeline, stacks, config);
  const terraform = new OfflineTerraform(pipeline.dir);
  await terraform.initAsync();
  ({ plan } = await terraform.validateAndPlanAsync());
});

const planned = (type: string, name: string) => plan.resource_changes
  .filter((change) => change.type === type)
  .map((change) => change.change.after as Record<string, any>)
  .find((after) => after.name === name);

test('the release and publish projects are planned, unprivileged, with their own roles', () => {
  expect(planned('aws_codebuild_project', 'orders-dev-release-tasks')?.environment[0].privileged_mode).toBe(false);
  expect(planned('aws_codebuild_project', 'orders-dev-publish-site')?.environment[0].environment_variable.map((variable: { name: string }) => variable.name))
    .toEqual(['SITE_BUCKET', 'SITE_DISTRIBUTION_ID']);
  expect(planned('aws_iam_role', 'orders-dev-release-tasks')).toBeDefined();
  expect(planned('aws_iam_role', 'orders-dev-publish-site')).toBeDefined();
});

test('the pipeline runs Release before Deploy and Publish after it', () => {
  const pipeline = plan.resource_changes.find((change) => change.type === 'aws_codepipeline')!.change.after as { stage: Array<{ name: string }> };
  expect(pipeline.stage.map((stage) => stage.name)).toEqual(['Source', 'Build', 'Release', 'Deploy', 'Publish']);
});
