import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { ITerraformIterator, TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';

/** Properties of {@link ImageRepository}. */
export interface ImageRepositoryProps {
  /** Repository name. */
  readonly name: string;
  /** ARN of the KMS key that encrypts the images. */
  readonly kmsKeyArn: string;
  /** Days after which untagged images expire. */
  readonly untaggedExpiryDays: number;
  /** How many images to keep. */
  readonly keepImages: number;
  /** Delete the repository on destroy even when it holds images. */
  readonly forceDelete: boolean;
  /** One repository (and lifecycle policy) per item of this iterator, `name` referring to the item. @default - one repository */
  readonly forEach?: ITerraformIterator;
  /**
   * The repository exists already (named `name`): import it instead of creating it.
   * @default false
   */
  readonly adopted?: boolean;
}

/**
 * The ECR repository of one service: immutable tags (a tag always names the same image), scan on
 * push, KMS encryption and a lifecycle policy that bounds its size.
 */
export class ImageRepository extends Construct {
  /** The repository. */
  public readonly repository: EcrRepository;
  /** Its lifecycle policy. */
  public readonly lifecyclePolicy: EcrLifecyclePolicy;

  constructor(scope: Construct, id: string, props: ImageRepositoryProps) {
    super(scope, id);
    this.repository = new EcrRepository(this, 'repository', {
      ...(props.forEach ? { forEach: props.forEach } : {}),
      name: props.name,
      imageTagMutability: 'IMMUTABLE',
      forceDelete: props.forceDelete,
      imageScanningConfiguration: { scanOnPush: true },
      // The encryption of a repository cannot change without recreating it, which would delete its
      // images: an adopted repository keeps the AES-256 encryption ECR (and Copilot) gives by default.
      encryptionConfiguration: [props.adopted ? { encryptionType: 'AES256' } : { encryptionType: 'KMS', kmsKey: props.kmsKeyArn }],
    });
    if (props.adopted) {
      this.repository.importFrom(props.name);
    }
    const repositories = props.forEach ? TerraformIterator.fromResources(this.repository) : undefined;
    this.lifecyclePolicy = new EcrLifecyclePolicy(this, 'lifecycle_policy', {
      ...(repositories ? { forEach: repositories } : {}),
      repository: repositories ? repositories.getString('name') : this.repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${props.untaggedExpiryDays} days`,
            selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: props.untaggedExpiryDays },
            action: { type: 'expire' },
          },
          {
            rulePriority: 2,
            description: `Keep the last ${props.keepImages} images`,
            selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: props.keepImages },
            action: { type: 'expire' },
          },
        ],
      }),
    });
  }
}
