export * from './paths';
export * from './types';
