import { policyDocument, PolicyStatement } from '../contract/policies';

/** IAM quota: characters of one managed policy, whitespace excluded. */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;
/** IAM quota: characters of all inline policies of one role together, whitespace excluded. */
export const INLINE_POLICIES_MAX_CHARACTERS = 10240;
/** IAM default quota of managed policies attached to one role. */
export const ATTACHED_POLICIES_MAX = 10;

/**
 * Length an interpolation is counted at: the longest value the policies interpolate (a KMS key
 * ARN, about 75 characters), so that estimates err on the large side.
 */
const INTERPOLATION_LENGTH = 80;
/** A 12-digit account id, the value of the `account_id` local. */
const ACCOUNT_ID_LENGTH = 12;

/**
 * Characters IAM counts for a policy document as Terraform renders it: JSON without whitespace,
 * each Terraform interpolation (`${...}`, or a cdktf token before synthesis) counted at the length
 * of the value it resolves to.
 */
export function renderedPolicyLength(document: string): number {
  const compact = JSON.stringify(JSON.parse(document));
  return compact
    .replace(/\$\{local\.account_id\}/g, 'x'.repeat(ACCOUNT_ID_LENGTH))
    .replace(/\$\{TfToken\[[^\]]*\]\}|\$\{[^}]*\}/g, 'x'.repeat(INTERPOLATION_LENGTH))
    .length;
}

/**
 * Packs statements, in order, into as few policy documents as possible, each at most `maxLength`
 * characters as IAM counts them.
 *
 * @throws Error when a single statement alone is over the limit
 */
export function packStatements(statements: PolicyStatement[], maxLength: number = MANAGED_POLICY_MAX_CHARACTERS): PolicyStatement[][] {
  const documents: PolicyStatement[][] = [];
  let current: PolicyStatement[] = [];
  for (const statement of statements) {
    if (renderedPolicyLength(policyDocument([statement])) > maxLength) {
      throw new Error(`IAM policy statement ${statement.Sid ?? ''} is longer than ${maxLength} characters on its own`);
    }
    if (current.length > 0 && renderedPolicyLength(policyDocument([...current, statement])) > maxLength) {
      documents.push(current);
      current = [];
    }
    current.push(statement);
  }
  if (current.length > 0) {
    documents.push(current);
  }
  return documents;
}
