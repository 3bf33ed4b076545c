import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Aspects, IAspect } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { PermissionsBoundaryConfig } from '../contract/deployment-config';
import type { AwsContext } from '../core/aws-context';

/** ARN of a permissions boundary policy: the resolved one, or built from the stack's account. */
export function permissionsBoundaryArn(aws: AwsContext, boundary: PermissionsBoundaryConfig): string {
  return boundary.arn ?? aws.arn('iam', `policy${boundary.path}${boundary.policyName}`, { global: true });
}

/** Sets the permissions boundary on every IAM role of a scope that has none. */
class PermissionsBoundaryAspect implements IAspect {
  constructor(private readonly boundaryArn: string) {}

  public visit(node: IConstruct): void {
    if (node instanceof IamRole && node.permissionsBoundaryInput === undefined) {
      node.permissionsBoundary = this.boundaryArn;
    }
  }
}

/**
 * Puts the environment's permissions boundary on every IAM role created in `scope` (at synth,
 * so roles added later, escape hatches included, get it too). The deploy role may create roles
 * only with this boundary; a role without it would fail at apply time.
 */
export function applyPermissionsBoundary(scope: Construct, aws: AwsContext, boundary: PermissionsBoundaryConfig | undefined): void {
  if (boundary !== undefined) {
    Aspects.of(scope).add(new PermissionsBoundaryAspect(permissionsBoundaryArn(aws, boundary)));
  }
}
