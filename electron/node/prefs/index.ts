export * from './prefs-store';
export * from './preferences';
