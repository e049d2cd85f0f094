export * from './durations';
export * from './json_schema';
export * from './parse';
export * from './settings';
export * from './steps';
export * from './triggers';
export * from './workflow';
