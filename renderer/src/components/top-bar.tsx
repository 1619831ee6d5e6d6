// The bar above the editor: the report's title and file, the save state (always visible), and the
// commands that are also on the keyboard.
import { useStore } from 'zustand';
import { reportTitle } from '../../../shared/model/report';
import { closeToStart, save } from '../app/actions';
import { formatClock } from '../lib/time';
import { undoCommand } from '../app/undo-commands';
import { useDocStore } from '../store/document-store';
import { useSession } from '../store/session-store';

export function useSaveState(): { text: string; tone: 'saved' | 'unsaved' | 'autosaved'; detail: string } {
  const doc = useDocStore((s) => s.doc);
  const savedDoc = useSession((s) => s.savedDoc);
  const autosaved = useSession((s) => s.autosaved);
  const fileName = useSession((s) => s.fileName);
  const saving = useSession((s) => s.saving);
  if (saving) return { text: '正在保存…', tone: 'unsaved', detail: '' };
  if (doc === savedDoc && fileName) return { text: '已保存', tone: 'saved', detail: `已保存到 ${fileName}` };
  if (autosaved && autosaved.doc === doc) {
    return {
      text: `自动保存于 ${formatClock(autosaved.at)}`,
      tone: 'autosaved',
      detail: '修改已写入恢复副本，意外关闭后可以恢复；按 Ctrl+S 保存到报告文件。',
    };
  }
  return { text: '未保存', tone: 'unsaved', detail: fileName ? '有未保存的修改，按 Ctrl+S 保存' : '新报告还没有保存过，按 Ctrl+S 选择保存位置' };
}

export function TopBar() {
  const title = useDocStore((s) => (s.doc ? reportTitle(s.doc) : ''));
  const fileName = useSession((s) => s.fileName);
  const location = useSession((s) => s.location);
  const canUndo = useStore(useDocStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocStore.temporal, (s) => s.futureStates.length > 0);
  const state = useSaveState();

  return (
    <header className="top-bar">
      <button type="button" className="link home" onClick={closeToStart} title="回到开始页">
        年报助手
      </button>
      <div className="doc-title">
        <strong>{title}</strong>
        <span className="file-name" title={location ?? undefined}>
          {fileName ?? '未命名'}
        </span>
      </div>
      <div className={`save-state ${state.tone}`} role="status" aria-live="polite" title={state.detail} data-testid="save-state">
        {state.text}
      </div>
      <div className="top-actions">
        <button type="button" onClick={() => undoCommand('undo')} disabled={!canUndo} title="撤销（Ctrl+Z）">
          撤销
        </button>
        <button type="button" onClick={() => undoCommand('redo')} disabled={!canRedo} title="重做（Ctrl+Y）">
          重做
        </button>
        <button type="button" onClick={() => void save()} title="保存（Ctrl+S）">
          保存
        </button>
        <button type="button" onClick={() => void save({ as: true })} title="另存为（Ctrl+Shift+S）">
          另存为…
        </button>
      </div>
    </header>
  );
}
