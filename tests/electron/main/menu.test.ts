// menu.ts imports only Electron's types: the template is plain data, tested without the electron module.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuOptions } from '../../../electron/main/menu';
import type { MenuCommand } from '../../../shared/ipc/contract';

function build(platform: NodeJS.Platform, devTools = false) {
  const sent: MenuCommand[] = [];
  let about = 0;
  const options: MenuOptions = { send: (c) => sent.push(c), platform, devTools, showAbout: () => about++ };
  return { template: menuTemplate(options), sent, about: () => about };
}

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((menu) => [menu, ...items((menu.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);

const byLabel = (template: MenuItemConstructorOptions[], label: string) => items(template).find((i) => i.label === label)!;

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menuTemplate', () => {
  it('has the four Chinese menus on Windows and Linux, and the app menu first on macOS', () => {
    expect(build('win32').template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(build('linux').template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(build('darwin').template.map((m) => m.label)).toEqual(['年报助手', '文件', '编辑', '视图', '帮助']);
    expect(build('darwin').template[0]!.role).toBe('appMenu');
  });

  it('sends each document command to the renderer', () => {
    const menu = build('win32');
    const expected: [string, MenuCommand][] = [
      ['新建', 'new'],
      ['打开…', 'open'],
      ['保存', 'save'],
      ['另存为…', 'saveAs'],
      ['导出PDF…', 'exportPdf'],
      ['撤销', 'undo'],
      ['重做', 'redo'],
    ];
    for (const [label] of expected) click(byLabel(menu.template, label));
    expect(menu.sent).toEqual(expected.map(([, c]) => c));
  });

  it('uses the platform’s shortcuts for redo and quit', () => {
    expect(byLabel(build('win32').template, '重做').accelerator).toBe('Ctrl+Y');
    expect(byLabel(build('win32').template, '退出').accelerator).toBe('Ctrl+Q');
    expect(byLabel(build('darwin').template, '重做').accelerator).toBe('Cmd+Shift+Z');
    expect(byLabel(build('darwin').template, '退出').accelerator).toBe('Cmd+Q');
  });

  it('gives no two items the same shortcut', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const accelerators = items(build(platform, true).template)
        .map((i) => i.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('shows the developer tools item only when developer tools are allowed', () => {
    expect(items(build('win32', false).template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(byLabel(build('win32', true).template, '开发者工具').role).toBe('toggleDevTools');
  });

  it('opens the about box from 帮助', () => {
    const menu = build('win32');
    click(byLabel(menu.template, '关于年报助手'));
    expect(menu.about()).toBe(1);
    expect(menu.sent).toEqual([]);
  });
});
