import PDFDocument from 'pdfkit';
import type { Statement } from '../contracts/index.ts';
import { csvDocument } from '../exports/csv-document.ts';
import { type CjkFont, findCjkFont } from './cjk-font.ts';
import { majorUnits } from './minor-units.ts';

type Line = Statement['lines'][number];

/** The statement as CSV: one row per charge, amounts in the currency's major units (e.g. 123.45). */
export function statementCsv(statement: Statement): string {
  const money = (amount: number) => majorUnits(amount, statement.currency ?? 'CNY');
  return csvDocument<Line>([
    { header: 'company', value: () => statement.company },
    { header: 'month', value: () => statement.month },
    { header: 'payment', value: (l) => l.payment },
    { header: 'order', value: (l) => l.order },
    { header: 'charged_at', value: (l) => l.at },
    { header: 'currency', value: () => statement.currency },
    { header: 'amount', value: (l) => money(l.amount) },
    { header: 'refunded', value: (l) => money(l.refunded) },
    { header: 'owed', value: (l) => money(l.amount - l.refunded) },
  ], statement.lines);
}

/** The words on the printed statement; Chinese needs a CJK font on the machine (see cjk-font.ts). */
const words = {
  en: { title: 'Statement', company: 'Company', month: 'Month', payment: 'Payment', order: 'Order', date: 'Date', amount: 'Amount', refunded: 'Refunded', total: 'Total owed' },
  nb: { title: 'Kontoutskrift', company: 'Firma', month: 'Måned', payment: 'Betaling', order: 'Bestilling', date: 'Dato', amount: 'Beløp', refunded: 'Refundert', total: 'Å betale' },
  nl: { title: 'Afschrift', company: 'Bedrijf', month: 'Maand', payment: 'Betaling', order: 'Bestelling', date: 'Datum', amount: 'Bedrag', refunded: 'Terugbetaald', total: 'Te betalen' },
  zh: { title: '对账单', company: '公司', month: '月份', payment: '付款', order: '订单', date: '日期', amount: '金额', refunded: '已退款', total: '应付合计' },
} as const;
export type StatementLanguage = keyof typeof words;

/** The statement as a one-page-per-40-lines PDF, for the company's accounts. */
export function statementPdf(statement: Statement, site: string, asked: StatementLanguage, cjk: CjkFont | null = findCjkFont()): Promise<Buffer> {
  // Chinese prints only with a font that has its letters; without one, the statement prints in English.
  const language = asked === 'zh' && !cjk ? 'en' : asked;
  const w = words[language];
  const money = (amount: number) => `${majorUnits(amount, statement.currency ?? 'CNY')} ${statement.currency ?? ''}`.trim();
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${w.title} ${statement.company} ${statement.month}`, Author: site } });
  const [regular, bold] = language === 'zh' && cjk ? ['cjk', 'cjk'] : ['Helvetica', 'Helvetica-Bold'];
  if (language === 'zh' && cjk) doc.registerFont('cjk', cjk.file, cjk.face);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(bold).fontSize(18).text(`${w.title} — ${site}`);
  doc.moveDown(0.5).font(regular).fontSize(11).text(`${w.company}: ${statement.company}`).text(`${w.month}: ${statement.month}`).moveDown();
  const columns = [50, 130, 230, 330, 430];
  const row = (cells: string[], strong = false) => {
    const y = doc.y;
    doc.font(strong ? bold : regular).fontSize(10);
    cells.forEach((cell, i) => doc.text(cell, columns[i]!, y, { width: 95, align: i >= 3 ? 'right' : 'left' }));
    doc.moveDown(0.4);
  };
  row([w.payment, w.order, w.date, w.amount, w.refunded], true);
  statement.lines.forEach((line, i) => {
    if (i > 0 && i % 40 === 0) doc.addPage();
    row([line.payment, line.order, line.at.slice(0, 10), money(line.amount), money(line.refunded)]);
  });
  doc.moveDown();
  row(['', '', w.total, money(statement.total), ''], true);
  doc.end();
  return done;
}
