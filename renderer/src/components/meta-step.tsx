// 基本信息: agency, level, region and year. The format follows the year when the report is created;
// meta.formatYear reports a mismatch if the year is changed across formats later, and 转换格式 converts the tables.
import { useEffect, useRef, useState } from 'react';
import { formatIdForYear, getFormat } from '../../../shared/formats/index';
import { AGENCY_LEVELS, defaultReportTitle, isIssueDate, reportTitle, type AgencyLevel } from '../../../shared/model/report';
import { convertReportFormat, describePrevious, loadPrevious, removePrevious } from '../app/actions';
import { updateDoc, useDocStore } from '../store/document-store';
import { useSession } from '../store/session-store';
import { BackupList } from './backup-list';
import { parseReportYear } from '../lib/report-year';

export function MetaStep() {
  const doc = useDocStore((s) => s.doc);
  const previous = doc?.previous;
  const focus = useSession((s) => s.focus);
  const nameRef = useRef<HTMLInputElement>(null);
  const yearRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [yearText, setYearText] = useState(String(doc?.year ?? ''));
  const [yearProblem, setYearProblem] = useState<string | null>(null);

  // Undo/redo can change the year under the field.
  useEffect(() => {
    if (!doc) return;
    const shown = parseReportYear(yearText);
    if (!shown.ok || shown.year !== doc.year) {
      setYearText(String(doc.year));
      setYearProblem(null);
    }
  }, [doc?.year]);

  useEffect(() => {
    if (focus?.kind !== 'meta') return;
    (focus.field === 'year' || focus.field === 'format' ? yearRef : focus.field === 'title' ? titleRef : nameRef).current?.focus();
    useSession.setState({ focus: null });
  }, [focus]);

  if (!doc) return null;
  const format = getFormat(doc.format);
  const expected = formatIdForYear(doc.year);

  const setYear = (text: string) => {
    setYearText(text);
    const check = parseReportYear(text);
    if (!check.ok) {
      setYearProblem(check.message);
      return;
    }
    const year = check.year;
    setYearProblem(null);
    updateDoc((d) => (d.year === year ? d : { ...d, year }), { coalesce: 'meta:year' });
  };

  return (
    <section className="step-page meta-step" aria-labelledby="step-heading">
      <h1 id="step-heading">基本信息</h1>
      <div className="form two-columns">
        <label>
          <span>机关名称</span>
          <input
            ref={nameRef}
            name="agencyName"
            data-undo-field="meta:name"
            value={doc.agency.name}
            onChange={(e) => {
              const name = e.target.value;
              updateDoc((d) => ({ ...d, agency: { ...d.agency, name } }), { coalesce: 'meta:name' });
            }}
          />
        </label>
        <label>
          <span>机关层级</span>
          <select
            name="level"
            data-undo-field="meta:level"
            value={doc.agency.level}
            onChange={(e) => {
              const level = e.target.value as AgencyLevel;
              updateDoc((d) => ({ ...d, agency: { ...d.agency, level } }));
            }}
          >
            {AGENCY_LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          <span>地区（可不填）</span>
          <input
            name="region"
            data-undo-field="meta:region"
            value={doc.agency.region ?? ''}
            onChange={(e) => {
              const region = e.target.value;
              updateDoc(
                (d) => {
                  const { region: _old, ...agency } = d.agency;
                  return { ...d, agency: region === '' ? agency : { ...agency, region } };
                },
                { coalesce: 'meta:region' },
              );
            }}
          />
        </label>
        <label>
          <span>报告年度</span>
          <input ref={yearRef} name="year" data-undo-field="meta:year" inputMode="numeric" value={yearText} onChange={(e) => setYear(e.target.value)} />
        </label>
        <label className="wide">
          <span>报告标题</span>
          <input
            ref={titleRef}
            name="title"
            data-undo-field="meta:title"
            data-testid="report-title"
            value={doc.title ?? reportTitle(doc)}
            onChange={(e) => {
              const title = e.target.value;
              updateDoc(
                (d) => {
                  // The default is not stored: it follows the agency name and year until the user writes another.
                  if (title === defaultReportTitle(d)) {
                    const { title: _old, ...rest } = d;
                    return rest;
                  }
                  return { ...d, title };
                },
                { coalesce: 'meta:title' },
              );
            }}
          />
          {doc.title !== undefined && (
            <button
              type="button"
              className="small"
              onClick={() =>
                updateDoc((d) => {
                  const { title: _old, ...rest } = d;
                  return rest;
                })
              }
            >
              恢复默认标题（{defaultReportTitle(doc)}）
            </button>
          )}
        </label>
        <label>
          <span>成文日期（落款，留空则为正式导出当天）</span>
          <input
            type="date"
            name="issued"
            data-undo-field="meta:issued"
            value={doc.issued ?? ''}
            onChange={(e) => {
              const issued = e.target.value;
              // The date picker gives YYYY-MM-DD or nothing (cleared): nothing means the export's day.
              if (issued !== '' && !isIssueDate(issued)) return;
              updateDoc(
                (d) => {
                  const { issued: _old, ...rest } = d;
                  return issued === '' ? rest : { ...rest, issued };
                },
                { coalesce: 'meta:issued' },
              );
            }}
          />
        </label>
        {yearProblem && (
          <p className="form-problem" role="alert">
            {yearProblem}
          </p>
        )}
      </div>
      <dl className="facts">
        <dt>表格格式</dt>
        <dd>
          {format.id}年版：{format.source}
          {expected !== doc.format && (
            <span className="warn">（{doc.year} 年度应使用 {expected} 年版格式，见检查结果）</span>
          )}{' '}
          <button type="button" className="small" onClick={convertReportFormat}>
            转换为 {expected !== doc.format ? expected : doc.format === '2019' ? '2021' : '2019'} 年版格式…
          </button>
        </dd>
      </dl>

      <h2>上年报告（可选）</h2>
      <p className="hint">
        载入上一年度的报告（报告文件、Word 文档、网页、PDF 或文本）后，会核对“上年结转”是否等于上年的“结转下年度继续办理”，并提示与上年雷同或变化过大的情况。
        上年的数字保存在本报告中（导出的 PDF 也带有），下次打开不必再载入；上年报告本身不会被修改。
      </p>
      {previous ? (
        <div className="previous-kept" data-testid="previous-kept">
          <p>
            本报告保存的上年报告：<strong>{describePrevious(previous)}</strong>
            <br />
            <span className="hint">文件 SHA-256：{previous.sha256.slice(0, 16)}…</span>
          </p>
          <div className="form-buttons">
            <button type="button" onClick={() => void loadPrevious()}>
              换一份上年报告…
            </button>
            <button type="button" onClick={removePrevious}>
              移除上年报告
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => void loadPrevious()}>
          载入上年报告…
        </button>
      )}

      <h2>历史版本</h2>
      <BackupList />
    </section>
  );
}
