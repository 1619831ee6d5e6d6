// merge:* — the receiving office's 汇总 mode: the units' reports chosen in main's dialogs (files, or a
// folder read with its sub-folders) are read by the merge modules the CLI runs (electron/node/merge), the
// roster likewise; the renderer sends only decisions, naming reports by id. The reports stay in main;
// the renderer gets the overview (MergeView), one report to show read-only, the summary as an unsaved
// document, and the workbook through the save dialog. Reading the files, the roster and building the
// workbook run in the parse worker (../worker).
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { MergeRowView, MergeUnitView, MergeView } from '../../../shared/ipc/contract';
import { keyTotals, type DataChoice, type MergeOptions, type OverviewRow, type ReadUnit } from '../../../shared/merge/plan-merge';
import type { FormatId } from '../../../shared/formats/types';
import type { SummaryOptions } from '../../../shared/merge/summary-report';
import { decideMerge, type MergeRun, type ReadAll } from '../merge/run-merge';
import { writeFileAtomic } from '../storage/atomic-write';
import { writeError } from '../storage/errors';
import { UserError } from '../user-error';
import { cancelled, folderFor, readUserFile, type CoreContext, type HandlersOf } from './context';

/** Merges kept in memory (the latest few; a merge holds every unit's report). */
const MERGES_KEPT = 2;
const PROGRESS_MS = 250;

/** The time limit for reading the reports of one merge:add (each file within its own caps; 1,000 PDFs take
 *  about 7 s here). */
const MERGE_READ_TIME_MS = 10 * 60_000;

interface MergeSession {
  sources: MergeView['sources'];
  read: ReadAll;
  /** unitId ↔ path of every unit read (ids are never reused within a merge). */
  idOfPath: Map<string, string>;
  pathOfId: Map<string, string>;
  roster?: { fileName: string; names: string[] };
  group?: { year: number; format: FormatId };
  include: Map<string, DataChoice>;
  matches: Map<string, string>;
  /** The overview as last answered (every change answers a new one): merge:unit reads its row there
   *  instead of planning the whole merge again. */
  last?: MergeView;
}

const unitIdOf = (index: number) => `u${index + 1}`;

