import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { EcsCapacityProvider } from '@cdktf/provider-aws/lib/ecs-capacity-provider';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import type { Ec2CapacityConfig } from '../contract/config';
import { serviceTrustPolicy } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link Ec2Capacity}. */
export interface Ec2CapacityProps {
  readonly aws: AwsContext;
  readonly config: Ec2CapacityConfig;
  /** Name of the cluster the instances join. */
  readonly clusterName: string;
  readonly vpcId: string;
  /** Private subnets of the instances. */
  readonly subnetIds: string[];
}

/** SSM parameters AWS publishes with the current ECS-optimized Amazon Linux 2023 AMI. */
const ECS_OPTIMIZED_AMI_PARAMETER = {
  X86_64: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  ARM64: '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
} as const;

/**
 * An Auto Scaling group of ECS-optimized Amazon Linux 2023 instances registered as a capacity
 * provider. The AMI is resolved by EC2 at launch from AWS's public SSM parameter (no data source,
 * so synthesis and plans stay offline); instances require IMDSv2, keep tasks away from the
 * instance metadata, encrypt their root volume and accept no inbound traffic. ECS scales the group
 * and drains instances before they stop; without termination protection a destroy never waits on it.
 */
export class Ec2Capacity extends Construct {
  /** Role of the instances (the ECS agent's identity). */
  public readonly instanceRole: IamRole;
  /** Security group of the instances themselves (tasks have their own). */
  public readonly securityGroup: SecurityGroup;
  /** The launch template. */
  public readonly launchTemplate: LaunchTemplate;
  /** The Auto Scaling group. */
  public readonly autoScalingGroup: AutoscalingGroup;
  /** The capacity provider. */
  public readonly capacityProvider: EcsCapacityProvider;

  constructor(scope: Construct, id: string, props: Ec2CapacityProps) {
    super(scope, id);
    const { config } = props;

    this.instanceRole = this.createInstanceRole(props);
    const instanceProfile = new IamInstanceProfile(this, 'instance_profile', {
      name: this.instanceRole.name,
      role: this.instanceRole.name,
    });

    this.securityGroup = this.createSecurityGroup(props);
    this.launchTemplate = this.createLaunchTemplate(props, instanceProfile);

    this.autoScalingGroup = new AutoscalingGroup(this, 'auto_scaling_group', {
      namePrefix: `${config.name}-`,
      minSize: config.minSize,
      maxSize: config.maxSize,
      vpcZoneIdentifier: props.subnetIds,
      launchTemplate: { id: this.launchTemplate.id, version: '$Latest' },
      healthCheckType: 'EC2',
      healthCheckGracePeriod: 300,
      // Instances still running tasks must not block `terraform destroy`.
      forceDelete: true,
      protectFromScaleIn: false,
      tag: [{ key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true }],
      // ECS managed scaling owns the desired capacity.
      lifecycle: { ignoreChanges: ['desired_capacity'] },
    });

    this.capacityProvider = new EcsCapacityProvider(this, 'capacity_provider', {
      name: config.name,
      autoScalingGroupProvider: {
        autoScalingGroupArn: this.autoScalingGroup.arn,
        managedTerminationProtection: 'DISABLED',
        managedDraining: 'ENABLED',
        managedScaling: {
          status: 'ENABLED',
          targetCapacity: config.targetCapacityPercent,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 10,
        },
      },
    });
  }

  /** The role of the container instances, with the AWS-maintained ECS agent policy. */
  private createInstanceRole(props: Ec2CapacityProps): IamRole {
    const { aws, config } = props;
    const role = new IamRole(this, 'instance_role', {
      name: config.instanceRoleName,
      description: `ECS container instances of ${props.clusterName}`,
      assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com', aws.accountId),
    });
    new IamRolePolicyAttachment(this, 'ecs_agent_policy', {
      role: role.name,
      // The AWS-maintained agent policy follows new ECS agent features; a copy would go stale.
      policyArn: `arn:${aws.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role`,
    });
    return role;
  }

  /** The instances' security group: no inbound traffic, HTTPS out. */
  private createSecurityGroup(props: Ec2CapacityProps): SecurityGroup {
    const { config } = props;
    const securityGroup = new SecurityGroup(this, 'security_group', {
      name: `${config.name}-instances`,
      description: `ECS container instances of ${props.clusterName}: no inbound traffic, HTTPS out`,
      vpcId: props.vpcId,
      tags: { Name: `${config.name}-instances` },
    });
    new VpcSecurityGroupEgressRule(this, 'egress_https', {
      securityGroupId: securityGroup.id,
      description: 'HTTPS to the ECS, ECR and CloudWatch endpoints',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
    return securityGroup;
  }

  /** The launch template: the ECS-optimized image joining the cluster, IMDSv2 only, an encrypted root volume. */
  private createLaunchTemplate(props: Ec2CapacityProps, instanceProfile: IamInstanceProfile): LaunchTemplate {
    const { config } = props;
    return new LaunchTemplate(this, 'launch_template', {
      namePrefix: `${config.name}-`,
      description: `ECS-optimized Amazon Linux 2023 (${config.architecture}) for ${props.clusterName}`,
      imageId: `resolve:ssm:${ECS_OPTIMIZED_AMI_PARAMETER[config.architecture]}`,
      instanceType: config.instanceType,
      iamInstanceProfile: { arn: instanceProfile.arn },
      vpcSecurityGroupIds: [this.securityGroup.id],
      userData: Buffer.from(ecsUserData(props.clusterName)).toString('base64'),
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        // The ECS agent runs in a container, one hop further than the instance.
        httpPutResponseHopLimit: 2,
      },
      blockDeviceMappings: [{
        deviceName: '/dev/xvda',
        ebs: { volumeSize: config.rootVolumeSizeGiB, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
      }],
      monitoring: { enabled: true },
      tagSpecifications: [{ resourceType: 'instance', tags: { Name: config.name } }],
      updateDefaultVersion: true,
    });
  }
}

/** The user data of an instance: the ECS agent's configuration (cluster, no IMDS from tasks, Spot draining). */
function ecsUserData(clusterName: string): string {
  return [
    '#!/bin/bash',
    'cat >> /etc/ecs/ecs.config <<\'CONFIG\'',
    `ECS_CLUSTER=${clusterName}`,
    'ECS_AWSVPC_BLOCK_IMDS=true',
    'ECS_ENABLE_SPOT_INSTANCE_DRAINING=true',
    'CONFIG',
    '',
  ].join('\n');
}
