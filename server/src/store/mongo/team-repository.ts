import type { Team } from '@aftercare/shared';
import type { Model } from 'mongoose';
import type { TeamRepository } from '../../domain/teams/team-repository.js';
import { conflictOnDuplicate } from './mongo-errors.js';
import type { PendingWrites } from './pending-writes.js';
import { type TeamDocument, toTeam } from './team-schemas.js';

const duplicate = (name: string) => `A team named ${name} already exists.`;

/**
 * Teams in MongoDB. Every filter names the tenant beside the id; the unique (tenantId, nameKey)
 * index refuses a taken name in any case.
 */
export class MongoTeamRepository implements TeamRepository {
  constructor(
    private readonly teams: Model<TeamDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(team: Team): Promise<Team> {
    const doc: TeamDocument = {
      _id: team.id,
      tenantId: team.tenantId,
      name: team.name,
      nameKey: team.name.toLowerCase(),
      memberIds: [...team.memberIds],
      createdAt: new Date(team.createdAt),
    };
    await this.pending.track(() => conflictOnDuplicate(() => this.teams.insertOne(doc), duplicate(team.name)));
    return toTeam(doc);
  }

  async getById(tenantId: string, id: string): Promise<Team | null> {
    const doc = await this.teams.findOne({ _id: id, tenantId }).lean<TeamDocument>().exec();
    return doc ? toTeam(doc) : null;
  }

  async listByTenant(tenantId: string): Promise<Team[]> {
    const docs = await this.teams.find({ tenantId }).sort({ nameKey: 1, _id: 1 }).lean<TeamDocument[]>().exec();
    return docs.map(toTeam);
  }

  async update(tenantId: string, id: string, changes: Pick<Team, 'name' | 'memberIds'>): Promise<Team | null> {
    const doc = await this.pending.track(() =>
      conflictOnDuplicate(
        () =>
          this.teams
            .findOneAndUpdate(
              { _id: id, tenantId },
              { $set: { name: changes.name, nameKey: changes.name.toLowerCase(), memberIds: [...changes.memberIds] } },
              { returnDocument: 'after', runValidators: true },
            )
            .lean<TeamDocument>()
            .exec(),
        duplicate(changes.name),
      ),
    );
    return doc ? toTeam(doc) : null;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.pending.track(() => this.teams.deleteOne({ _id: id, tenantId }).exec());
    return result.deletedCount > 0;
  }
}
