// Table 3 from the application ledger, in the table-3 step: 下载台账模板, and 从台账生成表三 — pick a ledger
// (main shows the dialog and keeps its rows), check the proposed mapping of columns and values (with the
// rows per value; unmapped values are marked), then see the ledger's table next to the current one with
// the cells that would change highlighted; apply all (one undo step) or keep the table. Any cell of the
// ledger's table opens the ledger rows it counts.
import { useState } from 'react';
import { formatModel, TABLE_NAMES } from '../../../shared/formats/index';
import type { FormatId } from '../../../shared/formats/types';
import type { LedgerCountResult, LedgerRowView, OpenedLedger } from '../../../shared/ipc/contract';
import { applyTable3, table3Changes } from '../../../shared/ledger/apply';
import { ledgerCategories, resultName, type ApplicantKey } from '../../../shared/ledger/categories';
import { FIELD_LABELS, REQUIRED_FIELDS, type LedgerMapping, type ValueCount } from '../../../shared/ledger/mapping';
import { LEDGER_FIELDS, type LedgerField } from '../../../shared/ledger/types';
import { invoke } from '../lib/bridge';
import { currentDoc, updateDoc, useDocStore } from '../store/document-store';
import { showError, showNotice } from '../store/session-store';

const T3 = TABLE_NAMES.t3;

type Values = LedgerCountResult['values'];

const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** Short row names for the comparison table: “（三）不予公开 4.保护第三方合法权益” → “不予公开／4.保护…”. */
function rowName(format: FormatId, rowKey: string): string {
  const row = formatModel(format).format.t3.rows.find((r) => r.key === rowKey);
  if (!row) return rowKey;
  return row.labels.length === 3 ? resultName(format, rowKey) : row.labels[row.labels.length - 1]!.replace(/（区分处理的.*$/, '');
}

function resultOptions(format: FormatId, reasonsOnly: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const g of ledgerCategories(format).groups) {
    if (g.reasons.length === 0) {
      if (!reasonsOnly) out.push([g.key, g.label]);
      continue;
    }
    if (!reasonsOnly) out.push([g.key, `${g.label}（具体情形另列）`]);
    for (const r of g.reasons) out.push([r.key, `${g.label}／${r.printed}`]);
  }
  return out;
}

