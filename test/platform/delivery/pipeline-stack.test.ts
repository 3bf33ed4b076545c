import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OfflineTerraform, PlanJson, ResourceChange, SynthesizedStack, synthPlatform, writeUpstreamStates } from '../../../src/platform/testing';
import { deploymentConfig, DEPLOYMENTS } from '../support/deployment-configs';

// The pipeline stacks (and the blue/green service stack CodeDeploy deploys) are planned offline by
// Terraform with the real hashicorp/aws provider. Without Terraform these tests fail.

const root = mkdtempSync(join(tmpdir(), 'pipeline-stack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Planned {
  readonly stacks: SynthesizedStack[];
  readonly plans: Record<string, PlanJson>;
}

async function planStacks(name: string, deployment: typeof DEPLOYMENTS[keyof typeof DEPLOYMENTS], only: string[]): Promise<Planned> {
  const config = deploymentConfig(deployment);
  const stacks = synthPlatform(config, join(root, name));
  const plans: Record<string, PlanJson> = {};
  for (const stack of stacks.filter((candidate) => only.includes(candidate.name))) {
    writeUpstreamStates(stack, stacks, config);
    const terraform = new OfflineTerraform(stack.dir);
    await terraform.initAsync();
    plans[stack.name] = (await terraform.validateAndPlanAsync()).plan;
  }
  return { stacks, plans };
}

function changesOf(plan: PlanJson, type: string): ResourceChange[] {
  return plan.resource_changes.filter((change) => change.type === type);
}

function after(plan: PlanJson, type: string): Record<string, any> {
  const changes = changesOf(plan, type);
  if (changes.length !== 1) {
    throw new Error(`expected one ${type}, found ${changes.length}`);
  }
  return changes[0].change.after as Record<string, any>;
}

let blueGreen: Planned;
let rolling: Planned;
beforeAll(async () => {
  [blueGreen, rolling] = await Promise.all([
    planStacks('blue-green', DEPLOYMENTS.codePipelineBlueGreen, ['dev-service', 'dev-pipeline', 'prod-pipeline']),
    planStacks('rolling', DEPLOYMENTS.codePipelineRolling, ['dev-pipeline']),
  ]);
}, 15 * 60_000);

describe('stack order', () => {
  test('each environment gets a pipeline stack, deployed after its service stack', () => {
    const names = blueGreen.stacks.map((stack) => stack.name);
    expect(names.indexOf('dev-pipeline')).toBeGreaterThan(names.indexOf('dev-service'));
    expect(blueGreen.stacks.find((stack) => stack.name === 'dev-pipeline')!.dependencies).toEqual(expect.arrayContaining(['dev-cluster', 'dev-service']));
    expect(names).toEqual(expect.arrayContaining(['prod-pipeline']));
  });

  test('without the CodePipeline option there is no pipeline stack', () => {
    const stacks = synthPlatform(deploymentConfig(DEPLOYMENTS.githubRolling), join(root, 'github'));
    expect(stacks.map((stack) => stack.name).filter((name) => name.endsWith('-pipeline'))).toEqual([]);
  });
});

describe('the plans', () => {
  test('only create resources', () => {
    for (const plan of [...Object.values(blueGreen.plans), ...Object.values(rolling.plans)]) {
      expect([...new Set(plan.resource_changes.filter((change) => change.mode === 'managed').flatMap((change) => change.change.actions))]).toEqual(['create']);
    }
  });
});

describe('CodePipeline', () => {
  test('is a V2 pipeline triggered by pushes to the release branch through the CodeConnections source', () => {
    const pipeline = after(blueGreen.plans['dev-pipeline'], 'aws_codepipeline');
    expect(pipeline.pipeline_type).toBe('V2');
    expect(pipeline.trigger).toEqual([expect.objectContaining({
      provider_type: 'CodeStarSourceConnection',
      git_configuration: [expect.objectContaining({ source_action_name: 'Source', push: [expect.objectContaining({ branches: [{ includes: ['main'], excludes: null }] })] })],
    })]);
    const source = pipeline.stage[0].action[0];
    expect(source).toEqual(expect.objectContaining({ provider: 'CodeStarSourceConnection' }));
    expect(source.configuration).toEqual(expect.objectContaining({ FullRepositoryId: 'acme/orders', BranchName: 'main' }));
  });

  test('stores artifacts KMS-encrypted', () => {
    const pipeline = after(blueGreen.plans['dev-pipeline'], 'aws_codepipeline');
    expect(pipeline.artifact_store[0].encryption_key).toEqual([expect.objectContaining({ type: 'KMS' })]);
    const encryption = after(blueGreen.plans['dev-pipeline'], 'aws_s3_bucket_server_side_encryption_configuration');
    expect(encryption.rule[0].apply_server_side_encryption_by_default[0].sse_algorithm).toBe('aws:kms');
    expect(after(blueGreen.plans['dev-pipeline'], 'aws_s3_bucket_public_access_block')).toEqual(expect.objectContaining({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    }));
  });

  test('prod waits for a manual approval before deploying; dev does not', () => {
    const stages = (plan: PlanJson) => after(plan, 'aws_codepipeline').stage.map((stage: any) => stage.name);
    expect(stages(blueGreen.plans['dev-pipeline'])).toEqual(['Source', 'Build', 'Deploy']);
    expect(stages(blueGreen.plans['prod-pipeline'])).toEqual(['Source', 'Build', 'Approve', 'Deploy']);
  });

  test('blue/green deploys through CodeDeployToECS with the build\'s task definition, AppSpec and image', () => {
    const deploy = after(blueGreen.plans['dev-pipeline'], 'aws_codepipeline').stage.at(-1);
    expect(deploy.on_failure).toEqual([expect.objectContaining({ result: 'ROLLBACK' })]);
    expect(deploy.action[0]).toEqual(expect.objectContaining({ provider: 'CodeDeployToECS' }));
    expect(deploy.action[0].configuration).toEqual(expect.objectContaining({
      ApplicationName: 'orders-dev',
      DeploymentGroupName: 'orders-dev-orders',
      TaskDefinitionTemplatePath: 'taskdef.json',
      AppSpecTemplatePath: 'appspec.yaml',
      Image1ContainerName: 'IMAGE1_NAME',
    }));
  });

  test('rolling deploys with the ECS action from imagedefinitions.json', () => {
    const deploy = after(rolling.plans['dev-pipeline'], 'aws_codepipeline').stage.at(-1);
    expect(deploy.action[0]).toEqual(expect.objectContaining({ provider: 'ECS' }));
    expect(deploy.action[0].configuration).toEqual(expect.objectContaining({ ClusterName: 'orders-dev', ServiceName: 'orders', FileName: 'imagedefinitions.json' }));
  });
});

describe('CodeBuild', () => {
  test('builds in privileged mode (docker) with logs in a KMS-encrypted group', () => {
    const project = after(blueGreen.plans['dev-pipeline'], 'aws_codebuild_project');
    expect(project.environment[0].privileged_mode).toBe(true);
    expect(project.logs_config[0].cloudwatch_logs[0].status).toBe('ENABLED');
    expect(after(blueGreen.plans['dev-pipeline'], 'aws_cloudwatch_log_group').name).toBe('/codebuild/orders-dev');
  });

  test('the blue/green buildspec runs the push-image task and keeps imageDetail.json, the task definition template and appspec.yaml', () => {
    const buildspec = JSON.parse(after(blueGreen.plans['dev-pipeline'], 'aws_codebuild_project').source[0].buildspec);
    expect(buildspec.artifacts.files).toEqual(['imageDetail.json', 'taskdef.json', 'appspec.yaml']);
    expect(buildspec.phases.build.commands).toEqual(['npx projen push-image:dev --service orders --pipeline-artifacts']);
  });

  test('the rolling buildspec writes imagedefinitions.json', () => {
    const buildspec = JSON.parse(after(rolling.plans['dev-pipeline'], 'aws_codebuild_project').source[0].buildspec);
    expect(buildspec.artifacts.files).toEqual(['imagedefinitions.json']);
  });
});

describe('CodeDeploy in the service stack plan', () => {
  test('the deployment group pairs the blue and green target groups behind the production and test listeners', () => {
    const group = after(blueGreen.plans['dev-service'], 'aws_codedeploy_deployment_group');
    expect(group.deployment_style).toEqual([{ deployment_option: 'WITH_TRAFFIC_CONTROL', deployment_type: 'BLUE_GREEN' }]);
    expect(group.auto_rollback_configuration).toEqual([{ enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] }]);
    expect(group.alarm_configuration[0].alarms).toEqual(expect.arrayContaining(['orders-dev-orders-blue-5xx', 'orders-dev-orders-green-5xx']));
    expect(group.blue_green_deployment_config[0].terminate_blue_instances_on_deployment_success).toEqual([{ action: 'TERMINATE', termination_wait_time_in_minutes: 5 }]);
    const pair = group.load_balancer_info[0].target_group_pair_info[0];
    expect(pair.target_group.map((targetGroup: any) => targetGroup.name)).toEqual(['orders-dev-orders', 'orders-dev-orders-green']);
    expect(pair.prod_traffic_route).toHaveLength(1);
    expect(pair.test_traffic_route).toHaveLength(1);
  });

  test('the ECS service is deployed by CodeDeploy', () => {
    expect(after(blueGreen.plans['dev-service'], 'aws_ecs_service').deployment_controller).toEqual([{ type: 'CODE_DEPLOY' }]);
  });
});
