import PDFDocument from 'pdfkit';
import type { Statement } from '../contracts/index.ts';
import { csvDocument } from '../exports/csv-document.ts';
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

/** The words on the printed statement, in the languages whose letters the PDF's standard font has. */
const words = {
  en: { title: 'Statement', company: 'Company', month: 'Month', payment: 'Payment', order: 'Order', date: 'Date', amount: 'Amount', refunded: 'Refunded', total: 'Total owed' },
  nb: { title: 'Kontoutskrift', company: 'Firma', month: 'Måned', payment: 'Betaling', order: 'Bestilling', date: 'Dato', amount: 'Beløp', refunded: 'Refundert', total: 'Å betale' },
  nl: { title: 'Afschrift', company: 'Bedrijf', month: 'Maand', payment: 'Betaling', order: 'Bestelling', date: 'Datum', amount: 'Bedrag', refunded: 'Terugbetaald', total: 'Te betalen' },
} as const;
export type StatementLanguage = keyof typeof words;

/** The statement as a one-page-per-40-lines PDF, for the company's accounts. */
export function statementPdf(statement: Statement, site: string, language: StatementLanguage): Promise<Buffer> {
  const w = words[language];
  const money = (amount: number) => `${majorUnits(amount, statement.currency ?? 'CNY')} ${statement.currency ?? ''}`.trim();
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${w.title} ${statement.company} ${statement.month}`, Author: site } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(`${w.title} — ${site}`);
  doc.moveDown(0.5).font('Helvetica').fontSize(11).text(`${w.company}: ${statement.company}`).text(`${w.month}: ${statement.month}`).moveDown();
  const columns = [50, 130, 230, 330, 430];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
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
