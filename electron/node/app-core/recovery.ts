// recovery:* — the autosaved copies of reports that were not saved when the app last stopped.
import { basename } from 'node:path';
import { UserError } from '../user-error';
import type { CoreContext, HandlersOf } from './context';
import { documentTitle } from './file-names';

export function createRecoveryHandlers(ctx: CoreContext): HandlersOf<'recovery'> {
  const { storage, documents } = ctx;
  return {
    'recovery:list': async () =>
      (await storage.recovery.list())
        .filter((r) => !documents.has(r.docId))
        .map((r) => ({
          recoveryId: r.docId,
          title: documentTitle(r.doc),
          fileName: r.filePath ? basename(r.filePath) : null,
          savedAt: r.savedAt,
        })),
    'recovery:restore': async ({ recoveryId }) => {
      if (documents.has(recoveryId)) throw new UserError('not-found', '这份恢复副本对应的报告已经打开。');
      const record = await storage.recovery.read(recoveryId);
      // Same id: the copy stays on disk until the restored document is saved or closed.
      return documents.register(record.doc, record.filePath, record.fingerprint, true, record.docId);
    },
    'recovery:discard': async ({ recoveryId }) => {
      if (documents.has(recoveryId)) throw new UserError('not-found', '这份恢复副本对应的报告正在编辑，不能丢弃。');
      // Damaged copies can be discarded too.
      if (!(await storage.recovery.remove(recoveryId))) throw new UserError('not-found', '找不到这份恢复副本，它可能已被恢复或丢弃。');
      return {};
    },
  };
}