export function LedgerTools() {
  const format = useDocStore((s) => s.doc?.format ?? '2021');
  const year = useDocStore((s) => s.doc?.year ?? 0);
  const [opened, setOpened] = useState<OpenedLedger | null>(null);
  const [mapping, setMapping] = useState<LedgerMapping | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [result, setResult] = useState<LedgerCountResult | null>(null);
  const [drill, setDrill] = useState<{ key: string; rows: LedgerRowView[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setOpened(null);
    setMapping(null);
    setValues(null);
    setResult(null);
    setDrill(null);
  };

  const downloadTemplate = async () => {
    const r = await invoke('ledger:template', { year, format });
    if (r.ok) showNotice(`已保存台账模板“${r.value.fileName}”（${r.value.location}）。`);
    else showError(r.error);
  };

  const openLedger = async () => {
    const doc = currentDoc();
    if (!doc) return;
    setBusy(true);
    const r = await invoke('ledger:open', { year: doc.year, format: doc.format, agencyName: doc.agency.name });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    setOpened(r.value);
    setMapping(r.value.mapping);
    setValues(r.value);
    setResult(null);
    setDrill(null);
  };

  const recount = async (next: LedgerMapping): Promise<LedgerCountResult | null> => {
    if (!opened) return null;
    setBusy(true);
    const r = await invoke('ledger:count', { ledgerId: opened.ledgerId, mapping: next, year, format });
    setBusy(false);
    if (!r.ok) {
      showError(r.error);
      return null;
    }
    setValues(r.value.values);
    return r.value;
  };

  const changeColumn = async (field: LedgerField, column: string) => {
    if (!mapping) return;
    const columns = { ...mapping.columns };
    if (column === '') delete columns[field];
    else columns[field] = Number(column);
    const next = { ...mapping, columns };
    setMapping(next);
    await recount(next);
  };

  const count = async () => {
    if (!mapping) return;
    const r = await recount(mapping);
    if (r) {
      setResult(r);
      setDrill(null);
    }
  };

  const openCell = async (key: string) => {
    if (!opened || !mapping) return;
    const r = await invoke('ledger:rows', { ledgerId: opened.ledgerId, mapping, year, format, key });
    if (r.ok) setDrill({ key, rows: r.value });
    else showError(r.error);
  };

  const apply = async () => {
    if (!opened || !mapping || !result) return;
    const source = {
      fileName: opened.fileName.slice(0, 260),
      sheet: opened.sheetName.slice(0, 100),
      rows: result.rows,
      counted: result.counted,
      excluded: result.excluded.length,
      derivedAt: new Date().toISOString(),
    };
    updateDoc((d) => applyTable3(d, { cells: result.cells, format, year }, source));
    const doc = currentDoc();
    if (doc) await invoke('ledger:remember', { ledgerId: opened.ledgerId, mapping, agencyName: doc.agency.name });
    showNotice(`已按台账填入${T3}（台账 ${result.rows} 行，计入 ${result.counted} 行，未计入 ${result.excluded.length} 行）。可按 Ctrl+Z 撤销。`);
    close();
  };

  return (
    <div className="ledger-tools">
      <div className="table-tools">
        <button type="button" className="small" onClick={() => void downloadTemplate()}>
          下载台账模板
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => void openLedger()}>
          从台账生成{T3}
        </button>
      </div>
      {opened && mapping && values && !result && (
        <MappingScreen
          format={format}
          opened={opened}
          mapping={mapping}
          values={values}
          busy={busy}
          onColumn={(f, c) => void changeColumn(f, c)}
          onMapping={setMapping}
          onCount={() => void count()}
          onCancel={close}
        />
      )}
      {opened && result && (
        <CompareScreen
          format={format}
          year={year}
          opened={opened}
          result={result}
          drill={drill}
          onCell={(k) => void openCell(k)}
          onApply={() => void apply()}
          onBack={() => setResult(null)}
          onKeep={close}
        />
      )}
    </div>
  );
}

interface MappingProps {
  format: FormatId;
  opened: OpenedLedger;
  mapping: LedgerMapping;
  values: Values;
  busy: boolean;
  onColumn(field: LedgerField, column: string): void;
  onMapping(m: LedgerMapping): void;
  onCount(): void;
  onCancel(): void;
}

