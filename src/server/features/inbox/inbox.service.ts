import { uuidv7 } from 'uuidv7';
import { conflict, notFound } from '../../../shared/errors';
import type { InboxDto, NoticeDto, ReminderSettingDto } from '../../../shared/schemas/inbox';
import { writeTx } from '../../audit/audit';
import type { AppDeps, Ctx } from '../../context';
import { type Page, paginate } from '../../core/paging';
import type { NoticeTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { collectTasks, forAccount } from './tasks';

// 待办、提醒与通知公告 (issue #4). The inbox is computed; reminders are written by an in-process job a configurable
// number of days before each due date, once per task and date; the notice board is the Center's.

export const REMINDER_DAYS_KEY = 'reminder_days';
export const DEFAULT_REMINDER_DAYS = 7;

export async function reminderDays(db: AppDeps['db']): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', REMINDER_DAYS_KEY)
    .executeTakeFirst();
  return row ? Number(JSON.parse(row.value_json)) : DEFAULT_REMINDER_DAYS;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function inbox(ctx: Ctx): Promise<InboxDto> {
  const a = ctx.actor!;
  const today = shanghaiDate(ctx.clock.now());
  const days = await reminderDays(ctx.db);
  const soon = addDays(today, days);
  const tasks = (await collectTasks(ctx.db, a, ctx.clock.now()))
    .filter((t) => forAccount(t, a))
    .map(({ audience: _a, ...t }) => ({
      ...t,
      overdue: !!t.dueOn && t.dueOn < today,
      dueSoon: !!t.dueOn && t.dueOn >= today && t.dueOn <= soon,
    }));
  let rq = ctx.db
    .selectFrom('reminders')
    .selectAll()
    .where('audience_role', '=', a.role)
    .where('due_on', '>=', today)
    .where((eb) => eb.or([eb('audience_org_id', 'is', null), eb('audience_org_id', '=', a.organizationId ?? '-')]))
    .where((eb) => eb.or([eb('audience_district', 'is', null), eb('audience_district', '=', a.districtCode ?? '-')]))
    .where((eb) => eb.or([eb('audience_user_id', 'is', null), eb('audience_user_id', '=', a.userId)]));
  rq = rq.orderBy('due_on').limit(50);
  const live = new Set(tasks.map((t) => t.key));
  const reminders = (await rq.execute())
    // A reminder of a task already done is no longer shown.
    .filter((r) => live.has(r.key.split('@')[0]))
    .map((r) => ({ key: r.key, title: r.title, dueOn: r.due_on, link: r.link, createdAt: r.created_at }));
  return { today, reminderDays: days, tasks, reminders };
}

/**
 * The reminder job: for every task due within the configured days, one reminder row per audience role, keyed by
 * task and due date so a rerun (or a second process) adds nothing. Returns how many it wrote.
 */
export async function runReminderSweep(deps: AppDeps): Promise<number> {
  const today = shanghaiDate(deps.clock.now());
  const days = await reminderDays(deps.db);
  const until = addDays(today, days);
  const due = (await collectTasks(deps.db, undefined, deps.clock.now())).filter(
    (t) => t.dueOn && t.dueOn >= today && t.dueOn <= until,
  );
  let written = 0;
  for (const t of due) {
    for (const role of t.audience.roles) {
      const key = `${t.key}@${t.dueOn}#${role}`;
      const res = await deps.db
        .insertInto('reminders')
        .values({
          key,
          audience_role: role,
          audience_org_id: t.audience.orgId ?? null,
          audience_district: t.audience.district ?? null,
          audience_user_id: t.audience.userId ?? null,
          title: `${t.dueOn} 截止：${t.title}`,
          due_on: t.dueOn!,
          link: t.link,
          created_at: deps.clock.now().toISOString(),
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      written += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return written;
}

export async function setReminderDays(ctx: Ctx, days: number, version: number | null): Promise<ReminderSettingDto> {
  await writeTx(ctx, async (tx, audit) => {
    const row = await tx.selectFrom('settings').selectAll().where('key', '=', REMINDER_DAYS_KEY).executeTakeFirst();
    const now = ctx.clock.now().toISOString();
    if (row) {
      if (version !== row.version) throw conflict('设置已被他人修改，请刷新后重试');
      await tx
        .updateTable('settings')
        .set({ value_json: JSON.stringify(days), updated_at: now, version: row.version + 1 })
        .where('key', '=', REMINDER_DAYS_KEY)
        .where('version', '=', row.version)
        .execute();
    } else {
      await tx
        .insertInto('settings')
        .values({ key: REMINDER_DAYS_KEY, value_json: JSON.stringify(days), updated_at: now, version: 1 })
        .execute();
    }
    await audit.record({
      entity: 'setting',
      entityId: REMINDER_DAYS_KEY,
      action: 'update',
      summary: `截止前提醒天数设为 ${days} 天`,
      before: row ? { days: JSON.parse(row.value_json) } : undefined,
      after: { days },
    });
  });
  const row = await ctx.db
    .selectFrom('settings')
    .selectAll()
    .where('key', '=', REMINDER_DAYS_KEY)
    .executeTakeFirstOrThrow();
  return { days: Number(JSON.parse(row.value_json)), version: row.version };
}

export async function getReminderSetting(ctx: Ctx): Promise<ReminderSettingDto> {
  const row = await ctx.db.selectFrom('settings').selectAll().where('key', '=', REMINDER_DAYS_KEY).executeTakeFirst();
  return { days: row ? Number(JSON.parse(row.value_json)) : DEFAULT_REMINDER_DAYS, version: row?.version ?? null };
}

// ---------------------------------------------------------------------------------------------------------------
// 通知公告

export async function listNotices(ctx: Ctx, page: { page: number; pageSize: number }): Promise<Page<NoticeDto>> {
  const qb = ctx.db
    .selectFrom('notices')
    .leftJoin('users', 'users.id', 'notices.published_by')
    .selectAll('notices')
    .select('users.display_name');
  return paginate(qb, {
    ...page,
    map: (r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      programYear: r.program_year,
      publishedAt: r.published_at,
      publishedBy: r.display_name ?? null,
    }),
    orderBy: (q) => q.orderBy('notices.published_at', 'desc').orderBy('notices.id', 'desc'),
  });
}

export interface InsertNoticeOptions {
  audit: Parameters<Parameters<typeof writeTx>[1]>[1];
  notice: { kind: NoticeTable['kind']; title: string; body: string; programYear: number | null };
}

export async function insertNotice(
  ctx: Ctx,
  tx: Parameters<Parameters<typeof writeTx>[1]>[0],
  { audit, notice: n }: InsertNoticeOptions,
): Promise<string> {
  const id = uuidv7();
  const row: NoticeTable = {
    id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    program_year: n.programYear,
    published_at: ctx.clock.now().toISOString(),
    published_by: ctx.actor?.userId ?? null,
  };
  await tx.insertInto('notices').values(row).execute();
  await audit.record({
    entity: 'notice',
    entityId: id,
    action: 'publish',
    summary: `发布通知公告“${n.title}”`,
    after: { ...row },
  });
  return id;
}

export async function publishNotice(
  ctx: Ctx,
  n: { kind: NoticeTable['kind']; title: string; body: string; programYear: number | null },
): Promise<NoticeDto> {
  const id = await writeTx(ctx, (tx, audit) => insertNotice(ctx, tx, { audit, notice: n }));
  return (await listNotices(ctx, { page: 1, pageSize: 200 })).items.find((x) => x.id === id)!;
}

export async function deleteNotice(ctx: Ctx, id: string) {
  await writeTx(ctx, async (tx, audit) => {
    const row = await tx.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('通知公告');
    await tx.deleteFrom('notices').where('id', '=', id).execute();
    await audit.record({
      entity: 'notice',
      entityId: id,
      action: 'delete',
      summary: `撤下通知公告“${row.title}”`,
      before: { ...row },
    });
  });
}
