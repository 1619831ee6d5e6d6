import { describe, expect, it } from 'vitest';
import { documentTitle, exportTarget, safeFileName, withExtension } from '../../../../electron/node/app-core/file-names';
import { UserError } from '../../../../electron/node/user-error';

describe('documentTitle', () => {
  it('is the report title once the agency is named, a generic one before', () => {
    expect(documentTitle({ year: 2024, agency: { name: '  ', level: '县级' } })).toBe('2024年政府信息公开工作年度报告');
    expect(documentTitle({ year: 2024, agency: { name: '某某县人民政府', level: '县级' } })).toBe('某某县人民政府2024年政府信息公开工作年度报告');
    expect(documentTitle({ year: 2024, agency: { name: '某某县财政局', level: '县级' } })).toBe('2024年某某县财政局政府信息公开工作年度报告');
  });
});

describe('safeFileName', () => {
  it('replaces characters no file system accepts and keeps Chinese text', () => {
    expect(safeFileName('某某县:年报/2024?"<>|*\\')).toBe('某某县_年报_2024_______');
    expect(safeFileName('年报\u0000\u001f\u007f')).toBe('年报___');
  });

  it('drops leading and trailing dots and spaces', () => {
    expect(safeFileName(' .年报. ')).toBe('年报');
  });

  it('falls back to 年报 for an empty or reserved name', () => {
    for (const name of ['', '...', '   ', 'CON', 'nul', 'com1', 'LPT9']) expect(safeFileName(name), name).toBe('年报');
    expect(safeFileName('console')).toBe('console');
  });

  it('keeps at most 120 characters, and the cut leaves no trailing space or dot', () => {
    expect(safeFileName('报'.repeat(300))).toBe('报'.repeat(120));
    expect(safeFileName(`${'报'.repeat(119)} 告`)).toBe('报'.repeat(119));
    expect(safeFileName(`${'报'.repeat(118)}..告`)).toBe('报'.repeat(118));
  });

  it('does not cut a character outside the BMP in half', () => {
    const name = safeFileName(`${'报'.repeat(119)}𠀀告`);
    expect(name).not.toMatch(/[\ud800-\udbff]$/);
    expect(name).toBe(`${'报'.repeat(119)}𠀀`);
    expect(safeFileName('𠀀'.repeat(200))).toBe('𠀀'.repeat(120));
  });

  it('trims a long run of spaces in linear time', () => {
    expect(safeFileName(`${' '.repeat(100_000)}年报${' '.repeat(100_000)}`)).toBe('年报');
    expect(safeFileName(`年报${' '.repeat(100_000)}x`)).toBe('年报');
  });
});

describe('withExtension', () => {
  it('appends the extension unless the path has it, in any case', () => {
    expect(withExtension('/d/年报', '.nianbao')).toBe('/d/年报.nianbao');
    expect(withExtension('/d/年报.NIANBAO', '.nianbao')).toBe('/d/年报.NIANBAO');
    expect(withExtension('/d/年报.2024', '.pdf')).toBe('/d/年报.2024.pdf');
  });
});

describe('exportTarget', () => {
  it('returns the chosen path as it is without asking whether it exists', async () => {
    let asked = 0;
    expect(await exportTarget('/d/年报.pdf', '.pdf', async () => (asked++, true))).toBe('/d/年报.pdf');
    expect(asked).toBe(0);
  });

  it('appends the extension when the file it names does not exist', async () => {
    const asked: string[] = [];
    expect(await exportTarget('/d/年报', '.pdf', async (p) => (asked.push(p), false))).toBe('/d/年报.pdf');
    expect(asked).toEqual(['/d/年报.pdf']);
  });

  it('refuses to replace a file the user never confirmed', async () => {
    const error = await exportTarget('/d/年报', '.pdf', async () => true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('conflict');
    expect((error as UserError).message).toContain('“年报.pdf”已经存在');
    expect((error as UserError).message).toContain('“年报”');
  });
});
