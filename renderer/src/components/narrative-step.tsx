// A narrative section: a plain text editor with the outline numbering of official documents, a
// character count, and for 六 ready text about 信息处理费 and the optional provincial sub-items.
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { countCharacters, OVERVIEW_MAX_CHARACTERS } from '../../../shared/checks/text-rules';
import { getFormat, TABLE_NAMES } from '../../../shared/formats/index';
import type { SectionKey, TableId } from '../../../shared/formats/types';
import { tableSentence } from '../../../shared/narrative/table-sentences';
import { breakUndoGroup, currentDoc, setSection, useDocStore } from '../store/document-store';
import { showNotice, useSession } from '../store/session-store';
import { stepTitle } from './step-rail';

const GUIDANCE: Record<SectionKey, string> = {
  overview: '概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的工作。',
  problems: '写明本机关工作中存在的具体问题和改进措施、改进情况；不要泛泛而谈，也不要与往年雷同。',
  other: '报告其他需要报告的事项。',
};

/** Where a format asks for 信息处理费 under 六 (2021 on: spec §2; the charging rules date from 2021). */
const FEE_GUIDANCE = '收取信息处理费的情况在此处报告（没有收取也要写明）。';

export const FEE_SENTENCE = '本年度本机关未收取信息处理费。';

/** Optional sub-items some provinces ask for under 六 (spec §2): offered, never required. */
export const PROVINCIAL_ITEMS = ['落实政务公开工作要点情况', '人大代表建议和政协提案办理结果公开情况', '政务公开工作创新情况'];

/** The tables whose figures 插入表格数字 states, in the order a narrative usually cites them. */
const TABLE_FIGURE_BUTTONS: { table: TableId; label: string }[] = [
  { table: 't3', label: TABLE_NAMES.t3 },
  { table: 't4', label: TABLE_NAMES.t4 },
  { table: 't2', label: TABLE_NAMES.t2 },
];

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The next （n） heading number: one more than the （…） headings already at line starts. */
export function nextSubheadingNumber(text: string): string {
  const used = text.split('\n').filter((line) => /^\s*（[一二三四五六七八九十]+）/.test(line)).length;
  return `（${CHINESE_NUMERALS[used] ?? String(used + 1)}）`;
}

/** What a finding selects: its sentence's range when it still fits the text (the range holds the quoted
 *  sentence: the finding was made from this text), else the first quoted passage found. */
export function sentenceToSelect(
  text: string,
  range: { start: number; end: number } | undefined,
  passages: string[] | undefined,
): { start: number; end: number } | undefined {
  if (range && range.start >= 0 && range.end <= text.length && range.start < range.end) {
    const sentence = text.slice(range.start, range.end);
    if (!passages || passages.length === 0 || passages.some((p) => sentence.includes(p))) return range;
  }
  const passage = passages?.find((p) => text.includes(p));
  if (!passage) return undefined;
  const start = text.indexOf(passage);
  return { start, end: start + passage.length };
}

/** Scrolls a textarea so that the character at `at` sits near the top: measured with a mirror element
 *  of the same width and font (lines wrap, so counting line breaks is not enough). */
function scrollToSelection(el: HTMLTextAreaElement, at: number): void {
  const style = getComputedStyle(el);
  const mirror = document.createElement('div');
  for (const prop of ['font', 'lineHeight', 'letterSpacing', 'padding', 'border', 'boxSizing', 'whiteSpace', 'wordBreak', 'overflowWrap'] as const) {
    mirror.style[prop] = style[prop];
  }
  mirror.style.width = `${el.clientWidth}px`;
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.textContent = el.value.slice(0, at);
  document.body.appendChild(mirror);
  const lineHeight = parseFloat(style.lineHeight) || 20;
  el.scrollTop = Math.max(0, mirror.scrollHeight - lineHeight * 3);
  mirror.remove();
}

