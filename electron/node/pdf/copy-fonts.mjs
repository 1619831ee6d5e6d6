#!/usr/bin/env node
// Copies the Noto CJK faces the PDF export uses from their npm packages (devDependencies, all weights,
// ~125 MB) into assets/fonts/ (three files, ~40 MB), which electron-builder ships as extraResources.
// Runs at postinstall, so a fresh `npm ci` gives a working export. The copied files are not committed
// (assets/fonts/.gitignore); the 楷体 subset NianbaoKai-Regular.ttf is committed (see make-kai-subset.py).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fontDir = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/** target file name → file inside an npm package. The package's own entry cannot be required in Node. */
export const NOTO_FILES = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Bold.ttf': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'NotoSansSC-Medium.ttf': '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
};

mkdirSync(fontDir, { recursive: true });
for (const [target, source] of Object.entries(NOTO_FILES)) {
  const to = join(fontDir, target);
  let from;
  try {
    from = require.resolve(source);
  } catch {
    if (existsSync(to)) continue; // production install without devDependencies: keep what is there
    // Never fail the install: the exporter names the missing file when it is asked to export.
    console.warn(`copy-fonts: ${source} is not installed; PDF export needs ${to}`);
    continue;
  }
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
  const license = join(dirname(dirname(from)), 'LICENSE_FONT');
  if (existsSync(license)) copyFileSync(license, join(fontDir, 'OFL-NotoCJK.txt'));
}
