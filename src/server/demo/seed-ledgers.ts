import { uuidv7 } from 'uuidv7';
import { ledgerSchema } from '../../domain/ledger/schema';
import { writeTx } from '../audit/audit';
import type { Ctx } from '../context';
import { writeStationLedger } from '../features/ledger-exchange/ledger-import.service';
import { generateLedger } from './ledger-generator';
import { samplePng } from './sample-png';

/**
 * A year of recorded work for every demo station, so that the KPI pages and dashboards show real figures: generated
 * ledgers written through the same import as a station's own, and one photo on each station's first event.
 */
export async function seedDemoLedgers(ctx: Ctx, which: 'all' | 'few' = 'all'): Promise<void> {
  const stations = await ctx.db
    .selectFrom('stations')
    .innerJoin('organizations as h', 'h.id', 'stations.host_org_id')
    .selectAll('stations')
    .select('h.name as host_name')
    .orderBy('stations.type')
    .orderBy('stations.district_code')
    .orderBy('stations.name')
    .execute();
  let base = 1000;
  for (const [i, s] of stations.entries()) {
    if (
      which === 'few' &&
      !(['110108', '110105'].includes(s.district_code ?? '') || s.host_name === '北京理工大学科协')
    ) {
      base += 1000;
      continue;
    }
    // Attainment differs: most stations near their targets, a few well behind (the dashboards have something to show).
    const diligence = s.district_code === '110108' ? 0.92 : [1.08, 0.95, 0.7, 1.02, 0.55, 0.88][i % 6];
    const ledger = generateLedger({
      seed: 2025_0000 + i,
      programYear: s.program_year,
      station: {
        name: s.name,
        type: s.type,
        district: s.district_code,
        hostName: s.host_name,
        start: s.period_start,
        end: s.period_end,
      },
      diligence,
      enterpriseBase: base,
    });
    base += 1000;
    await writeStationLedger(ctx, { station: s, ledger: ledgerSchema.parse(ledger), replace: false });
    const first = await ctx.db
      .selectFrom('events')
      .select(['id', 'title'])
      .where('station_id', '=', s.id)
      .orderBy('id')
      .executeTakeFirst();
    if (!first) continue;
    const bytes = samplePng(96, 64, i * 37);
    const blob = await ctx.blobs.put(bytes);
    await writeTx(ctx, async (tx, audit) => {
      const attachmentId = uuidv7();
      await tx
        .insertInto('attachments')
        .values({
          id: attachmentId,
          station_id: s.id,
          sha256: blob.sha256,
          size: blob.size,
          mime: 'image/png',
          file_name: '活动现场照片.png',
          created_at: ctx.clock.now().toISOString(),
          created_by: null,
        })
        .execute();
      await tx
        .insertInto('event_evidence')
        .values({
          id: uuidv7(),
          event_id: first.id,
          kind: 'photo',
          attachment_id: attachmentId,
          created_at: ctx.clock.now().toISOString(),
        })
        .execute();
      await audit.record({
        entity: 'event',
        entityId: first.id,
        action: 'add_evidence',
        summary: `演示数据：为活动“${first.title}”上传活动照片`,
        after: { attachment_id: attachmentId },
      });
    });
  }
}
