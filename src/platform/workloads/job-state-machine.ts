import type { JobConfig } from '../contract/workloads';

/** Where the job's task runs. */
export interface JobRunTarget {
  readonly partition: string;
  readonly clusterArn: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly capacityProviderStrategy: Array<{ capacityProvider: string; base?: number; weight?: number }>;
}

/**
 * The Amazon States Language definition of a job run: unless overlaps are allowed, list the
 * running tasks of the job's family and end (succeeded, skipped) when one still runs; otherwise
 * run the task on the family's latest revision and wait for it (`ecs:runTask.sync`, stopped by
 * Step Functions on timeout), then fail the execution unless the container exited with 0.
 * Returned as an object: the caller encodes it with Terraform's `jsonencode`, which resolves the
 * subnet and security group references.
 */
export function jobDefinition(job: JobConfig, target: JobRunTarget): Record<string, unknown> {
  const states: Record<string, unknown> = {
    CheckPreviousRun: {
      Type: 'Task',
      Comment: 'Do not overlap: is a task of this job still running?',
      Resource: `arn:${target.partition}:states:::aws-sdk:ecs:listTasks`,
      Parameters: { Cluster: target.clusterArn, Family: job.family, DesiredStatus: 'RUNNING' },
      ResultSelector: { 'running.$': 'States.ArrayLength($.TaskArns)' },
      ResultPath: '$.previous',
      Next: 'PreviousRunStillRunning',
    },
    PreviousRunStillRunning: {
      Type: 'Choice',
      Choices: [{ Variable: '$.previous.running', NumericGreaterThan: 0, Next: 'SkippedPreviousRunStillRunning' }],
      Default: 'RunTask',
    },
    SkippedPreviousRunStillRunning: { Type: 'Succeed', Comment: 'The previous run still runs; this one is skipped.' },
    RunTask: {
      Type: 'Task',
      Resource: `arn:${target.partition}:states:::ecs:runTask.sync`,
      TimeoutSeconds: job.timeoutSeconds,
      Parameters: {
        Cluster: target.clusterArn,
        TaskDefinition: job.family,
        CapacityProviderStrategy: target.capacityProviderStrategy.map((item) => ({
          CapacityProvider: item.capacityProvider, Base: item.base ?? 0, Weight: item.weight ?? 1,
        })),
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: target.subnetIds, SecurityGroups: target.securityGroupIds, AssignPublicIp: 'DISABLED' } },
        PropagateTags: 'TASK_DEFINITION',
        EnableECSManagedTags: true,
        StartedBy: 'schedule',
      },
      // No exit code (the container never ran) fails the execution as a runtime error: a failed run too.
      ResultSelector: { 'exitCode.$': '$.Containers[0].ExitCode' },
      ResultPath: '$.run',
      Next: 'ExitedWithZero',
    },
    ExitedWithZero: {
      Type: 'Choice',
      Choices: [{ Variable: '$.run.exitCode', NumericEquals: 0, Next: 'Succeeded' }],
      Default: 'Failed',
    },
    Succeeded: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'JobFailed', Cause: `The container of ${job.name} exited with a non-zero code` },
  };
  if (job.allowOverlap) {
    delete states.CheckPreviousRun;
    delete states.PreviousRunStillRunning;
    delete states.SkippedPreviousRunStillRunning;
  }
  return {
    Comment: `Runs the job ${job.family} (${job.schedule}, ${job.timezone})`,
    StartAt: job.allowOverlap ? 'RunTask' : 'CheckPreviousRun',
    States: states,
  };
}
