// @vitest-environment jsdom
// A narrative section's editor: the text goes into the report, the character count (and the 2021 limit of
// 一), inserting a table's figures, the 信息处理费 sentence and the numbered optional sub-headings at the
// caret, the sentence a finding asks to select, and the banner of text proposed from last year.
// Also the helpers nextSubheadingNumber and sentenceToSelect.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import { createReport } from '../../../../shared/model/document';
import { tableSentence } from '../../../../shared/narrative/table-sentences';
import { FEE_SENTENCE, NarrativeStep, PROVINCIAL_ITEMS, nextSubheadingNumber, sentenceToSelect } from '../../../../renderer/src/components/narrative-step';
import { currentDoc, loadDoc, pastStepCount, undo } from '../../../../renderer/src/store/document-store';
import { focusSection, useSession } from '../../../../renderer/src/store/session-store';

function open(year: number, sections: Partial<Record<'overview' | 'problems' | 'other', string>> = {}) {
  const doc = createReport({ year, agencyName: '测试镇人民政府' });
  doc.sections = { ...doc.sections, ...sections };
  loadDoc(doc);
  return doc;
}

const area = () => screen.getByRole('textbox') as HTMLTextAreaElement;
const section = (key: 'overview' | 'problems' | 'other') => currentDoc()!.sections[key];

beforeEach(() => {
  open(2024);
});

afterEach(() => {
  cleanup();
  loadDoc(null);
  useSession.setState({ focus: null, notice: null, step: 'meta' });
});

describe('nextSubheadingNumber', () => {
  it('numbers the optional sub-headings of section 六 after the ones already there', () => {
    expect(nextSubheadingNumber('')).toBe('（一）');
    expect(nextSubheadingNumber('（一）落实政务公开工作要点情况\n正文\n（二）其他')).toBe('（三）');
  });

  it('counts only headings at line starts, and goes on in digits after 十', () => {
    expect(nextSubheadingNumber('正文提到（一）不算\n（一）标题')).toBe('（二）');
    const ten = Array.from({ length: 10 }, (_, i) => `（${'一二三四五六七八九十'[i]}）小标题`).join('\n');
    expect(nextSubheadingNumber(ten)).toBe('（11）');
  });
});

describe('sentenceToSelect', () => {
  const text = '本年共收到申请12件。全年共收到政府信息公开申请100件，均已办结。';

  it('keeps the finding’s range while it still holds a quoted passage', () => {
    expect(sentenceToSelect(text, { start: 11, end: 34 }, ['全年共收到政府信息公开申请100件'])).toEqual({ start: 11, end: 34 });
    expect(sentenceToSelect(text, { start: 0, end: 10 }, undefined)).toEqual({ start: 0, end: 10 });
  });

  it('looks for the passage when the range no longer fits the text', () => {
    const at = text.indexOf('全年共收到');
    const passage = '全年共收到政府信息公开申请100件';
    expect(sentenceToSelect(text, { start: 0, end: 10 }, [passage])).toEqual({ start: at, end: at + passage.length });
    expect(sentenceToSelect(text, { start: 30, end: 999 }, ['不在文中', passage])).toEqual({ start: at, end: at + passage.length });
    expect(sentenceToSelect(text, undefined, ['不在文中'])).toBeUndefined();
  });
});

