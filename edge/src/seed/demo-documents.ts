import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { DocumentStore } from '../attachments/document-store.ts';
import { storeDocumentFile } from '../documents/document-files.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** A one-page PDF with a heading and a few lines (Latin letters: the PDF's standard font). */
function onePager(heading: string, lines: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: heading, Author: 'Doorside demo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(heading).moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const line of lines) doc.text(line).moveDown(0.5);
  doc.end();
  return done;
}

const everyone: DocumentMeta['readers'] = ['tenant', 'tenant_admin', 'staff', 'supervisor', 'floor_manager', 'reception'];

const documents: { meta: DocumentMeta; heading: string; lines: string[] }[] = [
  {
    meta: { kind: 'house_rules', title: { en: 'House rules', zh: '大楼守则', nb: 'Husregler', nl: 'Huisregels' }, place: { kind: 'building' }, readers: everyone },
    heading: 'House rules',
    lines: ['The building is open 07:00-20:00 on weekdays.', 'Deliveries use the west entrance.', 'Keep fire doors closed at all times.'],
  },
  {
    meta: { kind: 'fire_plan', title: { en: 'Fire plan, floor 1', zh: '一楼消防疏散图', nb: 'Brannplan, 1. etasje', nl: 'Brandplan, verdieping 1' }, place: { kind: 'floor', floor: 1 }, readers: everyone },
    heading: 'Fire plan - floor 1',
    lines: ['Assembly point: the car park by the west entrance.', 'Exits: lobby, east wing stairs, west wing stairs.', 'Extinguishers by the lifts and in Kitchen 1.'],
  },
  {
    meta: { kind: 'contract', title: { en: 'Lease, Nordlys AS', nb: 'Leiekontrakt, Nordlys AS' }, place: { kind: 'company', company: 'Nordlys AS' }, readers: ['tenant_admin'] },
    heading: 'Lease - Nordlys AS',
    lines: ['Premises: 2nd floor north (Boardroom, Meeting Room Tulip, Open Office North).', 'Term: five years from 1 January 2026.', 'Cleaning and reception are included in the service charge.'],
  },
];

/** The demo's documents: house rules for the building, a fire plan for floor 1, and one company's lease. Run once, on a new demo site. */
export async function seedDemoDocuments(store: SiteStore, commands: CommandHandler, library: DocumentStore, at: string): Promise<void> {
  const head = store.directory.user('hanna')?.user ?? store.directory.user('admin')?.user;
  if (!head) return;
  const actor = actorOf(head);
  for (const { meta, heading, lines } of documents) {
    const file = storeDocumentFile(library, await onePager(heading, lines), actor.ref, at, `${heading}.pdf`);
    await commands.handle(actor, { documents: true }, { type: 'upload-document', file, ...meta });
  }
}
