import type { IntegerRule } from './rules';

/** Days KMS waits before deleting a key scheduled for deletion: AWS allows 7 to 30. */
export const KMS_KEY_DELETION_WINDOW_RULE: IntegerRule = { min: 7, max: 30 };

/**
 * The deletion window of each preset: a production key stays recoverable for the longest time
 * AWS allows; a development key is gone after a week, so that torn-down environments stop costing.
 */
export const KMS_KEY_DELETION_WINDOW_BY_PRESET = { development: 7, production: 30 } as const;
