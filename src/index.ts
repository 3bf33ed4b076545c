export * from './options';
export * from './ecs-service-project';
export * from './components/cdktf-app';
export * from './components/cdktf-deps';
export * from './components/managed-source-file';
export * from './components/platform-sources';
export * from './components/sample-app';
export * from './components/sample-code';
