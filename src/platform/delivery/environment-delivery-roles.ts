import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { deployGuardrails } from './deploy-guardrails';
import { EnvironmentScopes } from './environment-scopes';
import { branchSubject, environmentSubject, GitHubSubjects, githubTrustConditions, PULL_REQUEST_SUBJECT } from './github-oidc';
import { OPERATIONS_PERMISSIONS, SITE_PUBLISHING_PERMISSIONS } from './operations-permissions';
import { permissionsBoundaryStatements } from './permissions-boundary';
import { permissionsBoundaryArn } from './permissions-boundary-aspect';
import { ATTACHED_POLICIES_MAX, INLINE_POLICIES_MAX_CHARACTERS, packStatements, renderedPolicyLength } from './policy-size';
import { permissionsOfResourceTypes } from './resource-types';
import { scopedStatements } from './scoped-statements';
import { StateLocation, stateStatements } from './state-access';
import type { EnvironmentConfig } from '../contract/config';
import type { DeliveryRolesConfig, DeploymentConfig, GitHubTrustConfig } from '../contract/deployment-config';
import { resourcePrefix, toIdentifier } from '../contract/naming';
import { policyDocument, PolicyStatement } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link EnvironmentDeliveryRoles}. */
export interface EnvironmentDeliveryRolesProps {
  readonly aws: AwsContext;
  readonly project: string;
  readonly environment: EnvironmentConfig;
  readonly deployment: DeploymentConfig;
  readonly github: GitHubTrustConfig;
  readonly roles: DeliveryRolesConfig;
  /** ARN of the GitHub OIDC provider. */
  readonly oidcProviderArn: string;
  /** The Terraform resource types of the environment's stacks. */
  readonly resourceTypes: string[];
  /** The environment's state, when it is kept in S3. */
  readonly state?: StateLocation;
}

/** One role's policies: managed (split to fit IAM's size limit) and inline. */
export interface RolePolicies {
  readonly managed: IamPolicy[];
  readonly inline?: IamRolePolicy;
}

/**
 * The delivery identity of one environment, derived from the resource types its stacks contain:
 *
 * - the permissions boundary every role of the environment's stacks carries;
 * - the deploy role: manages exactly those resource types, scoped to the environment's names,
 *   runs the operations commands, writes the environment's state; it creates roles only with the
 *   boundary and can change neither delivery roles nor delivery policies;
 * - the plan role: reads the same resources and the environment's state, nothing else.
 */
export class EnvironmentDeliveryRoles extends Construct {
  /** The permissions boundary of the environment's workload roles. */
  public readonly boundary: IamPolicy;
  /** Assumed by deploy jobs in the environment's GitHub Environment. */
  public readonly deployRole: IamRole;
  /** The deploy role's policies. */
  public readonly deployPolicies: RolePolicies;
  /** Assumed by pull request plans and plans on the release branch. */
  public readonly planRole: IamRole;
  /** The plan role's policies. */
  public readonly planPolicies: RolePolicies;

