export * from './types';
export * from './categories';
export * from './dates';
export * from './count';
export * from './mapping';
export * from './apply';
