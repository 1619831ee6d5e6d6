// The 汇总 mode: the receiving office collects the units' reports (files or a folder, through main's
// dialogs), sees one row per report, decides what the overview asks (which year/format to sum, whether a
// PDF changed after export counts and with whose figures, fuzzy roster matches), opens any unit read-only,
// and builds the summary report and the workbook.
import { useEffect, useId, useRef, useState } from 'react';
import { AGENCY_LEVELS, type AgencyLevel } from '../../../shared/model/report';
import type { MergeView } from '../../../shared/ipc/contract';
import { MessageBar } from '../components/message-bar';
import { useSession } from '../store/session-store';
import {
  addSources,
  chooseGroup,
  chooseRoster,
  confirmMatch,
  exportWorkbook,
  generateSummary,
  includeUnit,
  leaveMergeMode,
  openUnit,
  resetMerge,
} from './merge-actions';
import { useMerge } from './merge-store';
import { MergeTable } from './merge-table';
import { UnitView } from './unit-view';

function SummaryLine({ view }: { view: MergeView }) {
  const skipped = view.skipped.reduce((n, s) => n + s.count, 0);
  const parts = [
    view.group ? `汇总 ${view.group.year} 年度（${view.group.format}年版格式）` : '没有可汇总的报告',
    `读到 ${view.rows.length} 份报告，计入 ${view.included} 份`,
  ];
  if (view.failed.length > 0) parts.push(`读不了 ${view.failed.length} 个文件`);
  if (skipped > 0) parts.push(`跳过 ${skipped} 个非报告文件（${view.skipped.map((s) => `${s.reason} ${s.count} 个`).join('、')}）`);
  if (view.roster) parts.push(`名单“${view.roster.fileName}”${view.roster.names} 个单位，缺 ${view.roster.missing.length} 个`);
  return (
    <p className="merge-summary" role="status" data-testid="merge-summary">
      {parts.join(' · ')}
    </p>
  );
}

/** Names listed before “另有 N 个” (a thousand units need not be a thousand lines above the table). */
const LISTED = 20;

