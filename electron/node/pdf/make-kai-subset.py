#!/usr/bin/env python3
"""Builds assets/fonts/NianbaoKai-Regular.ttf, the 楷体 face of the PDF's （一） headings.

Source: LXGW WenKai Regular 1.250 (SIL OFL 1.1), from Debian's `fonts-lxgw-wenkai` package
(`apt-get download fonts-lxgw-wenkai && dpkg-deb -x fonts-lxgw-wenkai_*.deb deb`).
Usage: python3 make-kai-subset.py deb/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf OUT.ttf
Needs fontTools (Debian: `apt-get install fonttools`). Run once by a developer; the output is committed.

Why a subset: the full font is 15.7 MB and headings only need common characters (GB2312 plus
punctuation); characters outside the subset fall back to the serif face at layout time.
Why renamed: the OFL reserves the names "LXGW" and "霞鹜" — a modified version (a subset is one)
must not carry them, so every name record is rewritten to "Nianbao Kai".
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

src, out = sys.argv[1], sys.argv[2]

codepoints = set(range(0x20, 0x7F))
codepoints |= set(range(0xA0, 0x100))
codepoints |= set(range(0x2000, 0x2070))   # general punctuation: — ‘ ’ “ ” … ‰
codepoints |= set(range(0x2150, 0x2190))   # number forms: Ⅰ Ⅱ …
codepoints |= set(range(0x2460, 0x24A0))   # enclosed numbers ① …
codepoints |= set(range(0x3000, 0x3040))   # CJK symbols and punctuation: 、。〈〉《》「」〔〕
codepoints |= set(range(0xFF00, 0xFFF0))   # full-width forms: （）：；，！？
for hi in range(0xA1, 0xF8):               # every GB2312 character
    for lo in range(0xA1, 0xFF):
        try:
            ch = bytes([hi, lo]).decode('gb2312')
        except UnicodeDecodeError:
            continue
        codepoints.add(ord(ch))

font = TTFont(src)
options = subset.Options()
options.layout_features = ['*']
options.name_IDs = ['*']
options.name_languages = ['*']
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=sorted(codepoints))
subsetter.subset(font)

NEW_NAMES = {1: 'Nianbao Kai', 3: 'NianbaoKai-Regular;1.250;subset', 4: 'Nianbao Kai Regular',
             6: 'NianbaoKai-Regular', 16: 'Nianbao Kai', 17: 'Regular'}
name = font['name']
for record in list(name.names):
    if record.nameID in NEW_NAMES:
        name.setName(NEW_NAMES[record.nameID], record.nameID, record.platformID, record.platEncID, record.langID)
    elif record.nameID not in (0, 2, 5, 7, 8, 9, 10, 11, 12, 13, 14):
        name.removeNames(nameID=record.nameID)
# Mention the origin in the description (ID 10), as the OFL asks to keep the copyright notice (ID 0).
name.setName('Subset of LXGW WenKai (SIL OFL 1.1), renamed as the OFL requires for modified versions.', 10, 3, 1, 0x409)
font.save(out)
leftover = [r.toUnicode() for r in name.names if 'LXGW' in r.toUnicode() or '霞鹜' in r.toUnicode()]
print('glyphs', len(font.getGlyphOrder()), 'names still mentioning the reserved names:', leftover)
