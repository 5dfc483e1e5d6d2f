import { Category, ChildrenView, InquiryCreated, InstallationHistory, InstallationList, PersonList, UnitList } from '@doorside/edge/contracts';
import { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Directory = { persons: z.infer<typeof PersonList>['persons']; units: z.infer<typeof UnitList>['units']; installations: z.infer<typeof InstallationList>['installations'] };

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
