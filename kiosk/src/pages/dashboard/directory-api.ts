import { ChildrenView, InstallationHistory, InstallationList, PersonList, UnitList } from '@doorside/edge/contracts';
import type { z } from 'zod';
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

  async children(ticket: string): Promise<ChildrenView> {
    return ChildrenView.parse(await this.send('GET', `/api/tickets/${encodeURIComponent(ticket)}/children`));
  }
}
