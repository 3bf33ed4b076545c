import { FilterLogEventsCommand, CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeImagesCommand, ECRClient, ImageNotFoundException } from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { OPS_CONFIG, taskDefinitionArn, testContext } from './support';
import { EnvironmentPreset } from '../../../src/options';
import { destroy } from '../../../src/platform/ops/commands/destroy';
import { exec } from '../../../src/platform/ops/commands/exec';
import { logs, parseSince } from '../../../src/platform/ops/commands/logs';
import { rollback } from '../../../src/platform/ops/commands/rollback';
import { runTask, splitCommand } from '../../../src/platform/ops/commands/run-task';
import { imageExists } from '../../../src/platform/ops/images';
import { configOf } from '../support/configs';

const ecs = mockClient(ECSClient);
const ecr = mockClient(ECRClient);
const logsClient = mockClient(CloudWatchLogsClient);
const sts = mockClient(STSClient);
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/orders-dev/0123456789abcdef';

beforeEach(() => {
  ecs.reset();
  ecr.reset();
  logsClient.reset();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/dev/me' });
});

describe('destroy', () => {
  test('refuses without --yes when there is no terminal to ask', async () => {
    const { context, terraform } = testContext();
    jest.spyOn(context, 'stacks').mockReturnValue(['dev-network']);
    await expect(destroy(context, { yes: false })).rejects.toThrow('pass --yes to confirm');
    expect(terraform.calls).toEqual([]);
  });

  test('destroys the stacks in reverse deployment order', async () => {
    const { context, terraform } = testContext();
    jest.spyOn(context, 'stacks').mockReturnValue(['dev-network', 'dev-cluster', 'dev-service']);
    await destroy(context, { yes: true });
    expect(terraform.calls).toEqual(['destroy dev-service', 'destroy dev-cluster', 'destroy dev-network']);
  });

  test('refuses while the load balancer has deletion protection', async () => {
    const production = configOf({ environments: [{ name: 'prod', account: '111122223333', preset: EnvironmentPreset.PRODUCTION }], services: [{ name: 'orders' }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } });
    const { context } = testContext(production, 'prod');
    await expect(destroy(context, { yes: true })).rejects.toThrow('prod has deletion protection on: set deletionProtection: false for prod');
  });

  test('a wrong typed confirmation destroys nothing', async () => {
    const { context, terraform } = testContext();
    jest.spyOn(context, 'stacks').mockReturnValue(['dev-network']);
    await expect(destroy(context, { confirm: async () => 'prod' })).rejects.toThrow('not confirmed');
    expect(terraform.calls).toEqual([]);
  });
});

describe('exec', () => {
  test('refuses where ECS Exec is off, naming the option', async () => {
    const off = configOf({ environments: [{ name: 'dev', executeCommand: false }], services: [{ name: 'orders' }] });
    await expect(exec(testContext(off).context, {})).rejects.toThrow('ECS Exec is off in dev: set executeCommand: true for dev');
  });

  test('refuses when the service has no running task', async () => {
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    await expect(exec(testContext().context, {})).rejects.toThrow('orders has no running task');
  });
});

describe('logs', () => {
  test('reads the service\'s streams from the start time, filtered', async () => {
    logsClient.on(FilterLogEventsCommand).resolves({ events: [{ eventId: '1', timestamp: 0, logStreamName: 'orders/orders/0123456789abcdef', message: 'listening on 8080\n' }] });
    const { context, output } = testContext();
    await logs(context, { service: 'orders', since: '1h', filter: 'ERROR', now: 7_200_000 });
    expect(logsClient.commandCalls(FilterLogEventsCommand)[0].args[0].input).toEqual(expect.objectContaining({
      logGroupName: '/ecs/orders-dev', startTime: 3_600_000, logStreamNamePrefix: 'orders/', filterPattern: 'ERROR',
    }));
    expect(output.lines).toEqual(['1970-01-01T00:00:00.000Z orders/01234567 listening on 8080']);
  });

  test('--follow prints each event once', async () => {
    logsClient.on(FilterLogEventsCommand).resolves({ events: [{ eventId: '1', timestamp: 5, logStreamName: 'orders/orders/abc', message: 'once' }] });
    const { context, output } = testContext();
    await logs(context, { follow: true, maxPolls: 3, now: 10 });
    expect(logsClient.commandCalls(FilterLogEventsCommand)).toHaveLength(3);
    expect(output.lines).toHaveLength(1);
  });

  test('--since takes durations and times, and rejects anything else', () => {
    expect(parseSince('15m', 1_000_000)).toBe(100_000);
    expect(parseSince('2026-01-31T12:00:00Z', 0)).toBe(Date.UTC(2026, 0, 31, 12));
    expect(() => parseSince('yesterday', 0)).toThrow('--since "yesterday" is not a duration or a time');
  });
});

