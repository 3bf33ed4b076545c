export { concurrencyLimit } from '../../../src/platform/testing/concurrency';
