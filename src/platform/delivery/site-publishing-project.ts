import { Construct } from 'constructs';
import { SITE_VARIABLES, sitePublishingBuildspec } from './buildspec';
import { OperationsBuildProject } from './operations-build-project';
import type { PolicyStatement } from '../contract/policies';
import type { AwsContext } from '../core/aws-context';

/** Minutes a site build and upload may take. */
const PUBLISH_TIMEOUT_MINUTES = 30;

/** Properties of {@link SitePublishingProject}. */
export interface SitePublishingProjectProps {
  readonly aws: AwsContext;
  /** Environment name: the `publish-site:<env>` task. */
  readonly environment: string;
  readonly projectName: string;
  readonly roleName: string;
  /** The site's bucket name and distribution id (the service stack's outputs). */
  readonly bucket: string;
  readonly distributionId: string;
  readonly buildLogGroupName: string;
  /** Reading the source artifact and its key. */
  readonly artifactAccess: PolicyStatement[];
  readonly encryptionKeyArn: string;
  readonly image: { readonly type: string; readonly image: string };
}

/**
 * The CodeBuild project of the pipeline's publish stage: builds the static site and uploads it with
 * `publish-site:<env>`, with a role that may list, write and delete the objects of exactly the
 * site's bucket and invalidate exactly its distribution.
 */
export class SitePublishingProject extends Construct {
  /** The project and its role. */
  public readonly build: OperationsBuildProject;

  constructor(scope: Construct, id: string, props: SitePublishingProjectProps) {
    super(scope, id);
    const bucketArn = `arn:${props.aws.partition}:s3:::${props.bucket}`;
    this.build = new OperationsBuildProject(this, 'build', {
      aws: props.aws,
      projectName: props.projectName,
      roleName: props.roleName,
      description: `Builds and uploads the static site of ${props.environment} and invalidates its distribution`,
      policyName: 'publish-site',
      statements: [
        ...props.artifactAccess,
        { Sid: 'ListSiteBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
        { Sid: 'WriteSiteObjects', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `${bucketArn}/*` },
        { Sid: 'InvalidateSite', Effect: 'Allow', Action: 'cloudfront:CreateInvalidation', Resource: props.aws.arn('cloudfront', `distribution/${props.distributionId}`, { global: true }) },
      ],
      buildspec: sitePublishingBuildspec(props.environment),
      timeoutMinutes: PUBLISH_TIMEOUT_MINUTES,
      environmentVariables: { [SITE_VARIABLES.bucket]: props.bucket, [SITE_VARIABLES.distributionId]: props.distributionId },
      buildLogGroupName: props.buildLogGroupName,
      encryptionKeyArn: props.encryptionKeyArn,
      image: props.image,
    });
  }
}
