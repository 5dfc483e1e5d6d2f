import { AuthState, Category, ChildrenView, InquiryCreated, Installation, InstallationHistory, InstallationList, PersonList, PersonRecord, Ticket, Unit, UnitList } from '@doorside/edge/contracts';
import { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Directory = { persons: z.infer<typeof PersonList>['persons']; units: z.infer<typeof UnitList>['units']; installations: z.infer<typeof InstallationList>['installations'] };
export type EntryKind = 'person' | 'unit' | 'installation';
export type Entry = { person: PersonRecord; unit: Unit; installation: Installation };
const collections = { person: '/api/persons', unit: '/api/units', installation: '/api/installations' } as const;

/** The directory of persons, units and installations, an installation's history and an inquiry's tasks. */
export class DirectoryApi extends SignedInApi {
  async directory(): Promise<Directory> {
    const [persons, units, installations] = await Promise.all([
      this.send('GET', '/api/persons').then((b) => PersonList.parse(b).persons),
      this.send('GET', '/api/units').then((b) => UnitList.parse(b).units),
      this.send('GET', '/api/installations').then((b) => InstallationList.parse(b).installations),
    ]);
    return { persons, units, installations };
  }

  /** What the signed-in role may do somewhere (the gateway still decides each request). */
  async rights(): Promise<readonly string[]> {
    const state = AuthState.parse(await this.send('GET', '/api/auth/state'));
    return state.signedIn ? state.rights : [];
  }

  /** Adds an entry (no id) or changes one; each answers with the entry as stored. */
  savePerson(id: string | undefined, body: object): Promise<PersonRecord> { return this.#save(PersonRecord, 'person', id, body); }
  saveUnit(id: string | undefined, body: object): Promise<Unit> { return this.#save(Unit, 'unit', id, body); }
  saveInstallation(id: string | undefined, body: object): Promise<Installation> { return this.#save(Installation, 'installation', id, body); }

  async #save<T>(schema: z.ZodType<T>, kind: EntryKind, id: string | undefined, body: object): Promise<T> {
    const path = id ? `${collections[kind]}/${encodeURIComponent(id)}` : collections[kind];
    return schema.parse(await this.send(id ? 'PATCH' : 'POST', path, body));
  }

  /** Sets a ticket's links: what is named replaces what was, `null` unlinks. */
  async link(ticket: string, body: object): Promise<Ticket> {
    return Ticket.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/links`, body));
  }

  async history(installation: string): Promise<InstallationHistory> {
    return InstallationHistory.parse(await this.send('GET', `/api/installations/${encodeURIComponent(installation)}/history`));
  }

  async categories() {
    return z.object({ categories: z.array(Category.pick({ id: true, name: true, names: true })) }).parse(await this.send('GET', '/api/categories')).categories;
  }

  async createInquiry(body: object): Promise<z.infer<typeof InquiryCreated>> {
    return InquiryCreated.parse(await this.send('POST', '/api/inquiries', body));
  }

  async children(ticket: string): Promise<ChildrenView> {
    return ChildrenView.parse(await this.send('GET', `/api/tickets/${encodeURIComponent(ticket)}/children`));
  }
}
