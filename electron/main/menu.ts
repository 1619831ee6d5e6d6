// The Chinese application menu. Document commands go to the renderer as `menu:command` events; clipboard
// and view items use Electron's built-in roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

export interface MenuOptions {
  send: (command: MenuCommand) => void;
  platform: NodeJS.Platform;
  devTools: boolean;
  showAbout: () => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, cmd: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => options.send(cmd),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ role: 'appMenu', label: '年报助手' });
  template.push(
    {
      label: '文件',
      submenu: [
        command('新建', 'CmdOrCtrl+N', 'new'),
        command('打开…', 'CmdOrCtrl+O', 'open'),
        { type: 'separator' },
        command('保存', 'CmdOrCtrl+S', 'save'),
        command('另存为…', 'CmdOrCtrl+Shift+S', 'saveAs'),
        { type: 'separator' },
        command('导出PDF…', 'CmdOrCtrl+E', 'exportPdf'),
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: options.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        command('撤销', 'CmdOrCtrl+Z', 'undo'),
        command('重做', options.platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y', 'redo'),
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(options.devTools ? ([{ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [{ label: '关于年报助手', click: () => options.showAbout() }],
    },
  );
  return template;
}
