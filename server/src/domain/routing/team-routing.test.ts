import type { Agent, Team } from '@aftercare/shared';
import { expect, it } from 'vitest';
import { newId } from '../../store/contract/fixtures.js';
import { describeWithEachPresence, type RoutingHarness } from '../../test-support/routing-harness.js';

/** A team of the harness's tenant, stored. */
async function addTeam(h: RoutingHarness, members: Agent[], name = `Team ${newId()}`): Promise<Team> {
  return h.store.teams.create({
    id: newId(),
    tenantId: h.site.tenantId,
    name,
    memberIds: members.map((member) => member.id),
    createdAt: h.clock.now(),
  });
}

describeWithEachPresence('routing to teams', (harness) => {
  it('a transfer to a team goes to its free member idle longest, not to the agent handing it over', async () => {
    const h = harness();
    const [alice, bob, carol] = [await h.addAgent(), await h.addAgent(), await h.addAgent()];
    const team = await addTeam(h, [alice, bob, carol]);
    const chat = await h.startChat();
    expect(chat.assigned[0]?.assigneeId).toBe(alice.id);

    const { outcome, updated } = await h.routing.transferToTeam(alice, chat.conversation.id, team.id);
    expect(outcome.assigned).toEqual([
      expect.objectContaining({ id: chat.conversation.id, assigneeId: bob.id, teamId: team.id }),
    ]);
    expect(updated).toEqual([]);
    expect(await h.loadOf(alice)).toBe(0);
    expect(await h.loadOf(bob)).toBe(1);
    expect(await h.store.conversations.getById(chat.conversation.id)).toMatchObject({
      assigneeId: bob.id,
      teamId: team.id,
    });
  });

  it('with no member free the chat waits for the team: outsiders never get it, and newcomers do not wait behind it', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const team = await addTeam(h, [bob]);
    const first = await h.startChat();
    const second = await h.startChat();
    expect([first.assigned[0]?.assigneeId, second.assigned[0]?.assigneeId]).toEqual([alice.id, bob.id]);

    const { outcome, updated } = await h.routing.transferToTeam(alice, first.conversation.id, team.id);
    expect(outcome.assigned).toEqual([]);
    expect(updated).toEqual([
      expect.objectContaining({ id: first.conversation.id, assigneeId: null, teamId: team.id }),
    ]);
    expect(await h.routing.positionOf(first.conversation)).toBe(1);
    expect(await h.loadOf(alice)).toBe(0);

    // Alice is free but not in the team: a new chat goes to her at once.
    const third = await h.startChat();
    expect(third).toMatchObject({ position: null, assigned: [{ assigneeId: alice.id }] });

    // Bob frees up: the team's chat is his.
    const freed = await h.resolve(second.conversation);
    expect(freed.assigned).toEqual([expect.objectContaining({ id: first.conversation.id, assigneeId: bob.id })]);
    expect(await h.store.conversations.getById(first.conversation.id)).toMatchObject({ teamId: team.id });
  });

  it('a team-bound chat keeps waiting for its team after presence is lost and rebuilt from the store', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const supervisor = await h.addAgent('supervisor', false);
    const team = await addTeam(h, [bob]);
    const bound = await h.startChat();
    const busy = await h.startChat();
    await h.routing.transferToTeam(supervisor, bound.conversation.id, team.id);

    // A restart: presence starts empty, consoles reconnect, and routing rebuilds from the store.
    await h.losePresence();
    for (const agent of [alice, bob]) {
      await h.routing.connect(agent, newId());
      await h.routing.setStatus(agent, 'online');
    }
    expect(await h.assigneeOf(bound.conversation)).toBeNull();
    expect(await h.routing.positionOf(bound.conversation)).toBe(1);
    const freed = await h.resolve(busy.conversation);
    expect(freed.assigned).toEqual([expect.objectContaining({ id: bound.conversation.id, assigneeId: bob.id })]);
  });

  it('only the assignee or a supervisor transfers; the team must be of the tenant', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const team = await addTeam(h, [bob]);
    const chat = await h.startChat();
    await expect(h.routing.transferToTeam(bob, chat.conversation.id, team.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(h.routing.transferToTeam(alice, chat.conversation.id, newId())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const elsewhere = await h.store.teams.create({ ...team, id: newId(), tenantId: newId() });
    await expect(h.routing.transferToTeam(alice, chat.conversation.id, elsewhere.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await h.store.conversations.getById(chat.conversation.id)).toMatchObject({
      assigneeId: alice.id,
      teamId: null,
    });
  });

  it('a transfer to an agent takes the chat out of its team', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const supervisor = await h.addAgent('supervisor', false);
    const team = await addTeam(h, [bob]);
    const chat = await h.startChat();
    await h.routing.transferToTeam(alice, chat.conversation.id, team.id);
    const outcome = await h.routing.reassign(supervisor, chat.conversation.id, alice.id);
    expect(outcome.assigned).toEqual([expect.objectContaining({ assigneeId: alice.id, teamId: null })]);
  });

  it('deleting a team sends its waiting chats back to everyone, in their place', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const team = await addTeam(h, [bob]);
    const first = await h.startChat();
    await h.startChat();
    await h.routing.transferToTeam(alice, first.conversation.id, team.id);
    // Alice took a newcomer meanwhile, so nobody is free when the team goes.
    await h.startChat();
    await h.store.teams.delete(h.site.tenantId, team.id);
    const { outcome, updated } = await h.routing.teamDeleted(h.site.tenantId, team.id);
    expect(outcome.assigned).toEqual([]);
    expect(updated).toEqual([expect.objectContaining({ id: first.conversation.id, teamId: null, assigneeId: null })]);
    expect(await h.routing.positionOf(first.conversation)).toBe(1);
    const alicesChat = await h.store.conversations.listByTenant({
      tenantId: h.site.tenantId,
      assigneeId: alice.id,
      status: 'open',
      limit: 5,
    });
    const freed = await h.resolve(alicesChat[0]!);
    expect(freed.assigned).toEqual([expect.objectContaining({ id: first.conversation.id, assigneeId: alice.id })]);
  });

  it('a deactivated agent goes offline and their open chats go to colleagues or back in line', async () => {
    const h = harness();
    const [alice, bob] = [await h.addAgent(), await h.addAgent()];
    const first = await h.startChat();
    const second = await h.startChat();
    const third = await h.startChat();
    expect(third.position).toBe(1);
    await h.resolve(second.conversation);
    // Bob now has the third chat; Alice the first.
    const { outcome, updated } = await h.routing.agentDeactivated(alice);
    expect(updated).toEqual([expect.objectContaining({ id: first.conversation.id, assigneeId: null })]);
    expect(outcome.agents).toEqual(
      expect.arrayContaining([expect.objectContaining({ agentId: alice.id, status: 'offline', load: 0 })]),
    );
    expect(await h.routing.positionOf(first.conversation)).toBe(1);
    const freed = await h.resolve(third.conversation);
    expect(freed.assigned).toEqual([expect.objectContaining({ id: first.conversation.id, assigneeId: bob.id })]);
  });
});
