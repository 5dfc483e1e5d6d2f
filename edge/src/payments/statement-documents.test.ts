import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Statement } from '../contracts/index.ts';
import { findCjkFont } from './cjk-font.ts';
import { statementPdf } from './statement-documents.ts';

const statement: Statement = {
  company: '北京示例科技有限公司', month: '2026-12', currency: 'CNY', total: 52_050,
  lines: [{ payment: 'P-1', order: 'O-1001', at: '2026-12-03T09:00:00.000Z', amount: 45_000, refunded: 5_000 }, { payment: 'P-2', order: 'O-1002', at: '2026-12-05T09:00:00.000Z', amount: 12_050, refunded: 0 }],
};
const dir = mkdtempSync(join(tmpdir(), 'statement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text a reader gets out of the PDF, by poppler's pdftotext. */
function textOf(pdf: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('the statement PDF in Chinese', () => {
  it('prints in Chinese with the CJK font the machine has, embedded', async () => {
    const font = findCjkFont();
    expect(font, 'a CJK font (fonts-wqy-microhei) is installed').not.toBeNull();

    const pdf = await statementPdf(statement, 'Doorside Demo', 'zh', font);

    const text = textOf(pdf);
    expect(text).toContain('对账单');
    expect(text).toContain('北京示例科技有限公司');
    expect(text).toContain('应付合计');
    expect(text).toContain('520.50 CNY');
    expect(pdf.includes(Buffer.from('FontFile2'))).toBe(true);
  });

  it('falls back to English with the standard font when no CJK font is installed', async () => {
    const font = findCjkFont([{ file: join(dir, 'no-such-font.ttc'), face: 'Nothing' }]);

    const pdf = await statementPdf(statement, 'Doorside Demo', 'zh', font);

    const text = textOf(pdf);
    expect(font).toBeNull();
    expect(text).toContain('Statement');
    expect(text).toContain('Total owed');
    expect(text).not.toContain('对账单');
  });
});
