import { on, PermissionSet } from '../permission-set';

const SQS_TAGS = ['sqs:TagQueue', 'sqs:UntagQueue', 'sqs:ListQueueTags'];
const SNS_TAGS = ['sns:TagResource', 'sns:UntagResource', 'sns:ListTagsForResource'];

/** SQS, SNS, EventBridge Scheduler and Step Functions: the queues, topics and schedules of workers and jobs (hashicorp/aws 5.100.0). */
export const WORKLOAD_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_sqs_queue: {
    read: [on('sqsQueues', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListQueueTags')],
    write: [on('sqsQueues', 'sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:SetQueueAttributes', ...SQS_TAGS)],
  },
  aws_sqs_queue_policy: {
    read: [on('sqsQueues', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl')],
    write: [on('sqsQueues', 'sqs:SetQueueAttributes')],
  },
  aws_sns_topic: {
    read: [on('snsTopics', 'sns:GetTopicAttributes', 'sns:ListTagsForResource', 'sns:GetDataProtectionPolicy')],
    write: [on('snsTopics', 'sns:CreateTopic', 'sns:DeleteTopic', 'sns:SetTopicAttributes', 'sns:PutDataProtectionPolicy', ...SNS_TAGS)],
  },
  aws_sns_topic_subscription: {
    // Subscription ARNs end in a random id; GetSubscriptionAttributes and Unsubscribe are authorized on the topic.
    read: [on('snsTopics', 'sns:GetSubscriptionAttributes', 'sns:ListSubscriptionsByTopic')],
    write: [on('snsTopics', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:SetSubscriptionAttributes', 'sns:ConfirmSubscription')],
  },
  aws_scheduler_schedule: {
    read: [on('schedules', 'scheduler:GetSchedule')],
    write: [on('schedules', 'scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule')],
    passRoleTo: ['scheduler.amazonaws.com'],
  },
  aws_sfn_state_machine: {
    read: [
      on('stateMachines', 'states:DescribeStateMachine', 'states:ListTagsForResource', 'states:ListStateMachineVersions', 'states:ListStateMachineAliases'),
      // hashicorp/aws validates a known definition at plan time (since 5.67); the call is authorized on `stateMachine:*` only.
      on('regional', 'states:ValidateStateMachineDefinition'),
    ],
    write: [
      on('stateMachines', 'states:CreateStateMachine', 'states:UpdateStateMachine', 'states:DeleteStateMachine', 'states:TagResource', 'states:UntagResource'),
      // Logging to CloudWatch Logs is set up through vended log deliveries, which have no resource-level permissions.
      on('regional', 'logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries',
        'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies'),
    ],
    passRoleTo: ['states.amazonaws.com'],
  },
};
