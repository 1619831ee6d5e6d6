// backups:* — the previous versions kept of a report's file at each save.
import { parseReportBytes } from '../storage/report-files';
import { UserError } from '../user-error';
import type { CoreContext, HandlersOf } from './context';

export function createBackupsHandlers(ctx: CoreContext): HandlersOf<'backups'> {
  const { storage, documents } = ctx;
  return {
    'backups:list': async ({ docId }) => {
      const entry = documents.get(docId);
      return entry.path ? storage.backups.list(entry.path) : [];
    },
    'backups:restore': async ({ docId, backupId }) => {
      const entry = documents.get(docId);
      if (!entry.path) throw new UserError('not-found', '这份报告还没有保存过，没有备份。');
      const bytes = await storage.backups.read(entry.path, backupId);
      return { doc: parseReportBytes(bytes, `备份 ${backupId}`).doc };
    },
  };
}
