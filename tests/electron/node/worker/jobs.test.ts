// electron/node/worker/jobs.ts: answerJob — a job run by name with its arguments, its value as the answer; a
// UserError (and a StorageError) answered as the user's error with its code, anything else as internal; an
// unknown job named; progress reported only to the job that runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importReportText } from '../../../../shared/import/import-text';
import { serializeReport } from '../../../../shared/model/document';
import { answerJob, type JobName } from '../../../../electron/node/worker/jobs';
import { seedText } from '../../../shared/import/fixtures';
import { smallReport } from '../storage/helpers';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (job: string, args: unknown[], id = 7) => ({ id, job: job as JobName, args });

describe('answerJob', () => {
  it('runs the job named with its arguments and answers with its value, under the request\'s id', async () => {
    const answer = await answerJob(request('importText', [seedText, { now: '2020-01-20T10:00:00+08:00' }], 42));
    expect(answer).toEqual({ id: 42, ok: true, value: importReportText(seedText, { now: '2020-01-20T10:00:00+08:00' }) });
  });

  it('reads a text file in the job: an empty one is the user\'s error, with its code and a Chinese message', async () => {
    const empty = join(dir, '空.txt');
    writeFileSync(empty, ' \n');
    expect(await answerJob(request('importTextFile', [empty]))).toEqual({ id: 7, ok: false, user: true, error: { code: 'bad-file', message: '“空.txt”是空的。' } });
    const missing = await answerJob(request('importTextFile', [join(dir, '没有.txt')]));
    expect(missing).toMatchObject({ ok: false, user: true, error: { message: expect.stringContaining('没有.txt') } });
  });

  it('readLastYear passes the year and agency asked for to the importer: a text naming no year is then that year’s report', async () => {
    const path = join(dir, '上年.txt');
    writeFileSync(path, '一、总体情况\n本机关依法公开政府信息。\n二、主动公开政府信息情况\n');
    expect(await answerJob(request('readLastYear', [path]))).toMatchObject({ ok: true, value: { ok: false, needsYear: true } });
    const read = await answerJob(request('readLastYear', [path, { year: 2023, agencyName: '某县人民政府' }]));
    expect(read).toMatchObject({ ok: true, value: { ok: true, kind: 'text', fileName: '上年.txt', doc: { year: 2023, agency: { name: '某县人民政府' } } } });
  });

  it('a roster or a ledger it cannot read is the user\'s error, saying what to send instead', async () => {
    const roster = await answerJob(request('readRoster', ['名单.xlsx', new TextEncoder().encode('not a workbook')]));
    expect(roster).toMatchObject({ ok: false, user: true, error: { code: 'bad-file', message: expect.stringMatching(/^“名单\.xlsx”读不成名单（.+）。请用每行一个单位名称的文本文件/) } });
    const ledger = await answerJob(request('readLedger', [new TextEncoder().encode('PK\x03\x04 broken'), '台账.xlsx']));
    expect(ledger).toMatchObject({ ok: false, user: true, error: { code: 'bad-file', message: expect.stringMatching(/[\u4e00-\u9fff]。$/) } });
  });

  it('anything else that fails is an internal error with its message; an unknown job is named', async () => {
    const broken = await answerJob(request('importBytes', [undefined, 'x.txt']));
    expect(broken).toMatchObject({ id: 7, ok: false, user: false, error: { code: 'internal', message: expect.any(String) } });
    expect(await answerJob(request('formatDisk', []))).toEqual({ id: 7, ok: false, user: false, error: { code: 'internal', message: 'unknown job formatDisk' } });
  });

  it('reports the progress of the job that runs to its own listener only', async () => {
    const folder = mkdtempSync(join(dir, 'units-'));
    writeFileSync(join(folder, '甲.nianbao'), serializeReport(smallReport('甲')));
    writeFileSync(join(folder, '乙.nianbao'), serializeReport(smallReport('乙')));
    const seen: [number, number][] = [];
    const answer = await answerJob(request('readMergeUnits', [[folder]]), (done, total) => seen.push([done, total]));
    expect(answer.ok).toBe(true);
    expect(seen.at(-1)).toEqual([2, 2]);
    const count = seen.length;
    await answerJob(request('readMergeUnits', [[folder]]));
    expect(seen).toHaveLength(count);
  });
});