/** What the overview asks the user to decide or know, each with its buttons. */
function Attention({ view }: { view: MergeView }) {
  const pendingGroup = useMerge((s) => s.group);
  const shownGroup = pendingGroup ?? view.group;
  const marked = view.rows.filter((r) => r.choices.length > 0 && (r.status === 'marked' || r.dataUsed));
  const superseded = view.rows.filter((r) => r.status === 'superseded');
  const otherGroup = view.rows.filter((r) => r.status === 'otherGroup');
  const unknown = view.roster?.unknown ?? [];
  const proposals = unknown.filter((u) => u.candidate);
  const strangers = unknown.filter((u) => !u.candidate);
  const missing = view.roster?.missing ?? [];
  if (view.groups.length <= 1 && marked.length === 0 && superseded.length === 0 && unknown.length === 0 && missing.length === 0 && view.failed.length === 0) return null;
  return (
    <section className="merge-attention" aria-label="需要您知道和决定的事">
      {view.groups.length > 1 && (
        <fieldset className="attention-item groups">
          <legend>报告不属同一年度或格式，只汇总其中一组：</legend>
          {view.groups.map((g) => {
            const chosen = shownGroup?.year === g.year && shownGroup.format === g.format;
            return (
              <label key={`${g.year}-${g.format}`} className="check">
                <input type="radio" name="merge-group" checked={chosen} onChange={() => void chooseGroup(g.year, g.format)} />
                {g.year} 年度（{g.format}年版格式）{g.count} 份
              </label>
            );
          })}
          {otherGroup.length > 0 && <span className="hint">未计入：{otherGroup.map((r) => `${r.unit}（${r.year} 年）`).join('、')}</span>}
        </fieldset>
      )}
      {marked.length > 0 && (
        <div className="attention-item">
          <h3>有疑问的 PDF（{marked.length}）</h3>
          <ul className="plain-list">
            {marked.map((r) => (
              <li key={r.unitId} className="marked-unit" data-unit-id={r.unitId}>
                <button type="button" className="link" onClick={() => void openUnit(r.unitId)}>
                  {r.unit}（{r.fileName}）
                </button>
                ：
                {r.dataUsed ? (
                  <>
                    已按您的确认计入，采用{r.dataUsed === 'printed' ? '印出的数字' : '内嵌数据'}。
                    <button type="button" className="small" onClick={() => void includeUnit(r.unitId, null)}>
                      不计入
                    </button>
                  </>
                ) : (
                  <>
                    {r.statusDetail}
                    <span className="choice-buttons">
                      {r.choices.includes('printed') && (
                        <button type="button" className="small" onClick={() => void includeUnit(r.unitId, 'printed')}>
                          计入，采用印出的数字
                        </button>
                      )}
                      {r.choices.includes('embedded') && (
                        <button type="button" className="small" onClick={() => void includeUnit(r.unitId, 'embedded')}>
                          计入，采用内嵌数据
                        </button>
                      )}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {superseded.length > 0 && (
        <div className="attention-item">
          <h3>同一单位报了两次（{superseded.length}）</h3>
          <ul className="plain-list">
            {superseded.slice(0, LISTED).map((r) => (
              <li key={r.unitId}>
                {r.unit}：{r.fileName} 未计入，{r.statusDetail}（导出较晚的一份）。
              </li>
            ))}
            {superseded.length > LISTED && <li>另有 {superseded.length - LISTED} 份（表中状态为“已被更正”）</li>}
          </ul>
        </div>
      )}
      {(missing.length > 0 || unknown.length > 0) && (
        <div className="attention-item roster" data-testid="merge-roster">
          <h3>名单核对</h3>
          {missing.length > 0 && (
            <p>
              <strong>未报（{missing.length}）：</strong>
              {missing.join('、')}
            </p>
          )}
          {proposals.length > 0 && (
            <ul className="plain-list">
              {proposals.slice(0, LISTED).map((u) => (
                <li key={u.unitId}>
                  不在名单上：{u.unit} —— 是否就是名单中的“{u.candidate!.rosterName}”？
                  <button type="button" className="small" onClick={() => void confirmMatch(u.unitId, u.candidate!.rosterName)}>
                    是，同一单位
                  </button>
                </li>
              ))}
              {proposals.length > LISTED && <li>另有 {proposals.length - LISTED} 个相近的名称，确认以上几个后再列出。</li>}
            </ul>
          )}
          {strangers.length > 0 && (
            <p>
              <strong>不在名单上（{strangers.length}）：</strong>
              {strangers
                .slice(0, LISTED)
                .map((u) => u.unit)
                .join('、')}
              {strangers.length > LISTED ? ` 等 ${strangers.length} 个` : ''}
            </p>
          )}
        </div>
      )}
      {view.failed.length > 0 && (
        <div className="attention-item failed">
          <h3>读不了的文件（{view.failed.length}，未计入）</h3>
          <ul className="plain-list">
            {view.failed.slice(0, LISTED).map((f) => (
              <li key={`${f.location}/${f.fileName}`} title={`${f.location}/${f.fileName}`}>
                {f.fileName}：{f.reason}
              </li>
            ))}
            {view.failed.length > LISTED && <li>另有 {view.failed.length - LISTED} 个（见导出的 Excel“文件情况”表）</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

function SummaryForm({ view }: { view: MergeView }) {
  const prefs = useSession((s) => s.prefs);
  const id = useId();
  const [agencyName, setAgencyName] = useState(prefs?.agency?.name ?? '');
  const [level, setLevel] = useState<AgencyLevel>(prefs?.agency?.level ?? '县级');
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    box.current?.querySelector('input')?.focus();
    return () => returnTo?.focus?.();
  }, []);
  const cancel = () => useMerge.setState({ askingSummary: false });
  return (
    <div className="dialog-backdrop">
      <form
        ref={box}
        className="dialog form"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          if (agencyName.trim() === '') {
            setProblem('请填写本机关（汇总报告的发布机关）的全称，如“某县人民政府办公室”。');
            return;
          }
          void generateSummary({ agencyName: agencyName.trim(), level, region: prefs?.agency?.region ?? '' });
        }}
      >
        <h2 id={`${id}-t`}>生成汇总报告</h2>
        <p>
          把计入的 {view.included} 份报告逐格相加，生成一份 {view.group?.year} 年度的报告（正文留空，由您撰写）。汇总报告以哪个机关的名义发布？
        </p>
        <label>
          <span>本机关名称</span>
          <input name="summaryAgency" value={agencyName} onChange={(e) => setAgencyName(e.target.value)} placeholder="如：某县人民政府办公室" />
        </label>
        <label>
          <span>机关层级</span>
          <select name="summaryLevel" value={level} onChange={(e) => setLevel(e.target.value as AgencyLevel)}>
            {AGENCY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary">
            生成
          </button>
          <button type="button" onClick={cancel}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}

export function MergePage() {
  const view = useMerge((s) => s.view);
  const busy = useMerge((s) => s.busy);
  const unit = useMerge((s) => s.unit);
  const asking = useMerge((s) => s.askingSummary);

  // While a unit is open read-only, the overview's commands wait: they act on the overview, which is hidden.
  const locked = busy !== null || unit !== null;
  const lockedTitle = unit ? '请先返回概览（Esc）' : undefined;

  return (
    <div className="merge-page" aria-busy={busy !== null}>
      <header className="top-bar merge-bar">
        <button type="button" className="link home" onClick={leaveMergeMode} title="回到开始页">
          年报助手
        </button>
        <h1>汇总多个单位的年报</h1>
        <div className="top-actions">
          <button type="button" onClick={() => void addSources('files')} disabled={locked} title={lockedTitle}>
            添加报告文件…
          </button>
          <button type="button" onClick={() => void addSources('folder')} disabled={locked} title={lockedTitle}>
            添加文件夹…
          </button>
          <button type="button" onClick={() => void chooseRoster()} disabled={!view || locked} title={lockedTitle}>
            应报单位名单…
          </button>
          <button type="button" onClick={() => void exportWorkbook()} disabled={!view || view.rows.length === 0 || locked} title={lockedTitle}>
            导出Excel…
          </button>
          <button type="button" className="primary" onClick={() => useMerge.setState({ askingSummary: true })} disabled={!view || view.included === 0 || locked} title={lockedTitle}>
            生成汇总报告…
          </button>
          {view && (
            <button type="button" className="link" onClick={() => void resetMerge()} disabled={locked} title={lockedTitle}>
              重新开始
            </button>
          )}
        </div>
      </header>
      <div className="merge-work">
        <MessageBar />
        {busy && (
          <p className="merge-busy" role="status">
            {busy}
          </p>
        )}
        {!view ? (
          <section className="card merge-empty">
            <h2>选择各单位报送的年报</h2>
            <p>
              可以选择多个文件，或选择存放它们的文件夹（子文件夹也会读取）。年报助手的报告文件和导出的 PDF 读取其中附带的数据，并与 PDF
              上印出的表格核对；其他 PDF、Word 文档、网页和文本从文字读取，会标明。Word 临时文件、图片、压缩包等会跳过并计数。
            </p>
            <div className="form-buttons">
              <button type="button" className="primary" onClick={() => void addSources('folder')} disabled={busy !== null}>
                选择文件夹…
              </button>
              <button type="button" onClick={() => void addSources('files')} disabled={busy !== null}>
                选择报告文件…
              </button>
            </div>
          </section>
        ) : unit ? (
          <UnitView unit={unit} />
        ) : (
          <>
            <SummaryLine view={view} />
            <Attention view={view} />
            <MergeTable view={view} />
            {view.notices.length > 0 && (
              <details className="merge-notices">
                <summary>汇总说明（{view.notices.length} 条）</summary>
                <ul>
                  {view.notices.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
      {asking && view && <SummaryForm view={view} />}
    </div>
  );
}