  constructor(scope: Construct, id: string, props: EnvironmentDeliveryRolesProps) {
    super(scope, id);
    const { aws, environment, roles, github, deployment } = props;
    const prefix = resourcePrefix(props.project, environment);
    const accountId = environment.accountId ?? aws.accountId;
    const boundaryArn = permissionsBoundaryArn(aws, roles.permissionsBoundary);
    const scopes = new EnvironmentScopes({ project: props.project, environment, deployment, accountId, permissionsBoundaryArn: boundaryArn });
    const resourcePermissions = permissionsOfResourceTypes(props.resourceTypes);

    this.boundary = new IamPolicy(this, 'boundary', {
      name: roles.permissionsBoundary.policyName,
      path: roles.permissionsBoundary.path,
      description: `Permissions boundary of every role ${roles.deployRoleName} creates in ${environment.name}`,
      policy: policyDocument(permissionsBoundaryStatements({
        partition: environment.partition, region: environment.region, accountId, resourcePrefix: prefix,
      })),
    });

    const trust = (subjects: GitHubSubjects) => githubTrustPolicy(props.oidcProviderArn, github, subjects);
    const releaseBranch = deployment.releaseBranch;
    this.deployRole = new IamRole(this, 'deploy_role', {
      name: roles.deployRoleName,
      path: roles.rolePath,
      description: `GitHub Actions deployments of ${props.project} to ${environment.name} (${github.repository}, environment ${environment.name}`
        + `${environment.deployment.requireApproval ? `, branch ${releaseBranch}` : ''})`,
      assumeRolePolicy: trust(deploySubjects(environment.deployment.requireApproval, environment.name, releaseBranch)),
      maxSessionDuration: 3600,
    });
    const iamPaths = {
      deliveryRoles: aws.arn('iam', `role${roles.rolePath}*`, { global: true }),
      deliveryPolicies: aws.arn('iam', `policy${roles.rolePath}*`, { global: true }),
    };
    this.deployPolicies = this.attachPolicies(this.deployRole, `${prefix}-deploy`, {
      managed: scopedStatements([...resourcePermissions, OPERATIONS_PERMISSIONS, ...(environment.staticSite ? [SITE_PUBLISHING_PERMISSIONS] : [])], scopes, 'read-write'),
      inline: [...deployGuardrails(iamPaths), ...(props.state ? stateStatements(props.state, 'deploy') : [])],
      inlineName: 'guardrails-and-state',
    });

    this.planRole = new IamRole(this, 'plan_role', {
      name: roles.planRoleName,
      path: roles.rolePath,
      description: `Read-only Terraform plans of ${props.project} in ${environment.name} from pull requests and the ${releaseBranch} branch of ${github.repository}`,
      assumeRolePolicy: trust({ exact: [branchSubject(releaseBranch)], patterns: [PULL_REQUEST_SUBJECT] }),
      maxSessionDuration: 3600,
    });
    this.planPolicies = this.attachPolicies(this.planRole, `${prefix}-plan`, {
      managed: [
        ...scopedStatements(resourcePermissions, scopes, 'read'),
        { Sid: 'ReadIdentity', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
      ],
      inline: props.state ? stateStatements(props.state, 'plan') : [],
      inlineName: 'state',
    });
  }

  private attachPolicies(
    role: IamRole,
    namePrefix: string,
    policies: { managed: PolicyStatement[]; inline: PolicyStatement[]; inlineName: string },
  ): RolePolicies {
    const documents = packStatements(policies.managed);
    if (documents.length > ATTACHED_POLICIES_MAX) {
      throw new Error(`The policies of ${namePrefix} need ${documents.length} managed policies; IAM attaches at most ${ATTACHED_POLICIES_MAX} to a role`);
    }
    const kind = toIdentifier(namePrefix.slice(namePrefix.lastIndexOf('-') + 1));
    const managed = documents.map((statements, index) => {
      const policy = new IamPolicy(this, `${kind}_policy_${index + 1}`, {
        name: `${namePrefix}-${index + 1}`,
        path: role.pathInput ?? '/',
        description: `Part ${index + 1} of ${documents.length} of the permissions of ${role.nameInput}`,
        policy: policyDocument(statements),
      });
      new IamRolePolicyAttachment(this, `${kind}_policy_${index + 1}_attachment`, { role: role.name, policyArn: policy.arn });
      return policy;
    });
    if (policies.inline.length === 0) {
      return { managed };
    }
    const document = policyDocument(policies.inline);
    if (renderedPolicyLength(document) > INLINE_POLICIES_MAX_CHARACTERS) {
      throw new Error(`The inline policy of ${role.nameInput} is longer than IAM's ${INLINE_POLICIES_MAX_CHARACTERS} characters`);
    }
    return { managed, inline: new IamRolePolicy(this, `${kind}_inline_policy`, { role: role.id, name: policies.inlineName, policy: document }) };
  }
}

/** A trust policy letting GitHub Actions tokens with matching subjects assume a role through the OIDC provider. */
function githubTrustPolicy(oidcProviderArn: string, github: EnvironmentDeliveryRolesProps['github'], subjects: GitHubSubjects): string {
  return policyDocument([{
    Effect: 'Allow',
    Principal: { Federated: oidcProviderArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: githubTrustConditions(github, subjects),
  }]);
}

/**
 * The subjects of the deploy role. An environment that requires approval is deployed from the
 * release branch only; a workflow on another branch naming the environment gets a token whose
 * subject does not match.
 */
function deploySubjects(requireApproval: boolean, environment: string, releaseBranch: string): GitHubSubjects {
  return requireApproval
    ? { exact: [environmentSubject(environment, releaseBranch)] }
    : { patterns: [environmentSubject(environment, '*')] };
}
