/** A condition block of an IAM policy statement: operator → condition key → value(s). */
export type PolicyConditions = Record<string, Record<string, string | string[]>>;

/** One statement of an IAM policy document. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: { readonly AWS?: string | string[]; readonly Service?: string | string[]; readonly Federated?: string };
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: PolicyConditions;
}

/**
 * Renders an IAM policy document as JSON. Values may contain cdktf tokens; they become
 * Terraform interpolations inside the string, so the policy needs no data source.
 */
export function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/**
 * A trust policy letting an AWS service assume a role, restricted to requests made on behalf of
 * one account (and, optionally, from matching source ARNs) against the confused-deputy problem.
 */
export function serviceTrustPolicy(servicePrincipal: string, sourceAccount: string, sourceArnPattern?: string): string {
  const condition: PolicyConditions = { StringEquals: { 'aws:SourceAccount': sourceAccount } };
  if (sourceArnPattern !== undefined) {
    condition.ArnLike = { 'aws:SourceArn': sourceArnPattern };
  }
  return policyDocument([
    {
      Effect: 'Allow',
      Principal: { Service: servicePrincipal },
      Action: 'sts:AssumeRole',
      Condition: condition,
    },
  ]);
}
