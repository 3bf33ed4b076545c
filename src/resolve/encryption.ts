import type { EnvironmentContext } from './context';
import { KMS_KEY_DELETION_WINDOW_BY_PRESET, KMS_KEY_DELETION_WINDOW_RULE } from '../platform/contract/encryption';

/** The deletion window of the environment's KMS keys: its own, else the preset's. */
export function resolveKmsKeyDeletionWindow(ctx: EnvironmentContext): number {
  const days = ctx.env.kmsKeyDeletionWindowDays ?? KMS_KEY_DELETION_WINDOW_BY_PRESET[ctx.production ? 'production' : 'development'];
  ctx.problems.checkRange(`${ctx.envPath}.kmsKeyDeletionWindowDays`, days, KMS_KEY_DELETION_WINDOW_RULE);
  return days;
}
