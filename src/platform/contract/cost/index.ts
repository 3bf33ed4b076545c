export * from './cost-estimate';
export * from './ec2-prices';
export * from './estimate';
export * from './format';
export * from './price-table';
export * from './task-placement';
