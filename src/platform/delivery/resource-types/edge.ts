import { on, PermissionSet } from '../permission-set';

const ELB_TAGS = ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'];
// ELB reads have no resource-level permissions.
const READ_ELB = [on('regional', 'elasticloadbalancing:Describe*')];

function loadBalancing(...actions: string[]): PermissionSet {
  return { read: READ_ELB, write: [on('loadBalancing', ...actions, ...ELB_TAGS)] };
}

function bucketSetting(read: string, write: string[]): PermissionSet {
  return { read: [on('buckets', read)], write: [on('buckets', ...write)] };
}

/** What the provider reads on every refresh of a bucket, whatever it configures. */
const BUCKET_READS = [
  's3:ListBucket', 's3:GetBucketLocation', 's3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetBucketCORS', 's3:GetBucketWebsite',
  's3:GetBucketVersioning', 's3:GetAccelerateConfiguration', 's3:GetBucketRequestPayment', 's3:GetBucketLogging',
  's3:GetLifecycleConfiguration', 's3:GetReplicationConfiguration', 's3:GetEncryptionConfiguration',
  's3:GetBucketObjectLockConfiguration', 's3:GetBucketTagging',
];

/** Load balancing, S3 buckets and CloudFront (hashicorp/aws 5.100.0). */
export const EDGE_RESOURCE_PERMISSIONS: Record<string, PermissionSet> = {
  aws_lb: {
    ...loadBalancing(
      'elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyLoadBalancerAttributes',
      'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets', 'elasticloadbalancing:SetIpAddressType',
      'elasticloadbalancing:ModifyCapacityReservation',
    ),
    serviceLinkedRoles: ['elasticloadbalancing.amazonaws.com'],
  },
  aws_lb_listener: loadBalancing(
    'elasticloadbalancing:CreateListener', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyListenerAttributes', 'elasticloadbalancing:DeleteListener',
  ),
  aws_lb_listener_rule: loadBalancing(
    'elasticloadbalancing:CreateRule', 'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:SetRulePriorities', 'elasticloadbalancing:DeleteRule',
  ),
  aws_lb_listener_certificate: loadBalancing('elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:RemoveListenerCertificates'),
  aws_lb_target_group: loadBalancing(
    'elasticloadbalancing:CreateTargetGroup', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes',
    'elasticloadbalancing:DeleteTargetGroup',
  ),
  aws_s3_bucket: { read: [on('buckets', ...BUCKET_READS)], write: [on('buckets', 's3:CreateBucket', 's3:DeleteBucket', 's3:PutBucketTagging')] },
  aws_s3_bucket_policy: bucketSetting('s3:GetBucketPolicy', ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy']),
  aws_s3_bucket_public_access_block: bucketSetting('s3:GetBucketPublicAccessBlock', ['s3:PutBucketPublicAccessBlock']),
  aws_s3_bucket_ownership_controls: bucketSetting('s3:GetBucketOwnershipControls', ['s3:PutBucketOwnershipControls']),
  aws_s3_bucket_versioning: bucketSetting('s3:GetBucketVersioning', ['s3:PutBucketVersioning']),
  aws_s3_bucket_server_side_encryption_configuration: bucketSetting('s3:GetEncryptionConfiguration', ['s3:PutEncryptionConfiguration']),
  aws_s3_bucket_lifecycle_configuration: bucketSetting('s3:GetLifecycleConfiguration', ['s3:PutLifecycleConfiguration']),
  aws_cloudfront_distribution: {
    read: [on('cloudFront', 'cloudfront:GetDistribution', 'cloudfront:GetDistributionConfig', 'cloudfront:ListTagsForResource')],
    write: [on('cloudFront', 'cloudfront:CreateDistribution', 'cloudfront:UpdateDistribution', 'cloudfront:DeleteDistribution', 'cloudfront:TagResource', 'cloudfront:UntagResource')],
  },
  aws_route53_zone: {
    read: [on('hostedZones', 'route53:GetHostedZone', 'route53:ListTagsForResource', 'route53:ListResourceRecordSets'), on('route53Account', 'route53:GetChange')],
    write: [
      on('route53Account', 'route53:CreateHostedZone'),
      on('hostedZones', 'route53:DeleteHostedZone', 'route53:UpdateHostedZoneComment', 'route53:ChangeTagsForResource', 'route53:ChangeResourceRecordSets'),
    ],
  },
  aws_route53_record: {
    // The NS delegation into a parent zone of another account is read and written through its role.
    read: [on('hostedZones', 'route53:GetHostedZone', 'route53:ListResourceRecordSets'), on('route53Account', 'route53:GetChange'), on('dnsDelegationRole', 'sts:AssumeRole')],
    write: [on('hostedZones', 'route53:ChangeResourceRecordSets')],
  },
  aws_acm_certificate: {
    read: [on('certificates', 'acm:DescribeCertificate', 'acm:ListTagsForCertificate')],
    write: [on('certificateRequests', 'acm:RequestCertificate', 'acm:AddTagsToCertificate'), on('certificates', 'acm:DeleteCertificate', 'acm:AddTagsToCertificate', 'acm:RemoveTagsFromCertificate')],
  },
  aws_acm_certificate_validation: { read: [on('certificates', 'acm:DescribeCertificate')], write: [] },
  aws_cloudfront_origin_access_control: {
    read: [on('cloudFront', 'cloudfront:GetOriginAccessControl')],
    write: [on('cloudFront', 'cloudfront:CreateOriginAccessControl', 'cloudfront:UpdateOriginAccessControl', 'cloudfront:DeleteOriginAccessControl')],
  },
};
