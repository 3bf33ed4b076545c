import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { policyDocument, serviceTrustPolicy } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';
import { LogEncryptionKey } from '../core/log-encryption-key';

/** Properties of {@link VpcFlowLogs}. */
export interface VpcFlowLogsProps {
  /** Provider, partition, region and account of the stack. */
  readonly aws: AwsContext;
  /** The VPC whose traffic is logged. */
  readonly vpcId: string;
  /** Name of the log group to create. */
  readonly logGroupName: string;
  /** Retention of the log group, days. */
  readonly retentionDays: number;
  /** Prefix of the role and key alias names. */
  readonly namePrefix: string;
  /** Deletion window of the log key, days. */
  readonly keyDeletionWindowDays: number;
}

/**
 * Flow logs of all VPC traffic (accepted and rejected) into a CloudWatch log group encrypted with
 * its own KMS key, written by a role that can do nothing but write to that log group.
 */
export class VpcFlowLogs extends Construct {
  /** KMS key of the log group. */
  public readonly encryptionKey: LogEncryptionKey;
  /** The log group. */
  public readonly logGroup: CloudwatchLogGroup;
  /** Role the flow log service assumes to write. */
  public readonly role: IamRole;
  /** Inline policy of {@link role}. */
  public readonly rolePolicy: IamRolePolicy;
  /** The flow log. */
  public readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { aws } = props;
    const logGroupArn = aws.logGroupArn(props.logGroupName);

    this.encryptionKey = new LogEncryptionKey(this, 'encryption_key', {
      aws,
      description: `Encrypts the VPC flow logs of ${props.namePrefix}`,
      logGroupArns: [logGroupArn],
      alias: `${props.namePrefix}-flow-logs`,
      deletionWindowDays: props.keyDeletionWindowDays,
    });
    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: this.encryptionKey.key.arn,
    });
    this.role = new IamRole(this, 'role', {
      name: `${props.namePrefix}-flow-logs`,
      description: `Lets VPC Flow Logs write to ${props.logGroupName}`,
      assumeRolePolicy: serviceTrustPolicy(
        'vpc-flow-logs.amazonaws.com',
        aws.accountId,
        aws.arn('ec2', 'vpc-flow-log/*'),
      ),
    });
    this.rolePolicy = new IamRolePolicy(this, 'role_policy', {
      name: 'write-flow-logs',
      role: this.role.id,
      policy: policyDocument([
        {
          Sid: 'WriteToTheFlowLogGroupOnly',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: [logGroupArn, `${logGroupArn}:*`],
        },
      ]),
    });
    this.flowLog = new FlowLog(this, 'flow_log', {
      vpcId: props.vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: this.role.arn,
      dependsOn: [this.rolePolicy],
    });
  }
}
