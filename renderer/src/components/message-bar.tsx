// Errors from main (in its Chinese words) and short notices, above the work area.
import { useSession } from '../store/session-store';

export function MessageBar() {
  const error = useSession((s) => s.error);
  const notice = useSession((s) => s.notice);
  const importProblems = useSession((s) => s.importProblems);
  if (!error && !notice && !importProblems) return null;
  return (
    <div className="message-bar">
      {error && (
        <div className="message error" role="alert">
          <div className="message-text">
            {error.message}
            {error.problems && error.problems.length > 0 && (
              <ul>
                {error.problems.slice(0, 8).map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
                {error.problems.length > 8 && <li>另有 {error.problems.length - 8} 处</li>}
              </ul>
            )}
          </div>
          <button type="button" className="link" onClick={() => useSession.setState({ error: null })}>
            关闭
          </button>
        </div>
      )}
      {notice && (
        <div className="message notice" role="status">
          <div className="message-text">{notice}</div>
          <button type="button" className="link" onClick={() => useSession.setState({ notice: null })}>
            关闭
          </button>
        </div>
      )}
      {importProblems && (
        <div className="message warning" role="status">
          <div className="message-text">
            导入时有 {importProblems.length} 处内容未能读取，请对照原文补填：
            <ul>
              {importProblems.slice(0, 10).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {importProblems.length > 10 && <li>另有 {importProblems.length - 10} 处</li>}
            </ul>
          </div>
          <button type="button" className="link" onClick={() => useSession.setState({ importProblems: null })}>
            关闭
          </button>
        </div>
      )}
    </div>
  );
}
