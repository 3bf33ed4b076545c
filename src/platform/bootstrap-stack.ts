import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsContext } from './aws-context';
import type { PlatformConfig } from './config';
import type { BootstrapConfig, BootstrapEnvironmentConfig, GitHubTrustConfig } from './deployment-config';
import { GITHUB_OIDC_HOST, githubTrustConditions } from './github-oidc';
import { policyDocument, PolicyStatement } from './policies';
import { PrivateBucket } from './private-bucket';
import { exportOutput } from './stack-outputs';
import { localStateFileName } from './state';

/** Services whose resources the stacks create; the deploy role may manage them. */
const MANAGED_SERVICES = [
  'ec2', 'ecs', 'ecr', 'elasticloadbalancing', 'logs', 'kms', 'application-autoscaling', 'cloudwatch', 'codedeploy',
  'codebuild', 'codepipeline', 's3', 'codeconnections', 'codestar-connections',
];

/** Properties of {@link BootstrapStack}. */
export interface BootstrapStackProps {
  /** The whole configuration: project name, environments and their state. */
  readonly platform: PlatformConfig;
  /** What this stack creates. */
  readonly bootstrap: BootstrapConfig;
}

/** The OIDC roles of one environment. */
export interface EnvironmentRoles {
  /** Assumed by the deploy job, in the GitHub Environment of the same name. */
  readonly deploy: IamRole;
  /** Read-only, assumed by pull request plans and by manual plans on the release branch. */
  readonly plan: IamRole;
}

/**
 * What the pipelines need once per account: the Terraform state bucket (versioned, encrypted,
 * public access blocked, TLS only, kept on destroy), the GitHub OIDC identity provider, and per
 * environment a deploy role and a read-only plan role whose trust policies admit only this
 * repository, the deploy role only from the environment's GitHub Environment.
 *
 * Its own state is local (`cdktf.out/stacks/<stack>/terraform.<stack>.tfstate`): it creates the
 * bucket the other stacks keep state in.
 */
