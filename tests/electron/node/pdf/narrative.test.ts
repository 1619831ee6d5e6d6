// electron/node/pdf/narrative.ts: narrative text into paragraphs with the faces of the Chinese outline levels —
// 一、 黑体 (sans), （一） 楷体 (kai) up to the first 。, 1. and （1） and plain text in the body face.
import { describe, expect, it } from 'vitest';
import { outlineLevel, paragraphsOf } from '../../../../electron/node/pdf/narrative';

describe('outline levels of narrative lines', () => {
  it('recognises 一、 （一） 1. （1）', () => {
    expect(outlineLevel('一、总体情况')).toBe(1);
    expect(outlineLevel('（二）依申请公开方面')).toBe(2);
    expect(outlineLevel('1.主动公开政府信息的数量。')).toBe(3);
    expect(outlineLevel('（1）继续深入学习')).toBe(4);
    expect(outlineLevel('一是做好规范性文件公开。')).toBe(null);
    expect(outlineLevel('2022年，全区收到申请')).toBe(null);
  });

  it('gives （一） headings the kai face up to their first 。 and indents by ourselves', () => {
    const paras = paragraphsOf('  （一）强化领导、落实责任。根据人事变动，及时调整。\n（二）依申请公开方面\n\n一、总体情况\n正文。');
    expect(paras.map((p) => p.parts)).toEqual([
      [
        { text: '（一）强化领导、落实责任。', face: 'kai' },
        { text: '根据人事变动，及时调整。', face: 'serif' },
      ],
      [{ text: '（二）依申请公开方面', face: 'kai' }],
      [{ text: '一、总体情况', face: 'sans' }],
      [{ text: '正文。', face: 'serif' }],
    ]);
  });

  it('drops a first line that repeats the section heading', () => {
    expect(paragraphsOf('五、存在的主要问题及改进情况\n问题。', '五、存在的主要问题及改进情况').map((p) => p.parts[0]!.text)).toEqual(['问题。']);
  });

  it('needs the numeral to be one, not a figure: 1.5 and 2022年 are no headings; （10） and 10、 are', () => {
    expect(outlineLevel('1.5万元用于培训')).toBe(null);
    expect(outlineLevel('（10）其他')).toBe(4);
    expect(outlineLevel('10、其他')).toBe(3);
    expect(outlineLevel('十一、其他')).toBe(1);
    expect(outlineLevel('（十二）其他')).toBe(2);
    expect(outlineLevel('一二三四、太长的序号')).toBe(null);
  });

  it('a 一、 heading that runs on keeps 黑体 up to its first 。 only; one ending in 。 stays whole', () => {
    expect(paragraphsOf('一、总体情况。本年度……').map((p) => p.parts)).toEqual([
      [
        { text: '一、总体情况。', face: 'sans' },
        { text: '本年度……', face: 'serif' },
      ],
    ]);
    expect(paragraphsOf('一、总体情况。')[0]!.parts).toEqual([{ text: '一、总体情况。', face: 'sans' }]);
  });

  it('numbered items 1. and （1） stay in the body face, whole, with their level', () => {
    expect(paragraphsOf('1.主动公开。内容如下\n（2）依申请。').map((p) => [p.level, p.parts])).toEqual([
      [3, [{ text: '1.主动公开。内容如下', face: 'serif' }]],
      [4, [{ text: '（2）依申请。', face: 'serif' }]],
    ]);
  });

  it('splits on \\n and \\r\\n, trims ASCII and ideographic spaces, drops empty lines; a heading only if it is first', () => {
    const paras = paragraphsOf('\u3000\u3000第一段。 \r\n\r\n  \u3000\n第二段。\n五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况');
    expect(paras.map((p) => p.parts[0]!.text)).toEqual(['第一段。', '第二段。', '五、存在的主要问题及改进情况']);
    expect(paragraphsOf('', '一、总体情况')).toEqual([]);
  });
});