export function createMergeHandlers(ctx: CoreContext): HandlersOf<'merge'> {
  const { options, preferences } = ctx;
  const merges = new Map<string, MergeSession>();

  const sessionOf = (mergeId: string): MergeSession => {
    const session = merges.get(mergeId);
    if (!session) throw new UserError('not-found', '这次汇总已不在内存中，请在汇总页重新选择各单位的报告。');
    return session;
  };

  const pathOf = (session: MergeSession, unitId: string): string => {
    const path = session.pathOfId.get(unitId);
    if (!path) throw new UserError('invalid-payload', `汇总中没有编号为“${unitId}”的报告。`);
    return path;
  };

  const mergeOptions = (session: MergeSession): MergeOptions => ({
    ...(session.group ? { group: session.group } : {}),
    ...(session.roster ? { roster: session.roster.names } : {}),
    include: session.include,
    confirmedMatches: session.matches,
  });

  const run = (session: MergeSession, summary: SummaryOptions = { agencyName: '汇总' }): MergeRun =>
    decideMerge(session.read, mergeOptions(session), { ...summary, now: ctx.now().toISOString() });

  const view = (mergeId: string, session: MergeSession): MergeView => {
    const result = run(session);
    const { plan } = result;
    const unitsByPath = new Map(session.read.units.map((u) => [u.path, u]));
    const rows = plan.rows.map((r) => rowView(session, r, unitsByPath.get(r.path)));
    // The notices name files, not paths: the folders are shown apart (and the longest path goes first, so a
    // path is never cut inside a longer one).
    const paths = [...session.idOfPath.keys()].sort((a, b) => b.length - a.length);
    const notices = plan.notices.map((n) => paths.reduce((text, p) => text.split(p).join(basename(p)), n));
    session.last = {
      mergeId,
      sources: session.sources,
      ...(plan.group ? { group: plan.group } : {}),
      groups: plan.groups,
      rows,
      failed: plan.failed.map((f) => ({ fileName: basename(f.path), location: dirname(f.path), reason: f.reason })),
      skipped: Object.entries(session.read.skipped).map(([reason, count]) => ({ reason, count })),
      ...(plan.roster && session.roster
        ? {
            roster: {
              fileName: session.roster.fileName,
              names: session.roster.names.length,
              missing: plan.roster.missing,
              unknown: plan.roster.unknown.map((u) => ({ unitId: session.idOfPath.get(u.path)!, unit: u.unit, ...(u.candidate ? { candidate: u.candidate } : {}) })),
            },
          }
        : {}),
      notices,
      included: rows.filter((r) => r.status === 'included').length,
      ...(result.summary ? { sum: keyTotals(result.summary) } : {}),
      incomplete: Object.keys(plan.sum?.incomplete ?? {}).length,
    };
    return session.last;
  };

  const rowView = (session: MergeSession, r: OverviewRow, unit: ReadUnit | undefined): MergeRowView => {
    const choices: DataChoice[] = [];
    if (r.source === 'pdf-edited') choices.push('printed', 'embedded');
    else if (r.source === 'pdf-hash-failed' && unit?.printed) choices.push('printed');
    const statusDetail = r.status.kind === 'marked' ? r.status.reason : r.status.kind === 'superseded' ? `以 ${basename(r.status.by)} 为准` : undefined;
    return {
      unitId: session.idOfPath.get(r.path)!,
      fileName: basename(r.path),
      location: dirname(r.path),
      unit: r.unit,
      level: r.level,
      year: r.year,
      format: r.format,
      source: r.source,
      status: r.status.kind,
      ...(statusDetail ? { statusDetail } : {}),
      ...(r.dataUsed ? { dataUsed: r.dataUsed } : {}),
      choices,
      ...(r.exportedAt ? { exportedAt: r.exportedAt } : {}),
      findings: r.findings,
      explanations: r.explanations,
      totals: r.totals,
      ...(r.rosterName ? { rosterName: r.rosterName } : {}),
      notes: r.notes,
    };
  };

  /** Tells the page how far the reading is, at most every PROGRESS_MS and once at the end (hundreds of PDFs
   *  take a while; the page shows “已读 37/200”). */
  const progress = () => {
    let sent = 0;
    return (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - sent < PROGRESS_MS) return;
      sent = now;
      options.emit('merge:progress', { done, total });
    };
  };

  const pickSources = async (kind: 'files' | 'folder'): Promise<string[]> => {
    const folder = folderFor(ctx, 'merge');
    if (kind === 'files') {
      if (!options.dialogs.openMergeFiles) throw new UserError('internal', '选择报告文件的功能不可用。');
      const paths = await options.dialogs.openMergeFiles(folder);
      if (!paths || paths.length === 0) throw cancelled();
      preferences.setLastFolder('merge', dirname(resolve(paths[0]!)));
      return paths.map((p) => resolve(p));
    }
    if (!options.dialogs.openMergeFolder) throw new UserError('internal', '选择文件夹的功能不可用。');
    const path = await options.dialogs.openMergeFolder(folder);
    if (!path) throw cancelled();
    // The folder's parent: the next dialog shows it among its neighbours (next year's folder, say).
    preferences.setLastFolder('merge', dirname(resolve(path)));
    return [resolve(path)];
  };

  return {
    'merge:add': async ({ mergeId, kind }) => {
      const existing = mergeId !== undefined ? sessionOf(mergeId) : undefined;
      const paths = await pickSources(kind);
      // Read in the parse worker: hundreds of files from other units, any of them possibly hostile. One job
      // for them all (each file within its own caps), its progress forwarded to the renderer.
      const read: ReadAll = await ctx.jobs.run('readMergeUnits', [paths], {
        what: kind === 'folder' ? `文件夹“${basename(paths[0]!)}”中的报告` : paths.length === 1 ? `“${basename(paths[0]!)}”` : `所选的 ${paths.length} 个文件`,
        timeMs: MERGE_READ_TIME_MS,
        onProgress: progress(),
      });
      const session: MergeSession = existing ?? { sources: [], read: { units: [], failed: [], skipped: {} }, idOfPath: new Map(), pathOfId: new Map(), include: new Map(), matches: new Map() };
      const sources: MergeView['sources'] =
        kind === 'folder' ? [{ name: basename(paths[0]!), location: dirname(paths[0]!), kind }] : paths.map((p) => ({ name: basename(p), location: dirname(p), kind }));
      // A file chosen again (or inside a folder chosen again) is read once.
      const known = (path: string) => session.idOfPath.has(path) || session.read.failed.some((f) => f.path === path);
      const units = read.units.filter((u) => !known(u.path));
      const failed = read.failed.filter((f) => !known(f.path));
      for (const u of units) {
        const id = unitIdOf(session.idOfPath.size);
        session.idOfPath.set(u.path, id);
        session.pathOfId.set(id, u.path);
      }
      const skipped = { ...session.read.skipped };
      for (const [reason, n] of Object.entries(read.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
      session.read = { units: [...session.read.units, ...units], failed: [...session.read.failed, ...failed], skipped };
      session.sources = [...session.sources, ...sources.filter((s) => !session.sources.some((o) => o.name === s.name && o.location === s.location))];
      const id = mergeId ?? randomUUID();
      if (!existing) {
        merges.set(id, session);
        while (merges.size > MERGES_KEPT) merges.delete(merges.keys().next().value!);
      }
      return view(id, session);
    },
    'merge:roster': async ({ mergeId }) => {
      const session = sessionOf(mergeId);
      if (!options.dialogs.openRoster) throw new UserError('internal', '选择应报单位名单的功能不可用。');
      const path = await options.dialogs.openRoster(folderFor(ctx, 'merge'));
      if (!path) throw cancelled();
      const xlsx = path.toLowerCase().endsWith('.xlsx');
      const bytes = await readUserFile(path, xlsx ? 'ledger' : 'text');
      const names = await ctx.jobs.run('readRoster', [basename(path), bytes], { what: `“${basename(path)}”` });
      if (names.length === 0) throw new UserError('bad-file', `“${basename(path)}”中没有单位名称。请用每行一个单位名称的文本文件，或第一张工作表有“单位名称”一列的 Excel 文件。`);
      session.roster = { fileName: basename(path), names };
      session.matches = new Map();
      return view(mergeId, session);
    },
    'merge:decide': async ({ mergeId, group, include, matches }) => {
      const session = sessionOf(mergeId);
      const nextInclude = new Map<string, DataChoice>();
      for (const { unitId, choice } of include) nextInclude.set(pathOf(session, unitId), choice);
      const nextMatches = new Map<string, string>();
      for (const { unitId, rosterName } of matches) {
        if (!session.roster?.names.includes(rosterName)) throw new UserError('invalid-payload', `名单中没有“${rosterName}”。`);
        nextMatches.set(pathOf(session, unitId), rosterName);
      }
      if (group && !session.read.units.some((u) => u.doc.year === group.year && u.doc.format === group.format)) {
        throw new UserError('invalid-payload', `没有 ${group.year} 年（${group.format} 年格式）的报告可汇总。`);
      }
      if (group) session.group = group;
      else delete session.group;
      session.include = nextInclude;
      session.matches = nextMatches;
      return view(mergeId, session);
    },
    'merge:unit': async ({ mergeId, unitId }): Promise<MergeUnitView> => {
      const session = sessionOf(mergeId);
      const path = pathOf(session, unitId);
      const unit = session.read.units.find((u) => u.path === path)!;
      const row = (session.last ?? view(mergeId, session)).rows.find((r) => r.unitId === unitId)!;
      const usePrinted = row.dataUsed === 'printed' && unit.printed !== undefined;
      const doc = usePrinted ? unit.printed! : unit.doc;
      const other = usePrinted ? { kind: 'embedded' as const, doc: unit.doc } : unit.printed && unit.printed !== unit.doc ? { kind: 'printed' as const, doc: unit.printed } : undefined;
      return {
        row,
        doc,
        ...(unit.printedDiffers ? { printedDiffers: unit.printedDiffers } : {}),
        ...(other ? { other } : {}),
      };
    },
    'merge:summary': async ({ mergeId, agencyName, level, region }) => {
      const session = sessionOf(mergeId);
      const result = run(session, { agencyName: agencyName.trim(), level, ...(region ? { region } : {}) });
      if (!result.summary) throw new UserError('bad-file', '没有计入合计的报告，无法生成汇总报告。请先添加各单位的报告，或把有疑问的报告确认计入。');
      return ctx.documents.register(result.summary, null, null, true);
    },
    'merge:workbook': async ({ mergeId }) => {
      const session = sessionOf(mergeId);
      if (!options.dialogs.saveWorkbook) throw new UserError('internal', '导出 Excel 的功能不可用。');
      const result = run(session);
      const year = result.plan.group?.year;
      const path = await options.dialogs.saveWorkbook(join(folderFor(ctx, 'merge'), `${year ?? ''}${year ? '年' : ''}各单位年报汇总.xlsx`));
      if (!path) throw cancelled();
      const target = resolve(path.toLowerCase().endsWith('.xlsx') ? path : `${path}.xlsx`);
      const bytes = await ctx.jobs.run('mergeWorkbook', [result], { what: '汇总表' });
      try {
        await writeFileAtomic(ctx.fs, target, bytes);
      } catch (e) {
        throw writeError(e, target);
      }
      preferences.setLastFolder('merge', dirname(target));
      return { fileName: basename(target), location: dirname(target) };
    },
    'merge:close': async ({ mergeId }) => {
      merges.delete(mergeId);
      return {};
    },
  };
}
