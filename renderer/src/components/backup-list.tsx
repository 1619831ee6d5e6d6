// Earlier versions of the report file (main keeps one each time a save replaces the file). Restoring one
// loads its content as unsaved changes, one Ctrl+Z away from what was there.
import { useState } from 'react';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { invoke } from '../lib/bridge';
import { formatDateTime, formatSize } from '../lib/time';
import { keepTypedTotals } from '../app/actions';
import { breakUndoGroup, updateDoc, withTotals } from '../store/document-store';
import { showError, showNotice, useSession } from '../store/session-store';

export function BackupList() {
  const docId = useSession((s) => s.docId);
  const fileName = useSession((s) => s.fileName);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);

  if (!docId) return null;
  if (!fileName) return <p className="hint">报告保存后，每次保存都会把上一版留作备份。</p>;

  const list = async () => {
    const res = await invoke('backups:list', { docId });
    if (res.ok) setBackups(res.value);
    else showError(res.error);
  };

  const restore = async (backup: BackupEntry) => {
    const res = await invoke('backups:restore', { docId, backupId: backup.backupId });
    if (!res.ok) {
      showError(res.error);
      return;
    }
    breakUndoGroup();
    // As when a file is opened: totals that differ from their parts are kept as typed totals.
    updateDoc(() => withTotals(keepTypedTotals(res.value.doc).doc));
    breakUndoGroup();
    showNotice(`已恢复 ${formatDateTime(backup.savedAt)} 的版本（尚未保存；按 Ctrl+Z 可撤回）。`);
  };

  return (
    <div className="backups">
      <button type="button" onClick={() => void list()}>
        {backups ? '刷新历史版本' : '查看历史版本…'}
      </button>
      {backups && backups.length === 0 && <p className="hint">还没有备份：文件第一次被覆盖保存时才会留下上一版。</p>}
      {backups && backups.length > 0 && (
        <ul className="plain-list backup-list">
          {backups.map((b) => (
            <li key={b.backupId}>
              <span>
                {formatDateTime(b.savedAt)} · {formatSize(b.size)}
              </span>
              <button type="button" className="small" onClick={() => void restore(b)}>
                恢复此版本
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
