import { describe, expect, it } from 'vitest';
import { actorFor, aTicket, panelActor, users } from '../test-support/domain-fixtures.ts';
import { visibleScope, visibleTo } from './visibility.ts';

describe('which tickets an actor sees', () => {
  it('shows a vendor only the work orders given to them', () => {
    const vera = actorFor(users.vera);

    expect(visibleTo(vera, aTicket('assigned', { assignee: 'vera' }))).toBe(true);
    expect(visibleTo(vera, aTicket('assigned', { assignee: 'ana' }))).toBe(false);
    expect(visibleScope(vera)).toEqual({ assignee: 'vera' });
  });

  it('shows a door panel only its own room', () => {
    const panel = panelActor('r101');

    expect(visibleTo(panel, aTicket('done', { room: 'r101' }))).toBe(true);
    expect(visibleTo(panel, aTicket('done', { room: 'r102' }))).toBe(false);
    expect(visibleScope(panel)).toEqual({ room: 'r101' });
  });

  it('shows staff and managers every ticket of the site', () => {
    expect(visibleTo(actorFor(users.ana), aTicket('new', { room: 'r999', assignee: null }))).toBe(true);
    expect(visibleScope(actorFor(users.hank))).toEqual({});
  });
});
