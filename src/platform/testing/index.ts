export * from './check-stacks';
export * from './manifest';
export * from './offline-terraform';
export * from './stack-json';
export * from './synth';
export * from './terraform-environment';
export * from './terraform-json';
export * from './upstream-states';