export function NarrativeStep({ section }: { section: SectionKey }) {
  const format = useDocStore((s) => s.doc?.format ?? '2021');
  const text = useDocStore((s) => s.doc?.sections[section] ?? '');
  const proposed = useDocStore((s) => s.doc?.proposed?.sections.includes(section) === true);
  const previousYear = useDocStore((s) => s.doc?.previous?.year);
  const focus = useSession((s) => s.focus);
  const area = useRef<HTMLTextAreaElement>(null);
  const characters = countCharacters(text);
  const feeReported = getFormat(format).feeReportedUnderOther;
  const overLimit = section === 'overview' && format === '2021' && characters > OVERVIEW_MAX_CHARACTERS;

  useEffect(() => {
    if (focus?.kind !== 'section' || focus.key !== section) return;
    const el = area.current;
    if (el) {
      el.focus();
      const found = sentenceToSelect(el.value, focus.range, focus.select);
      if (found) {
        el.setSelectionRange(found.start, found.end, 'forward');
        scrollToSelection(el, found.start);
      }
    }
    useSession.setState({ focus: null });
  }, [focus, section]);

  /** Inserts text at the caret (or at the end), as its own undo step. */
  const insert = (snippet: string) => {
    const el = area.current;
    const start = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    const before = text.slice(0, start);
    const needsBreak = before !== '' && !before.endsWith('\n');
    const piece = `${needsBreak ? '\n' : ''}${snippet}`;
    breakUndoGroup();
    // Rendered at once, and the caret placed in the same task: a key typed right after the click must land
    // after the inserted text, never in the button or at a caret a later frame would move (it did, under load).
    flushSync(() => setSection(section, before + piece + text.slice(end)));
    breakUndoGroup();
    if (!el) return;
    el.focus();
    const caret = start + piece.length;
    el.setSelectionRange(caret, caret);
  };

  /** 插入表格数字: the sentence stating a table's figures, at the caret; or why not yet (blank cells). */
  const insertTableFigures = (table: TableId) => {
    const doc = currentDoc();
    if (!doc) return;
    const sentence = tableSentence(doc, table);
    if (sentence.ok) insert(sentence.text);
    else showNotice(sentence.message);
  };

  const title = stepTitle(section);
  const headings = getFormat(format).sections;
  return (
    <section className="step-page narrative-step" aria-labelledby="step-heading">
      <h1 id="step-heading">{title}</h1>
      <p className="hint">
        {GUIDANCE[section]}
        {section === 'other' && feeReported ? FEE_GUIDANCE : ''}
      </p>
      {proposed && (
        <p className="proposed-banner" role="status" data-testid="proposed-banner">
          下面是{previousYear ? ` ${previousYear} 年度` : '上年'}报告的原文，仅作为起点。请按本年情况改写{section === 'problems' ? '（与上年雷同会被检查提示）' : ''}；改动后此提示消失。
        </p>
      )}
      <p className="hint outline">层次序号依次用：一、 → （一） → 1. → （1）</p>
      <div className="snippets table-figures" role="group" aria-label="插入表格数字">
        <span className="snippets-label">插入表格数字：</span>
        {TABLE_FIGURE_BUTTONS.map(({ table, label }) => {
          const heading = headings.find((h) => h.key === table)?.heading ?? label;
          return (
            <button
              key={table}
              type="button"
              className="small"
              aria-label={`插入${label}的数字（${heading}）`}
              title={`在光标处插入一句话，写明${label}“${heading}”的各项数字`}
              onClick={() => insertTableFigures(table)}
            >
              {label}
            </button>
          );
        })}
      </div>
      {section === 'other' && (
        <div className="snippets">
          {feeReported && (
            <button type="button" className="small" onClick={() => insert(FEE_SENTENCE)}>
              插入：{FEE_SENTENCE}
            </button>
          )}
          <details>
            <summary>可选小标题（部分省份要求，非必填）</summary>
            <div className="snippet-list">
              {PROVINCIAL_ITEMS.map((item) => (
                <button key={item} type="button" className="small" onClick={() => insert(`${nextSubheadingNumber(text)}${item}\n`)}>
                  插入：{item}
                </button>
              ))}
            </div>
          </details>
        </div>
      )}
      <textarea
        ref={area}
        id={`section-${section}`}
        className="narrative"
        aria-label={title}
        aria-describedby={`count-${section}`}
        data-undo-field={`section:${section}`}
        value={text}
        onChange={(e) => setSection(section, e.target.value)}
        spellCheck={false}
      />
      <p id={`count-${section}`} className={`char-count ${overLimit ? 'warn' : ''}`} aria-live="polite">
        字数 {characters}
        {section === 'overview' && format === '2021' && `（原则上不超过 ${OVERVIEW_MAX_CHARACTERS} 字${overLimit ? `，已超出 ${characters - OVERVIEW_MAX_CHARACTERS} 字` : ''}）`}
      </p>
    </section>
  );
}
