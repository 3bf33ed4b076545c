import { configOf } from '../support/configs';

/**
 * A service publishing `order-events`, a worker subscribed to it with a filter policy (and
 * publishing `invoices` itself), and a nightly job in Paris time running the service's image.
 */
export const WORKLOADS_CONFIG = configOf({
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
});
