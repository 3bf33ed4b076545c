import { AwsError } from './aws-error';
import type { AwsHandler } from '../fake-aws';

/** An image `ECR.DescribeImages` finds. */
export interface RegisteredImage {
  readonly repositoryName: string;
  readonly imageTag: string;
  readonly imageDigest: string;
}

/** The token `ECR.GetAuthorizationToken` hands out, before base64: `AWS:<password>`. */
export const FAKE_ECR_PASSWORD = 'fake-ecr-password';

/**
 * Answers every fake starts with: the caller identity, an ECR login token, and ECR image lookups
 * that find only registered images.
 */
export function defaultHandlers(): Record<string, AwsHandler> {
  return {
    'STS.GetCallerIdentity': (_, { accountId }) => ({
      Account: accountId,
      Arn: `arn:aws:sts::${accountId}:assumed-role/fake-deploy-role/fake-session`,
      UserId: 'AROAFAKEROLEID:fake-session',
    }),
    'ECR.GetAuthorizationToken': (_, { accountId, region }) => ({
      authorizationData: [{
        authorizationToken: Buffer.from(`AWS:${FAKE_ECR_PASSWORD}`).toString('base64'),
        expiresAt: new Date(Date.now() + 12 * 3600 * 1000),
        proxyEndpoint: `https://${accountId}.dkr.ecr.${region}.amazonaws.com`,
      }],
    }),
    'ECR.DescribeImages': describeImages,
  };
}

const describeImages: AwsHandler = (params, { accountId, images }) => {
  const repositoryName = String(params.repositoryName);
  const inRepository = images.filter((image) => image.repositoryName === repositoryName);
  const wanted = (params.imageIds ?? []) as Array<{ imageTag?: string; imageDigest?: string }>;
  const found = wanted.length === 0 ? inRepository : wanted.map((id) => {
    const image = inRepository.find((candidate) => candidate.imageTag === id.imageTag || candidate.imageDigest === id.imageDigest);
    if (image === undefined) {
      throw new AwsError('ImageNotFoundException', `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} `
        + `does not exist within the repository with name '${repositoryName}' in the registry with id '${params.registryId ?? accountId}'`);
    }
    return image;
  });
  return {
    imageDetails: found.map((image) => ({
      registryId: accountId,
      repositoryName,
      imageDigest: image.imageDigest,
      imageTags: [image.imageTag],
      imagePushedAt: new Date('2024-01-01T00:00:00Z'),
      imageSizeInBytes: 52_428_800,
    })),
  };
};
