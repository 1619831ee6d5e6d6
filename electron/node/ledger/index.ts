// Ledgers for the CLI and the app core: read a file, propose a mapping, count table 3, describe rows.
export * from './read-ledger';
export * from './ledger-template';
export * from './ledger-table';
