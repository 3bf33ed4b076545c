import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { policyDocument, PolicyStatement, serviceTrustPolicy } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Properties of {@link OperationsBuildProject}. */
export interface OperationsBuildProjectProps {
  readonly aws: AwsContext;
  /** Name of the CodeBuild project. */
  readonly projectName: string;
  /** Name of its role (decided in the configuration). */
  readonly roleName: string;
  readonly description: string;
  /** Name of the role's inline policy, and what it allows besides writing the build logs. */
  readonly policyName: string;
  readonly statements: PolicyStatement[];
  /** The buildspec (JSON). */
  readonly buildspec: string;
  readonly timeoutMinutes: number;
  /** Plain environment variables of the builds. */
  readonly environmentVariables?: Record<string, string>;
  /** Log group of the builds. */
  readonly buildLogGroupName: string;
  /** KMS key of the build's artifacts. */
  readonly encryptionKeyArn: string;
  /** CodeBuild image, e.g. `{ type: 'LINUX_CONTAINER', image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0' }`. */
  readonly image: { readonly type: string; readonly image: string };
}

/**
 * An unprivileged CodeBuild project that runs one operations command in the pipeline (it builds no
 * image), with a role of its own holding exactly the statements given and its build logs.
 */
export class OperationsBuildProject extends Construct {
  /** Role of the builds. */
  public readonly role: IamRole;
  /** The project. */
  public readonly project: CodebuildProject;

  constructor(scope: Construct, id: string, props: OperationsBuildProjectProps) {
    super(scope, id);
    const { aws } = props;
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: serviceTrustPolicy(`codebuild.${aws.dnsSuffix}`, aws.accountId),
    });
    const writeLogs: PolicyStatement = {
      Sid: 'WriteBuildLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${aws.logGroupArn(props.buildLogGroupName)}:*`,
    };
    new IamRolePolicy(this, 'policy', { role: this.role.id, name: props.policyName, policy: policyDocument([writeLogs, ...props.statements]) });
    this.project = new CodebuildProject(this, 'project', {
      name: props.projectName,
      description: props.description,
      serviceRole: this.role.arn,
      encryptionKey: props.encryptionKeyArn,
      buildTimeout: props.timeoutMinutes,
      source: { type: 'CODEPIPELINE', buildspec: props.buildspec },
      artifacts: { type: 'CODEPIPELINE' },
      environment: {
        type: props.image.type,
        computeType: 'BUILD_GENERAL1_SMALL',
        image: props.image.image,
        privilegedMode: false,
        environmentVariable: Object.entries(props.environmentVariables ?? {}).map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })),
      },
      logsConfig: { cloudwatchLogs: { status: 'ENABLED', groupName: props.buildLogGroupName } },
    });
  }
}
