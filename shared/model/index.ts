export * from './report';
export * from './document';
export * from './schema';
export * from './migrate';
export * from './json-schema';
export * from './cell-value';
export * from './previous';
export * from './convert-format';
