// Writes docs/report.schema.json from shared/model/schema.ts (run: npx tsx tests/tools/write-schema.ts).
// tests/shared/model/schema.test.ts fails when the two differ.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPORT_SCHEMA } from '../../shared/model/schema';

export const schemaPath = resolve(import.meta.dirname, '..', '..', 'docs', 'report.schema.json');
export const schemaText = () => `${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(schemaPath, schemaText());
  console.log(`written ${schemaPath}`);
}
