import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { serviceTrustPolicy } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link MonitoringRole}. */
export interface MonitoringRoleProps {
  readonly aws: AwsContext;
  readonly name: string;
}

/** The role RDS enhanced monitoring publishes OS metrics with (AWS's managed policy, CloudWatch Logs `RDSOSMetrics` only). */
export class MonitoringRole extends Construct {
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: MonitoringRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: 'Lets RDS enhanced monitoring publish OS metrics',
      assumeRolePolicy: serviceTrustPolicy('monitoring.rds.amazonaws.com', props.aws.accountId),
    });
    new IamRolePolicyAttachment(this, 'policy', {
      role: this.role.name,
      policyArn: `arn:${props.aws.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
    });
  }
}
