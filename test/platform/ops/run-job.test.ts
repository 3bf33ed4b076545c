import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { testContext } from './support';
import { runTask } from '../../../src/platform/ops/commands/run-task';
import { configOf } from '../support/configs';

const ecs = mockClient(ECSClient);
const logsClient = mockClient(CloudWatchLogsClient);
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/orders-dev/fedcba9876543210';
const CONFIG = configOf({
  environments: [{ name: 'dev', account: '111122223333' }],
  services: [{ name: 'orders' }],
  jobs: [{ name: 'nightly', schedule: 'cron(0 3 * * ? *)', command: ['node', 'nightly.js'] }],
});
const NETWORKS = { job_networks: { nightly: { subnets: ['subnet-a', 'subnet-b'], security_groups: ['sg-job'] } } };

function jobContext() {
  const { context, output, terraform } = testContext(CONFIG);
  terraform.stackOutputs = NETWORKS;
  return { context, output };
}

beforeEach(() => {
  ecs.reset();
  logsClient.reset();
  ecs.on(ListTasksCommand).resolves({ taskArns: [] });
  ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }] });
  ecs.on(DescribeTasksCommand)
    .resolvesOnce({ tasks: [{ taskArn: TASK, lastStatus: 'PENDING' }] })
    .resolves({ tasks: [{ taskArn: TASK, lastStatus: 'STOPPED', containers: [{ name: 'nightly', exitCode: 0 }] }] });
  logsClient.on(GetLogEventsCommand).resolves({ events: [{ message: 'report sent' }] });
});

test('starts the job\'s latest task definition in its subnets and security group, placed like its schedule, with its own command', async () => {
  await runTask(jobContext().context, { job: 'nightly' });
  expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input).toEqual({
    cluster: 'orders-dev',
    taskDefinition: 'orders-dev-nightly',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-job'], assignPublicIp: 'DISABLED' } },
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 }, { capacityProvider: 'FARGATE', base: 0, weight: 1 }],
    startedBy: 'run-task',
    enableExecuteCommand: false,
    propagateTags: 'TASK_DEFINITION',
  });
});

test('waits for the exit code and prints the job\'s log lines', async () => {
  const { context, output } = jobContext();
  expect(await runTask(context, { job: 'nightly' })).toBe(0);
  expect(logsClient.commandCalls(GetLogEventsCommand)[0].args[0].input.logStreamName).toBe('nightly/nightly/fedcba9876543210');
  expect(output.lines).toEqual(expect.arrayContaining(['  report sent', 'Task fedcba9876543210 exited with 0']));
});

test('replaces the job\'s command when one is given', async () => {
  await runTask(jobContext().context, { job: 'nightly', command: 'node nightly.js --dry-run' });
  expect(ecs.commandCalls(RunTaskCommand)[0].args[0].input.overrides).toEqual({
    containerOverrides: [{ name: 'nightly', command: ['node', 'nightly.js', '--dry-run'] }],
  });
});

test('refuses while a run of the job still runs, as the schedule would', async () => {
  ecs.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:111122223333:task/orders-dev/0011223344'] });
  await expect(runTask(jobContext().context, { job: 'nightly' })).rejects.toThrow('a run of nightly is still running (task 0011223344)');
  expect(ecs.commandCalls(ListTasksCommand)[0].args[0].input).toEqual({ cluster: 'orders-dev', family: 'orders-dev-nightly', desiredStatus: 'RUNNING' });
  expect(ecs.commandCalls(RunTaskCommand)).toEqual([]);
});

test('names the jobs when the job is unknown', async () => {
  await expect(runTask(jobContext().context, { job: 'weekly' })).rejects.toThrow('no job "weekly" in dev; expected one of nightly');
});

test('asks for a deploy when the service stack has no network for the job', async () => {
  const { context, terraform } = testContext(CONFIG);
  terraform.stackOutputs = {};
  await expect(runTask(context, { job: 'nightly' })).rejects.toThrow('deploy it first (npx projen deploy:dev)');
});
