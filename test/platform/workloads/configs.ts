import { CacheEngine, DataAccess, DatabaseEngine } from '../../../src/options';
import { configOf } from '../support/configs';

/**
 * A service publishing `order-events`, a worker subscribed to it with a filter policy (and
 * publishing `invoices` itself), and a nightly job in Paris time running the service's image.
 */
export const WORKLOADS_CONFIG_OPTIONS = {
  services: [{ name: 'orders', publishes: ['order-events'] }],
  workers: [{
    name: 'billing',
    command: ['node', 'worker.js'],
    processingTimeSeconds: 20,
    acceptableLatencySeconds: 120,
    subscribes: [{ topic: 'order-events', filterPolicy: { eventType: ['order-placed'] } }],
    publishes: ['invoices'],
  }],
  jobs: [{
    name: 'nightly-report',
    schedule: 'cron(0 3 * * ? *)',
    timezone: 'Europe/Paris',
    command: ['node', 'report.js'],
    secrets: { DB_PASSWORD: '/orders/dev/db-password' },
  }],
};

/** {@link WORKLOADS_CONFIG_OPTIONS}, resolved. */
export const WORKLOADS_CONFIG = configOf(WORKLOADS_CONFIG_OPTIONS);

/**
 * Every kind of workload with every kind of data resource: the service (with a release task) and
 * the worker and job of {@link WORKLOADS_CONFIG}; a PostgreSQL instance attached to the service and
 * the job, a cache and a bucket attached to the worker, a table attached to the service.
 */
export const WORKLOADS_WITH_DATA_CONFIG = configOf({
  services: [{ name: 'orders', publishes: ['order-events'], release: { command: ['node', 'migrate.js'], timeoutSeconds: 600 } }],
  workers: [{
    name: 'billing',
    command: ['node', 'worker.js'],
    processingTimeSeconds: 20,
    acceptableLatencySeconds: 120,
    subscribes: [{ topic: 'order-events' }],
  }],
  jobs: [{ name: 'nightly-report', schedule: 'cron(0 3 * * ? *)', timezone: 'Europe/Paris', command: ['node', 'report.js'] }],
  data: {
    databases: [{ name: 'main', engine: DatabaseEngine.POSTGRES, attachTo: ['orders', 'nightly-report'] }],
    caches: [{ name: 'sessions', engine: CacheEngine.VALKEY, attachTo: ['billing'] }],
    buckets: [{ name: 'invoices', access: DataAccess.READ_WRITE, attachTo: ['billing'] }],
    tables: [{ name: 'carts', partitionKey: { name: 'pk' }, attachTo: ['orders'] }],
  },
});
