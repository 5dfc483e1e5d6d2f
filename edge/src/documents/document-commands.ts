import type { DocumentCommand, SiteDocument } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { assertTargetsExist } from '../announcements/audience.ts';
import { roomsOfPlace } from './document-readers.ts';

const building = (store: SiteStore) => ({ rooms: store.rooms.all(), units: store.entries.units.list(10_000) });

function documentOf(store: SiteStore, target: unknown): SiteDocument {
  const id = (target as { document?: string }).document ?? '';
  const found = store.documents.get(id);
  if (!found) throw new NotFound('document', id);
  return found;
}

/**
 * Keeping documents: an upload (its file already stored under `file.id`, its SHA-256 recorded in
 * the upload's event) and a withdrawal, after which only those who keep documents open it.
 */
export const documentCommands: CommandModule<DocumentCommand> = {
  types: ['upload-document', 'withdraw-document'],

  run(store, { actor, target, command, at, newToken }) {
    assertMay(actor.role, 'manage-documents');
    if (command.type === 'withdraw-document') {
      const document = documentOf(store, target);
      if (document.status === 'withdrawn') throw new Refusal('DOCUMENT_WITHDRAWN', `document ${document.id} was withdrawn already`, { withdrawnAt: document.withdrawnAt });
      const withdrawn: SiteDocument = { ...document, status: 'withdrawn', withdrawnAt: at };
      return { changes: [{ entity: 'document', type: 'document-withdrawn', state: withdrawn }], result: withdrawn };
    }
    const site = building(store);
    const { place } = command;
    if (place.kind === 'unit') {
      if (!site.units.some((u) => u.id === place.unit)) throw new Invalid('UNKNOWN_UNIT', `there is no unit ${place.unit}`, { unit: place.unit });
    } else {
      assertTargetsExist([place], site);
    }
    const made: SiteDocument = {
      id: `D-${newToken(9)}`, kind: command.kind, title: command.title, place, readers: [...new Set(command.readers)],
      rooms: roomsOfPlace(place, site), file: command.file, status: 'current', uploadedBy: actor.ref, uploadedAt: at, withdrawnAt: null,
    };
    return { changes: [{ entity: 'document', type: 'document-uploaded', state: made }], result: made };
  },
};
