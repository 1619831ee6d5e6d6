// app:* — the app's identity, and the hand-over of files opened from outside before the page listened.
import { basename } from 'node:path';
import type { BridgeError, OpenedDocument, Result } from '../../../shared/ipc/contract';
import { APP_VERSION } from '../../../shared/model/document';
import { FILE_EXTENSION } from '../../../shared/model/report';
import { hasExtension } from '../files/bounded-read';
import { toBridgeError, UserError } from '../user-error';
import type { CoreContext, HandlersOf } from './context';
import { openReportFile } from './doc';

export interface AppLifecycle {
  handlers: HandlersOf<'app'>;
  openExternalFile(path: string): Promise<Result<OpenedDocument>>;
}

export function createAppHandlers(ctx: CoreContext): AppLifecycle {
  // Files opened from outside before the renderer said app:ready wait here instead of being emitted
  // into a page that is not listening yet.
  let rendererReady = false;
  const waitingOpened: OpenedDocument[] = [];
  const waitingErrors: BridgeError[] = [];

  const emit: CoreContext['options']['emit'] = (event, payload) => {
    try {
      ctx.options.emit(event, payload);
    } catch (e) {
      ctx.warn(`事件 ${event} 未能发送`, e);
    }
  };

  return {
    handlers: {
      'app:info': async () => ({ version: ctx.options.appVersion ?? APP_VERSION, platform: ctx.options.platform ?? process.platform, systemPrint: Boolean(ctx.options.printer) }),
      'app:ready': async () => {
        rendererReady = true;
        return { opened: waitingOpened.splice(0), errors: waitingErrors.splice(0) };
      },
    },
    async openExternalFile(path) {
      try {
        // Double-click, macOS open-file, argv: only report files open this way; anything else is imported.
        if (!hasExtension(path, FILE_EXTENSION)) {
          throw new UserError('bad-file', `“${basename(path)}”不是年报助手的报告文件（${FILE_EXTENSION}），没有打开。PDF、Word 或文本文件请用“导入”。`);
        }
        const opened = await openReportFile(ctx, path);
        if (rendererReady) emit('doc:opened', opened);
        else waitingOpened.push(opened);
        return { ok: true, value: opened };
      } catch (e) {
        const error = toBridgeError(e);
        if (rendererReady) emit('app:error', error);
        else waitingErrors.push(error);
        return { ok: false, error };
      }
    },
  };
}
