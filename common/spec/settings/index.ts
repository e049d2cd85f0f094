export * from './on_failure';
export * from './settings';
