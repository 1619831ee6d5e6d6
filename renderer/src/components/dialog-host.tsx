// The one modal dialog of the app (unsaved changes, save conflict…): focus moves into it, Tab stays in
// it, Esc cancels, and the focus goes back where it was when it closes.
import { useEffect, useRef } from 'react';
import { closeDialog, useSession } from '../store/session-store';

export function DialogHost() {
  const dialog = useSession((s) => s.dialog);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!dialog) return;
    const returnTo = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLButtonElement>('button.primary') ?? box.current?.querySelector('button');
    first?.focus();
    return () => returnTo?.focus?.();
  }, [dialog]);

  if (!dialog) return null;
  const cancel = dialog.onCancel ?? closeDialog;
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className={dialog.lists ? 'dialog wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-message"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          } else if (e.key === 'Tab') {
            const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
            const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const j = (i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
            e.preventDefault();
            buttons[j]?.focus();
          }
        }}
      >
        <h2 id="dialog-title">{dialog.title}</h2>
        <p id="dialog-message">{dialog.message}</p>
        {dialog.details && dialog.details.length > 0 && (
          <ul className="dialog-details">
            {dialog.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
        {dialog.lists && (
          <div className="dialog-lists">
            {dialog.lists.map((list) => (
              <section key={list.id} data-testid={`dialog-list-${list.id}`} aria-label={list.title}>
                <h3>{list.title}</h3>
                {list.items.length === 0 ? (
                  <p className="hint">（无）</p>
                ) : (
                  <ul>
                    {list.items.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        )}
        <div className="dialog-buttons">
          {dialog.buttons.map((b) => (
            <button key={b.label} type="button" className={b.primary ? 'primary' : undefined} onClick={b.action}>
              {b.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
