import { describe, expect, it } from 'vitest';
import { actorFor, aTicket, panelActor, users } from '../test-support/domain-fixtures.ts';
import { roomVisibleTo, visibleScope, visibleTo } from './visibility.ts';

describe('which tickets an actor sees', () => {
  it('shows a vendor only the work orders given to them', () => {
    const vera = actorFor(users.vera);

    expect(visibleTo(vera, aTicket('assigned', { assignee: 'vera' }))).toBe(true);
    expect(visibleTo(vera, aTicket('assigned', { assignee: 'ana' }))).toBe(false);
    expect(visibleScope(vera)).toEqual([{ assignee: 'vera' }]);
  });

  it('shows a door panel only its own room', () => {
    const panel = panelActor('r101');

    expect(visibleTo(panel, aTicket('done', { room: 'r101' }))).toBe(true);
    expect(visibleTo(panel, aTicket('done', { room: 'r102' }))).toBe(false);
    expect(visibleScope(panel)).toEqual([{ room: 'r101' }]);
  });

  it('shows staff their teams\' tickets and those given to them, and nothing else', () => {
    const ana = actorFor(users.ana);

    expect(visibleTo(ana, aTicket('new', { team: ana.teams[0]!, assignee: null }))).toBe(true);
    expect(visibleTo(ana, aTicket('assigned', { team: 'av', assignee: 'ana' }))).toBe(true);
    expect(visibleTo(ana, aTicket('new', { team: 'av', assignee: null }))).toBe(false);
    expect(visibleScope(ana)).toEqual([{ teams: ana.teams }, { assignee: 'ana' }]);
  });

  it('shows managers every ticket of the site', () => {
    expect(visibleTo(actorFor(users.hank), aTicket('new', { room: 'r999', team: 'av', assignee: null }))).toBe(true);
    expect(visibleScope(actorFor(users.hank))).toBeUndefined();
  });

  it('shows a door panel only its own room, and everyone else every room', () => {
    expect(roomVisibleTo(panelActor('r101'), 'r101')).toBe(true);
    expect(roomVisibleTo(panelActor('r101'), 'r102')).toBe(false);
    expect(roomVisibleTo(actorFor(users.ana), 'r102')).toBe(true);
    expect(roomVisibleTo(actorFor(users.vera), 'r102')).toBe(true);
  });
});
