// The print page's agreement with main: job ids, and what the page's title says about it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRINT_FAILED_TITLE_PREFIX, PRINT_JOB_ID, PRINT_READY_TITLE, printPageStatus } from '../../../shared/ipc/print-page';

describe('printPageStatus', () => {
  it('reads the print page’s title', () => {
    expect(printPageStatus(PRINT_READY_TITLE)).toEqual({ kind: 'ready' });
    expect(printPageStatus(`${PRINT_FAILED_TITLE_PREFIX}原因`)).toEqual({ kind: 'failed', reason: '原因' });
    for (const other of ['打印', '', null, 42, `${PRINT_READY_TITLE} `]) expect(printPageStatus(other)).toEqual({ kind: 'drawing' });
  });

  it('keeps a failure reason to 300 characters', () => {
    const status = printPageStatus(`${PRINT_FAILED_TITLE_PREFIX}${'因'.repeat(500)}`);
    expect(status).toEqual({ kind: 'failed', reason: '因'.repeat(300) });
  });
});

describe('PRINT_JOB_ID', () => {
  it('takes a lower-case UUID, whole, and nothing else', () => {
    expect(PRINT_JOB_ID.test(randomUUID())).toBe(true);
    const id = '0b7c5a7e-1111-4222-8333-944455556666';
    for (const bad of ['', id.toUpperCase(), `${id}/`, `../${id}`, id.slice(1), `${id}0`, id.replace(/-/g, '')]) expect(PRINT_JOB_ID.test(bad), bad).toBe(false);
  });
});
