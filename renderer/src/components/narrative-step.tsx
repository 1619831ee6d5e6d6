// A narrative section: a plain text editor with the outline numbering of official documents, a
// character count, and for 六 ready text about 信息处理费 and the optional provincial sub-items.
import { useEffect, useRef } from 'react';
import { countCharacters, OVERVIEW_MAX_CHARACTERS } from '../../../shared/checks/text-rules';
import type { SectionKey } from '../../../shared/formats/types';
import { breakUndoGroup, setSection, useDocStore } from '../store/document-store';
import { useSession } from '../store/session-store';
import { stepTitle } from './step-rail';

const GUIDANCE: Record<SectionKey, string> = {
  overview: '概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的工作。',
  problems: '写明本机关工作中存在的具体问题和改进措施、改进情况；不要泛泛而谈，也不要与往年雷同。',
  other: '报告其他需要报告的事项。',
};

/** Only the 2021 format asks for 信息处理费 under 六 (spec §2; the charging rules date from 2021). */
const FEE_GUIDANCE_2021 = '收取信息处理费的情况在此处报告（没有收取也要写明）。';

export const FEE_SENTENCE = '本年度本机关未收取信息处理费。';

/** Optional sub-items some provinces ask for under 六 (spec §2): offered, never required. */
export const PROVINCIAL_ITEMS = ['落实政务公开工作要点情况', '人大代表建议和政协提案办理结果公开情况', '政务公开工作创新情况'];

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The next （n） heading number: one more than the （…） headings already at line starts. */
export function nextSubheadingNumber(text: string): string {
  const used = text.split('\n').filter((line) => /^\s*（[一二三四五六七八九十]+）/.test(line)).length;
  return `（${CHINESE_NUMERALS[used] ?? String(used + 1)}）`;
}

export function NarrativeStep({ section }: { section: SectionKey }) {
  const format = useDocStore((s) => s.doc?.format ?? '2021');
  const text = useDocStore((s) => s.doc?.sections[section] ?? '');
  const focus = useSession((s) => s.focus);
  const area = useRef<HTMLTextAreaElement>(null);
  const characters = countCharacters(text);
  const overLimit = section === 'overview' && format === '2021' && characters > OVERVIEW_MAX_CHARACTERS;

  useEffect(() => {
    if (focus?.kind !== 'section' || focus.key !== section) return;
    const el = area.current;
    if (el) {
      el.focus();
      const passage = focus.select?.find((p) => el.value.includes(p));
      const at = passage ? el.value.indexOf(passage) : -1;
      if (passage && at >= 0) {
        el.setSelectionRange(at, at + passage.length);
        // Bring the selected sentence into view: put the caret line near the top.
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
        const line = el.value.slice(0, at).split('\n').length - 1;
        el.scrollTop = Math.max(0, line * lineHeight - lineHeight * 2);
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
    setSection(section, before + piece + text.slice(end));
    breakUndoGroup();
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      const caret = start + piece.length;
      el.setSelectionRange(caret, caret);
    });
  };

  const title = stepTitle(section, format);
  return (
    <section className="step-page narrative-step" aria-labelledby="step-heading">
      <h1 id="step-heading">{title}</h1>
      <p className="hint">
        {GUIDANCE[section]}
        {section === 'other' && format === '2021' ? FEE_GUIDANCE_2021 : ''}
      </p>
      <p className="hint outline">层次序号依次用：一、 → （一） → 1. → （1）</p>
      {section === 'other' && (
        <div className="snippets">
          {format === '2021' && (
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