function MappingScreen({ format, opened, mapping, values, busy, onColumn, onMapping, onCount, onCancel }: MappingProps) {
  const cats = ledgerCategories(format);
  const missing = REQUIRED_FIELDS.filter((f) => mapping.columns[f] === undefined);
  const unmapped = [
    ...values.applicantValues.filter((v) => !mapping.applicantValues[v.value]),
    ...values.resultValues.filter((v) => !mapping.resultValues[v.value]?.length),
    ...values.reasonValues.filter((v) => !mapping.reasonValues[v.value]?.length),
  ].length;
  const setApplicant = (value: string, key: string) => {
    const applicantValues = { ...mapping.applicantValues };
    if (key) applicantValues[value] = key as ApplicantKey;
    else delete applicantValues[value];
    onMapping({ ...mapping, applicantValues });
  };
  const setResult = (which: 'resultValues' | 'reasonValues', value: string, targets: string) => {
    const map = { ...mapping[which] };
    if (targets) map[value] = targets.split(',');
    else delete map[value];
    onMapping({ ...mapping, [which]: map });
  };

  return (
    <section className="ledger-panel" aria-label="台账的列与值">
      <h2>台账“{opened.fileName}”：核对各列和各值的对应关系</h2>
      <p className="muted">
        工作表“{opened.sheetName}”，表头在第 {opened.headerRow} 行，数据 {values.dataRows} 行。下面是年报助手的判断，请核对；改错的地方直接选择。
      </p>
      <div className="ledger-columns">
        {LEDGER_FIELDS.map((field) => (
          <label key={field} className={REQUIRED_FIELDS.includes(field) && mapping.columns[field] === undefined ? 'missing' : ''}>
            <span>
              {FIELD_LABELS[field]}
              {REQUIRED_FIELDS.includes(field) ? '＊' : ''}
            </span>
            <select aria-label={`“${FIELD_LABELS[field]}”在台账的哪一列`} value={mapping.columns[field] ?? ''} onChange={(e) => onColumn(field, e.target.value)}>
              <option value="">（没有这一列）</option>
              {opened.headers.map((h, i) => (
                <option key={i} value={i}>
                  {columnLetter(i)}列 {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {missing.length > 0 && <p className="warn">请指定这些列：{missing.map((f) => FIELD_LABELS[f]).join('、')}。</p>}
      <div className="ledger-values">
        <ValueTable
          title="申请人类型"
          values={values.applicantValues}
          current={(v) => mapping.applicantValues[v] ?? ''}
          options={cats.applicants.map((a) => [a.key, a.listLabel])}
          onChange={setApplicant}
        />
        <ValueTable
          title="办理结果"
          values={values.resultValues}
          current={(v) => (mapping.resultValues[v] ?? []).join(',')}
          options={resultOptions(format, false)}
          onChange={(v, t) => setResult('resultValues', v, t)}
          format={format}
        />
        {mapping.columns.reason !== undefined && (
          <ValueTable
            title="具体情形"
            values={values.reasonValues}
            current={(v) => (mapping.reasonValues[v] ?? []).join(',')}
            options={resultOptions(format, true)}
            onChange={(v, t) => setResult('reasonValues', v, t)}
            format={format}
          />
        )}
      </div>
      {unmapped > 0 && <p className="warn">有 {unmapped} 个值还没有对应的类别（标黄）：这些行不会计入{T3}，会在统计后逐行列出。</p>}
      <div className="ledger-actions">
        <button type="button" className="primary" disabled={busy || missing.length > 0} onClick={onCount}>
          统计{T3}
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </section>
  );
}

function ValueTable(props: {
  title: string;
  values: ValueCount<unknown>[];
  current(value: string): string;
  options: Array<[string, string]>;
  onChange(value: string, target: string): void;
  format?: FormatId;
}) {
  return (
    <table className="ledger-value-table">
      <caption>{props.title}</caption>
      <thead>
        <tr>
          <th>台账中的写法</th>
          <th>行数</th>
          <th>对应{T3}的</th>
        </tr>
      </thead>
      <tbody>
        {props.values.map((v) => {
          const current = props.current(v.value);
          const multiple = current.includes(',');
          return (
            <tr key={v.value} className={current ? '' : 'unmapped'}>
              <td>{v.value}</td>
              <td className="num">{v.count}</td>
              <td>
                <select aria-label={`${props.title}“${v.value}”对应`} value={current} onChange={(e) => props.onChange(v.value, e.target.value)}>
                  <option value="">（未对应，不计入）</option>
                  {multiple && props.format && (
                    <option value={current}>
                      {current.split(',').map((k) => resultName(props.format!, k)).join(' + ')}（计一次）
                    </option>
                  )}
                  {props.options.map(([key, label]) => (
                    <option key={key} value={key}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
        {props.values.length === 0 && (
          <tr>
            <td colSpan={3} className="muted">
              （这一列没有值）
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

interface CompareProps {
  format: FormatId;
  year: number;
  opened: OpenedLedger;
  result: LedgerCountResult;
  drill: { key: string; rows: LedgerRowView[] } | null;
  onCell(key: string): void;
  onApply(): void;
  onBack(): void;
  onKeep(): void;
}

function CompareScreen({ format, year, opened, result, drill, onCell, onApply, onBack, onKeep }: CompareProps) {
  const doc = useDocStore((s) => s.doc);
  const t3 = formatModel(format).format.t3;
  const changed = new Set(doc ? table3Changes(doc, result).map((c) => c.key) : []);
  const columnLabel = (key: string) => (key === 'otherOrg' ? '其他组织' : (t3.columns.find((c) => c.key === key)?.label ?? key));
  const drillName = (key: string) => {
    const parts = key.split('.');
    const col = parts.pop()!;
    return `“${rowName(format, parts.slice(1).join('.'))}”行“${columnLabel(col)}”列`;
  };
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '空' : String(v));

  return (
    <section className="ledger-panel" aria-label={`台账统计的${T3}`}>
      <h2>
        由台账统计的{T3}（{year} 年度）与现有{T3}
      </h2>
      <p>
        台账“{opened.fileName}”共 {result.rows} 行：计入 {result.counted} 行，属于其他年度 {result.otherYears} 行，
        <strong className={result.excluded.length ? 'warn' : ''}>不能计入 {result.excluded.length} 行</strong>。有 {changed.size} 个单元格会改变（标黄）。点台账数字可查看计入的台账行。
      </p>
      {result.excluded.length > 0 && (
        <div className="ledger-excluded" role="region" aria-label="不能计入的行">
          <h3>不能计入的行（采用时只按其余各行统计；也可以先改正台账再重新导入）</h3>
          <ul>
            {result.excluded.map((e) => (
              <li key={`${e.row}-${e.kind}`}>
                第 {e.row} 行{e.serial ? `（序号 ${e.serial}）` : ''}：{e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="ledger-compare-wrap">
        <table className="ledger-compare">
          <thead>
            <tr>
              <th rowSpan={2}>项目</th>
              {t3.columns.map((c) => (
                <th key={c.key} colSpan={2}>
                  {columnLabel(c.key)}
                </th>
              ))}
            </tr>
            <tr>
              {t3.columns.map((c) => [
                <th key={`${c.key}-now`} className="sub">
                  现有
                </th>,
                <th key={`${c.key}-ledger`} className="sub">
                  台账
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {t3.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{rowName(format, row.key)}</th>
                {t3.columns.map((c) => {
                  const key = `t3.${row.key}.${c.key}`;
                  const diff = changed.has(key) ? 'changed' : '';
                  return [
                    <td key={`${key}-now`} className={`num now ${diff}`}>
                      {shown(doc?.cells[key])}
                    </td>,
                    <td key={`${key}-ledger`} className={`num ${diff}`}>
                      <button
                        type="button"
                        className={`cell-link${drill?.key === key ? ' open' : ''}`}
                        data-key={key}
                        aria-label={`台账统计 ${drillName(key)} ${result.cells[key]}，查看计入的台账行`}
                        onClick={() => onCell(key)}
                      >
                        {result.cells[key]}
                      </button>
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {drill && (
        <div className="ledger-drill" role="region" aria-label="计入的台账行">
          <h3>
            {drillName(drill.key)}计入的台账行（{drill.rows.length} 行）
          </h3>
          {drill.rows.length === 0 ? (
            <p className="muted">没有台账行计入这一格。</p>
          ) : (
            <table className="ledger-rows">
              <thead>
                <tr>
                  <th>行号</th>
                  <th>序号</th>
                  <th>收到日期</th>
                  <th>答复日期</th>
                  <th>申请人</th>
                  <th>申请人类型</th>
                  <th>办理结果</th>
                  <th>申请内容</th>
                </tr>
              </thead>
              <tbody>
                {drill.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td>{r.serial}</td>
                    <td>{r.received}</td>
                    <td>{r.answered || '未答复'}</td>
                    <td>{r.applicant}</td>
                    <td>{r.applicantType}</td>
                    <td>{r.result}</td>
                    <td>{r.content}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="ledger-actions">
        <button type="button" className="primary" onClick={onApply}>
          {result.excluded.length ? `全部采用（不计入的 ${result.excluded.length} 行除外）` : '全部采用'}
        </button>
        <button type="button" onClick={onKeep}>
          保留现有表格
        </button>
        <button type="button" onClick={onBack}>
          返回修改对应关系
        </button>
      </div>
    </section>
  );
}