export class BootstrapStack extends TerraformStack {
  /** Provider, partition, region and account id. */
  public readonly aws: AwsContext;
  /** The state bucket, when this stack creates it. */
  public readonly stateBucket?: PrivateBucket;
  /** The OIDC provider, unless it exists already. */
  public readonly oidcProvider?: IamOpenidConnectProvider;
  /** ARN of the OIDC provider the roles trust. */
  public readonly oidcProviderArn: string;
  /** Roles by environment name. */
  public readonly roles: Record<string, EnvironmentRoles>;

  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id);
    const { bootstrap, platform } = props;
    const github = platform.deployment?.github;
    if (github === undefined) {
      throw new Error('The bootstrap stack needs deployment.repository');
    }
    new LocalBackend(this, { path: localStateFileName(id) });
    const member = platform.environments.find((env) => env.name === bootstrap.environments[0].name)!;
    this.aws = new AwsContext(this, 'aws', {
      ...member,
      region: bootstrap.region,
      tags: { 'project': platform.project, 'managed-by': 'projen-cdktf-ecs' },
    });
    const partition = bootstrap.partition;
    const account = this.aws.accountId;

    if (bootstrap.stateBucket !== undefined) {
      this.stateBucket = new PrivateBucket(this, 'state_bucket', {
        bucket: bootstrap.stateBucket,
        noncurrentVersionExpiryDays: 90,
        preventDestroy: true,
      });
      exportOutput(this, 'state_bucket_name', this.stateBucket.bucket.bucket, 'Bucket of the Terraform state.');
      this.grantStateToOtherAccounts(this.stateBucket, bootstrap, platform, partition);
    }

    if (bootstrap.createOidcProvider) {
      this.oidcProvider = new IamOpenidConnectProvider(this, 'github_oidc', {
        url: `https://${GITHUB_OIDC_HOST}`,
        clientIdList: ['sts.amazonaws.com'],
        // IAM no longer checks the thumbprint for this issuer, but the API still requires one.
        thumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      });
      this.oidcProviderArn = this.oidcProvider.arn;
    } else {
      this.oidcProviderArn = `arn:${partition}:iam::${account}:oidc-provider/${GITHUB_OIDC_HOST}`;
    }

    const stateStatements = this.stateAccess(platform, partition);
    this.roles = Object.fromEntries(bootstrap.environments.map((env) =>
      [env.name, this.environmentRoles(env, github, platform, partition, account, stateStatements)]));
  }

  /**
   * Lets the roles of the environments in other accounts use the state bucket: list it, read
   * state (plan and deploy roles) and write state and lock files (deploy roles) under the key prefix.
   * The principals are the accounts, narrowed to the role ARNs by condition, so the policy is valid
   * whichever account is bootstrapped first.
   */
  private grantStateToOtherAccounts(bucket: PrivateBucket, bootstrap: BootstrapConfig, platform: PlatformConfig, partition: string): void {
    const state = platform.environments[0].state;
    const others = (platform.deployment?.bootstrap ?? [])
      .filter((other) => other.accountId !== undefined && other.accountId !== bootstrap.accountId);
    if (state.backend !== 's3' || others.length === 0) {
      return;
    }
    const roleArn = (account: string, name: string) => `arn:${partition}:iam::${account}:role/${name}`;
    const accounts = [...new Set(others.map((other) => `arn:${partition}:iam::${other.accountId}:root`))];
    const deployRoles = others.flatMap((other) => other.environments.map((env) => roleArn(other.accountId!, env.deployRoleName)));
    const planRoles = others.flatMap((other) => other.environments.map((env) => roleArn(other.accountId!, env.planRoleName)));
    const bucketArn = bucket.bucket.arn;
    const objects = `${bucketArn}/${state.keyPrefix}/*`;
    const forRoles = (roles: string[]) => ({ ArnEquals: { 'aws:PrincipalArn': roles } });
    bucket.addToPolicy(
      { Sid: 'OtherAccountsListState', Effect: 'Allow', Principal: { AWS: accounts }, Action: 's3:ListBucket', Resource: bucketArn, Condition: forRoles([...deployRoles, ...planRoles]) },
      { Sid: 'OtherAccountsReadState', Effect: 'Allow', Principal: { AWS: accounts }, Action: 's3:GetObject', Resource: objects, Condition: forRoles([...deployRoles, ...planRoles]) },
      { Sid: 'OtherAccountsWriteState', Effect: 'Allow', Principal: { AWS: accounts }, Action: ['s3:PutObject', 's3:DeleteObject'], Resource: objects, Condition: forRoles(deployRoles) },
    );
  }

  private stateAccess(platform: PlatformConfig, partition: string): { read: PolicyStatement[]; write: PolicyStatement[] } {
    const state = platform.environments[0].state;
    if (state.backend !== 's3') {
      return { read: [], write: [] };
    }
    const bucket = `arn:${partition}:s3:::${state.bucket}`;
    const objects = `${bucket}/${state.keyPrefix}/*`;
    return {
      read: [
        { Sid: 'ListState', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
        { Sid: 'ReadState', Effect: 'Allow', Action: 's3:GetObject', Resource: objects },
      ],
      write: [
        { Sid: 'ListState', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
        { Sid: 'ReadWriteStateAndLocks', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: objects },
      ],
    };
  }

  private environmentRoles(
    env: BootstrapEnvironmentConfig,
    github: GitHubTrustConfig,
    platform: PlatformConfig,
    partition: string,
    account: string,
    state: { read: PolicyStatement[]; write: PolicyStatement[] },
  ): EnvironmentRoles {
    const releaseBranch = platform.deployment?.releaseBranch ?? 'main';
    const id = env.name.replace(/[^A-Za-z0-9_]/g, '_');
    const trust = (contexts: string[]) => policyDocument([{
      Effect: 'Allow',
      Principal: { Federated: this.oidcProviderArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: githubTrustConditions(github, contexts),
    }]);
    const deploy = new IamRole(this, `${id}_deploy_role`, {
      name: env.deployRoleName,
      description: `GitHub Actions deployments of ${platform.project} to ${env.name} (${github.repository}, environment ${env.name})`,
      assumeRolePolicy: trust([`environment:${env.name}`]),
      maxSessionDuration: 3600,
    });
    const prefix = `${platform.project}-${env.name}`;
    new IamRolePolicy(this, `${id}_deploy_policy`, {
      role: deploy.id,
      name: 'deploy-stacks',
      policy: policyDocument([
        ...state.write,
        {
          Sid: 'ManageStackServices',
          Effect: 'Allow',
          Action: MANAGED_SERVICES.map((service) => `${service}:*`),
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': env.region } },
        },
        {
          Sid: 'ManageEnvironmentRoles',
          Effect: 'Allow',
          Action: [
            'iam:GetRole', 'iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole',
            'iam:GetRolePolicy', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies',
            'iam:ListInstanceProfilesForRole', 'iam:PassRole',
          ],
          Resource: `arn:${partition}:iam::${account}:role/${prefix}-*`,
        },
        { Sid: 'CreateServiceLinkedRoles', Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: `arn:${partition}:iam::${account}:role/aws-service-role/*` },
        { Sid: 'ReadIdentity', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
      ]),
    });

    const plan = new IamRole(this, `${id}_plan_role`, {
      name: env.planRoleName,
      description: `Read-only Terraform plans of ${platform.project} in ${env.name} from pull requests and the ${releaseBranch} branch of ${github.repository}`,
      assumeRolePolicy: trust(['pull_request', `ref:refs/heads/${releaseBranch}`]),
      maxSessionDuration: 3600,
    });
    new IamRolePolicyAttachment(this, `${id}_plan_read_only`, {
      role: plan.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
    if (state.read.length > 0) {
      new IamRolePolicy(this, `${id}_plan_state_policy`, { role: plan.id, name: 'read-state', policy: policyDocument(state.read) });
    }
    exportOutput(this, `${id}_deploy_role_arn`, deploy.arn, `Role of the GitHub Actions deploy job of ${env.name}.`);
    exportOutput(this, `${id}_plan_role_arn`, plan.arn, `Role of the pull request plans of ${env.name}.`);
    return { deploy, plan };
  }
}