describe('NarrativeStep', () => {
  it('writes what is typed into its section, counting the characters', () => {
    render(<NarrativeStep section="problems" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('五、存在的主要问题及改进情况');
    fireEvent.change(area(), { target: { value: '一是公开不够及时。 二是……' } });
    expect(section('problems')).toBe('一是公开不够及时。 二是……');
    expect(section('overview')).toBe('');
    // Spaces do not count.
    expect(screen.getByText(/^字数/).textContent).toBe('字数 13');
  });

  it('warns when 一、总体情况 runs over 1000 characters in the 2021 format, not in the 2019 one', () => {
    open(2024, { overview: '字'.repeat(1003) });
    render(<NarrativeStep section="overview" />);
    const count = screen.getByText(/^字数/);
    expect(count.textContent).toBe('字数 1003（原则上不超过 1000 字，已超出 3 字）');
    expect(count.className).toContain('warn');
    cleanup();
    open(2020, { overview: '字'.repeat(1003) });
    render(<NarrativeStep section="overview" />);
    expect(screen.getByText(/^字数/).textContent).toBe('字数 1003');
  });

  it('inserts the 信息处理费 sentence on a line of its own at the caret, as one undo step, the caret after it', () => {
    open(2024, { other: '无其他事项。后文' });
    render(<NarrativeStep section="other" />);
    const el = area();
    el.setSelectionRange(6, 6);
    const steps = pastStepCount();
    fireEvent.click(screen.getByRole('button', { name: `插入：${FEE_SENTENCE}` }));
    expect(section('other')).toBe(`无其他事项。\n${FEE_SENTENCE}后文`);
    expect(pastStepCount()).toBe(steps + 1);
    expect(document.activeElement).toBe(el);
    expect(el.selectionStart).toBe(7 + FEE_SENTENCE.length);
    undo();
    expect(section('other')).toBe('无其他事项。后文');
  });

  it('offers the 信息处理费 sentence only where the format asks for it under 六', () => {
    open(2020);
    render(<NarrativeStep section="other" />);
    expect(screen.queryByRole('button', { name: `插入：${FEE_SENTENCE}` })).toBeNull();
    expect(screen.getByText(/报告其他需要报告的事项。/).textContent).not.toContain('信息处理费');
  });

  it('numbers each inserted optional sub-heading after those already there', () => {
    open(2024, { other: '（一）已有的小标题\n' });
    render(<NarrativeStep section="other" />);
    area().setSelectionRange(area().value.length, area().value.length);
    fireEvent.click(screen.getByRole('button', { name: `插入：${PROVINCIAL_ITEMS[1]}` }));
    expect(section('other')).toBe(`（一）已有的小标题\n（二）${PROVINCIAL_ITEMS[1]}\n`);
  });

  it('inserts a table’s figures as a sentence, or says which cells are still blank', () => {
    render(<NarrativeStep section="overview" />);
    fireEvent.click(screen.getByRole('button', { name: /^插入表四的数字/ }));
    expect(section('overview')).toBe('');
    expect(useSession.getState().notice).toContain('表四还有空白或无效的单元格');

    cleanup();
    const doc = createReport({ year: 2024, agencyName: '测试镇人民政府' });
    for (const key of formatModel('2021').keysByTable.t4) doc.cells[key] = 1;
    loadDoc(doc);
    render(<NarrativeStep section="overview" />);
    fireEvent.click(screen.getByRole('button', { name: /^插入表四的数字/ }));
    const sentence = tableSentence(currentDoc()!, 't4');
    expect(sentence.ok).toBe(true);
    expect(section('overview')).toBe(sentence.ok ? sentence.text : '');
  });

  it('selects the sentence a finding points at when it is asked to focus', () => {
    const text = '本年度工作平稳。全年共收到政府信息公开申请100件。';
    open(2024, { problems: text });
    render(<NarrativeStep section="problems" />);
    act(() => focusSection('problems', ['全年共收到政府信息公开申请100件']));
    const el = area();
    expect(document.activeElement).toBe(el);
    expect(text.slice(el.selectionStart, el.selectionEnd)).toBe('全年共收到政府信息公开申请100件');
    expect(useSession.getState().focus).toBeNull();
  });

  it('ignores a focus request for another section', () => {
    render(<NarrativeStep section="problems" />);
    act(() => focusSection('overview'));
    expect(document.activeElement).not.toBe(area());
    expect(useSession.getState().focus).toMatchObject({ kind: 'section', key: 'overview' });
  });

  it('marks text proposed from last year’s report until it is edited', () => {
    const doc = open(2024, { problems: '去年的问题。' });
    loadDoc({ ...doc, proposed: { cells: [], sections: ['problems'] } });
    render(<NarrativeStep section="problems" />);
    expect(screen.getByTestId('proposed-banner').textContent).toContain('与上年雷同会被检查提示');
    fireEvent.change(area(), { target: { value: '今年的问题。' } });
    expect(screen.queryByTestId('proposed-banner')).toBeNull();
  });
});