describe('run-task', () => {
  const networkConfiguration = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' as const } };

  beforeEach(() => {
    ecs.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'orders', status: 'ACTIVE', taskDefinition: taskDefinitionArn(3), networkConfiguration, launchType: 'FARGATE' }] });
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }] });
    ecs.on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [{ taskArn: TASK, lastStatus: 'RUNNING' }] })
      .resolves({ tasks: [{ taskArn: TASK, lastStatus: 'STOPPED', containers: [{ name: 'orders', exitCode: 3 }] }] });
    logsClient.on(GetLogEventsCommand).resolves({ events: [{ message: 'migrating' }] });
  });

  test('runs the service\'s task definition in its network with the command replaced', async () => {
    await runTask(testContext().context, { command: 'node migrate.js --to "v 2"' });
    expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input).toEqual(expect.objectContaining({
      cluster: 'orders-dev',
      taskDefinition: taskDefinitionArn(3),
      networkConfiguration,
      overrides: { containerOverrides: [{ name: 'orders', command: ['node', 'migrate.js', '--to', 'v 2'] }] },
    }));
  });

  test('returns the container\'s exit code and prints its log lines', async () => {
    const { context, output } = testContext();
    expect(await runTask(context, { command: 'false' })).toBe(3);
    expect(logsClient.commandCalls(GetLogEventsCommand)[0].args[0].input.logStreamName).toBe('orders/orders/0123456789abcdef');
    expect(output.lines).toEqual(expect.arrayContaining(['  migrating', 'Task 0123456789abcdef exited with 3']));
  });

  test('splits a command line like a shell', () => {
    expect(splitCommand('sh -c \'echo "hi"\' "a \\"b\\""')).toEqual(['sh', '-c', 'echo "hi"', 'a "b"']);
  });
});

describe('rollback', () => {
  beforeEach(() => {
    ecs.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'orders', status: 'ACTIVE', taskDefinition: taskDefinitionArn(2), deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: taskDefinitionArn(2) }] }] });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'orders', image: 'registry/orders-dev/orders:v3' }] } });
    ecr.on(DescribeImagesCommand).resolves({
      imageDetails: [
        { imageTags: ['v1'], imagePushedAt: new Date(1) },
        { imageTags: ['v3'], imagePushedAt: new Date(3) },
        { imageTags: ['v2'], imagePushedAt: new Date(2) },
      ],
    });
  });

  test('redeploys the image pushed before the running one, without building', async () => {
    const { context, terraform } = testContext();
    jest.spyOn(context, 'stacks').mockReturnValue(['dev-network', 'dev-cluster', 'dev-service']);
    // The rollout then sees v3 (the mocked task definition) and fails: what matters is what was applied.
    await expect(rollback(context, { pollSeconds: 1, timeoutMinutes: 0 })).rejects.toThrow();
    expect(terraform.calls).toContain('apply dev-service {"image_tag":"v2"}');
  });

  test('refuses to roll back to the running image', async () => {
    await expect(rollback(testContext().context, { to: 'v3' })).rejects.toThrow('orders runs v3 already');
  });
});

test('an image tag ECR does not know is missing, not an error', async () => {
  ecr.on(DescribeImagesCommand).rejects(new ImageNotFoundException({ message: 'not found', $metadata: {} }));
  expect(await imageExists(testContext().context, 'orders-dev/orders', 'abc')).toBe(false);
});

test('credentials of another account stop the deploy before anything changes', async () => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: '999999999999', Arn: 'arn:aws:sts::999999999999:assumed-role/x/y' });
  await expect(testContext(OPS_CONFIG).context.aws.accountId('111122223333')).rejects.toThrow('the AWS credentials are for account 999999999999');
});

