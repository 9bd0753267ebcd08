import { conflict, invalid, notFound } from '../../../shared/errors';
import type { AuditorAccountDto, AuditorAssignmentInput, StationAuditorDto } from '../../../shared/schemas/auditor';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { requireStation } from '../../core/stations';

// 第三方审计 (第十二条, issue #5): the Center gives an auditor account read access to a station for a time window.
// The window is the scope rule itself (stationScope reads user_stations with valid_from/valid_to), so access starts
// and ends on its dates without a job.

export async function listAuditorAccounts(ctx: Ctx): Promise<AuditorAccountDto[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('role', '=', 'auditor')
    .where('is_active', '=', 1)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name }));
}

export async function stationAuditors(ctx: Ctx, stationId: string): Promise<StationAuditorDto[]> {
  await requireStation(ctx, stationId);
  const rows = await ctx.db
    .selectFrom('user_stations as us')
    .innerJoin('users as u', 'u.id', 'us.user_id')
    .select(['u.id', 'u.username', 'u.display_name', 'us.valid_from', 'us.valid_to', 'us.created_at'])
    .where('us.station_id', '=', stationId)
    .where('u.role', '=', 'auditor')
    .orderBy('us.created_at')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    createdAt: r.created_at,
  }));
}

export async function assignAuditor(
  ctx: Ctx,
  stationId: string,
  input: AuditorAssignmentInput,
): Promise<StationAuditorDto[]> {
  const station = await requireStation(ctx, stationId);
  if (input.validTo < input.validFrom) throw invalid([{ path: 'validTo', message: '结束日期不能早于开始日期' }]);
  await writeTx(ctx, async (tx, audit) => {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'username', 'role', 'is_active'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (user?.role !== 'auditor' || !user.is_active)
      throw invalid([{ path: 'userId', message: '所选账户不是有效的审计人员账户' }]);
    const existing = await tx
      .selectFrom('user_stations')
      .selectAll()
      .where('user_id', '=', input.userId)
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    if (existing) throw conflict(`${user.username} 已分配到该站点，请先移除原分配再重新设置时间`);
    const row = {
      user_id: input.userId,
      station_id: stationId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      created_at: ctx.clock.now().toISOString(),
    };
    await tx.insertInto('user_stations').values(row).execute();
    await audit.record({
      entity: 'user',
      entityId: input.userId,
      action: 'assign_station',
      summary: `分配审计人员 ${user.username} 审计“${station.name}”（${input.validFrom} 至 ${input.validTo}，第十二条）`,
      after: row,
    });
  });
  return stationAuditors(ctx, stationId);
}

export async function removeAuditor(ctx: Ctx, stationId: string, userId: string): Promise<StationAuditorDto[]> {
  const station = await requireStation(ctx, stationId);
  await writeTx(ctx, async (tx, audit) => {
    const row = await tx
      .selectFrom('user_stations as us')
      .innerJoin('users as u', 'u.id', 'us.user_id')
      .select(['us.user_id', 'us.valid_from', 'us.valid_to', 'u.username'])
      .where('us.user_id', '=', userId)
      .where('us.station_id', '=', stationId)
      .where('u.role', '=', 'auditor')
      .executeTakeFirst();
    if (!row) throw notFound('审计分配');
    await tx.deleteFrom('user_stations').where('user_id', '=', userId).where('station_id', '=', stationId).execute();
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'unassign_station',
      summary: `移除审计人员 ${row.username} 对“${station.name}”的审计权限`,
      before: { station_id: stationId, valid_from: row.valid_from, valid_to: row.valid_to },
    });
  });
  return stationAuditors(ctx, stationId);
}
