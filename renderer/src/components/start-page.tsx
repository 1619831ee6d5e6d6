// The start page: a new report (the format follows the year), open a file or a recent one, import
// the text of a published report or a PDF made by Nianbao, and the recovery offer after a crash.
import { useEffect, useId, useState } from 'react';
import { formatIdForYear, getFormat } from '../../../shared/formats/index';
import { AGENCY_LEVELS, type AgencyLevel } from '../../../shared/model/report';
import {
  discardRecovery,
  importFile,
  startFromPrevious,
  importPdf,
  importText,
  importTextFile,
  newReport,
  openFile,
  openRecent,
  restoreRecovery,
} from '../app/actions';
import { parseReportYear } from '../lib/report-year';
import { openMergeMode } from '../merge/merge-actions';
import { useMerge } from '../merge/merge-store';
import { formatDateTime } from '../lib/time';
import { useSession } from '../store/session-store';

export function StartPage() {
  const prefs = useSession((s) => s.prefs);
  const recovery = useSession((s) => s.recovery);
  const merging = useMerge((s) => s.view);
  const id = useId();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [agencyName, setAgencyName] = useState('');
  const [level, setLevel] = useState<AgencyLevel>('乡镇');
  const [region, setRegion] = useState('');
  const [touchedAgency, setTouchedAgency] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');

  // Preferences arrive after the first render: fill the agency unless the user already typed one.
  useEffect(() => {
    if (!prefs?.agency || touchedAgency) return;
    setAgencyName(prefs.agency.name);
    setLevel(prefs.agency.level);
    setRegion(prefs.agency.region);
  }, [prefs, touchedAgency]);

  const yearCheck = parseReportYear(year);
  const format = yearCheck.ok ? getFormat(formatIdForYear(yearCheck.year)) : null;

  const create = () => {
    if (!yearCheck.ok) {
      setProblem(yearCheck.message);
      return;
    }
    if (agencyName.trim() === '') {
      setProblem('请填写机关名称（全称，如“黄金镇人民政府”）。');
      return;
    }
    setProblem(null);
    newReport({ year: yearCheck.year, agencyName: agencyName.trim(), level, region: region.trim() });
  };

  return (
    <main className="start-page">
      <header className="start-header">
        <h1>年报助手</h1>
        <p>政府信息公开工作年度报告 · 编写、检查、导出</p>
      </header>

      {recovery.length > 0 && (
        <section className="card recovery" aria-labelledby={`${id}-rec`}>
          <h2 id={`${id}-rec`}>发现未保存的报告</h2>
          <p>年报助手上次没有正常关闭。以下报告有未保存的修改，可以恢复：</p>
          <ul className="plain-list">
            {recovery.map((r) => (
              <li key={r.recoveryId} className="recovery-item">
                <span>
                  <strong>{r.title}</strong>
                  {r.fileName ? `（${r.fileName}）` : '（未保存过的新报告）'} · 写于 {formatDateTime(r.savedAt)}
                </span>
                <span className="actions">
                  <button type="button" className="primary" onClick={() => restoreRecovery(r.recoveryId)}>
                    恢复
                  </button>
                  <button type="button" onClick={() => void discardRecovery(r.recoveryId)}>
                    丢弃
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="start-grid">
        <section className="card" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>新建年度报告</h2>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              create();
            }}
          >
            <label>
              <span>报告年度</span>
              <input name="year" value={year} inputMode="numeric" onChange={(e) => setYear(e.target.value)} aria-describedby={`${id}-fmt`} />
            </label>
            <p id={`${id}-fmt`} className="hint">
              {!yearCheck.ok ? yearCheck.message : format ? `${yearCheck.year} 年度使用${format.id}年版格式：${format.source}` : ''}
            </p>
            <label>
              <span>机关名称</span>
              <input
                name="agencyName"
                value={agencyName}
                onChange={(e) => {
                  setTouchedAgency(true);
                  setAgencyName(e.target.value);
                }}
                placeholder="如：黄金镇人民政府"
              />
            </label>
            <label>
              <span>机关层级</span>
              <select
                name="level"
                value={level}
                onChange={(e) => {
                  setTouchedAgency(true);
                  setLevel(e.target.value as AgencyLevel);
                }}
              >
                {AGENCY_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>地区（可不填）</span>
              <input
                name="region"
                value={region}
                onChange={(e) => {
                  setTouchedAgency(true);
                  setRegion(e.target.value);
                }}
              />
            </label>
            {problem && (
              <p className="form-problem" role="alert">
                {problem}
              </p>
            )}
            <div className="form-buttons">
              <button type="submit" className="primary">
                新建
              </button>
            </div>
          </form>
          <h3>从上年报告开始</h3>
          <p className="hint">选择上一年度的报告（Word 文档、网页、PDF、文本或报告文件）：年度加 1，沿用机关信息，上年结转等按上年建议填入（待确认），上年正文作为起点。</p>
          <div className="form-buttons">
            <button type="button" onClick={startFromPrevious}>
              从上年报告开始…
            </button>
          </div>
        </section>

        <section className="card" aria-labelledby={`${id}-open`}>
          <h2 id={`${id}-open`}>打开</h2>
          <div className="form-buttons">
            <button type="button" onClick={openFile}>
              打开报告文件…
            </button>
          </div>
          <h3>最近打开</h3>
          {prefs && prefs.recent.length > 0 ? (
            <ul className="plain-list recent-list">
              {prefs.recent.map((r) => (
                <li key={r.recentId}>
                  <button type="button" className="recent" onClick={() => openRecent(r.recentId)}>
                    <strong>{r.title ?? r.fileName}</strong>
                    <span>
                      {r.fileName} · {r.location}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">还没有打开过报告。</p>
          )}
        </section>

        <section className="card wide merge-card" aria-labelledby={`${id}-merge`}>
          <h2 id={`${id}-merge`}>汇总</h2>
          <p className="hint">收到所属部门、乡镇报送的年报后：逐份核对，查缺报，合计成本地区的年报，导出 Excel。</p>
          <div className="form-buttons">
            <button type="button" className="primary" onClick={openMergeMode}>
              {merging ? `回到汇总（${merging.rows.length} 份报告）` : '汇总多个单位的年报'}
            </button>
          </div>
        </section>

        <section className="card wide" aria-labelledby={`${id}-imp`}>
          <h2 id={`${id}-imp`}>导入</h2>
          <h3>导入上年报告</h3>
          <p className="hint">Word 文档（.docx）、从网站保存的网页（.html）、PDF、文本或报告文件都可以；也可以把文件直接拖到窗口中。</p>
          <div className="form-buttons">
            <button type="button" className="primary" onClick={importFile}>
              导入文件…
            </button>
          </div>
          <h3>从已发布的年报文本导入</h3>
          <p className="hint">把网站上已发布年报的全文（含表格）复制粘贴到下面，或打开保存好的 .txt 文件。</p>
          <textarea
            className="import-text"
            aria-label="已发布年报的全文"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={5}
            placeholder="在此粘贴年报全文"
          />
          <div className="form-buttons">
            <button type="button" className="primary" disabled={pasted.trim() === ''} onClick={() => importText(pasted)}>
              导入粘贴的文本
            </button>
            <button type="button" onClick={importTextFile}>
              打开文本文件…
            </button>
          </div>
          <h3>从PDF导入</h3>
          <p className="hint">读取由年报助手导出的 PDF 中附带的报告数据。</p>
          <div className="form-buttons">
            <button type="button" onClick={importPdf}>
              从PDF导入…
            </button>
          </div>
        </section>
      </div>
    </main>
  );
}
