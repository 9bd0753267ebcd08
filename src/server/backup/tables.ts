import { sql } from 'kysely';
import type { Database, Engine } from '../db/database';

// What the backup needs to know of the schema, read from the database itself (so a table added by a later migration
// is backed up without touching this code): the tables, their primary keys (for paging in a stable order) and the
// foreign keys (so that a restore inserts parents before children).

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/**
 * Sessions are not backed up: a restored system starts with everyone signed out, and a stolen backup holds no live
 * session. The migration bookkeeping is recreated by the migrator itself. Job leases and sign-in rate windows are
 * the running instances' state (decision 016): restored, a lease could hold the jobs back for hours.
 */
export const NOT_BACKED_UP = new Set([
  'sessions',
  'kysely_migration',
  'kysely_migration_lock',
  'job_leases',
  'rate_limits',
]);

type Raw = Database;

export async function listTables(db: Raw, engine: Engine): Promise<TableInfo[]> {
  const names =
    engine === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const out: TableInfo[] = [];
  for (const name of names) {
    if (NOT_BACKED_UP.has(name)) continue;
    out.push({ name, ...(await columnsOf(db, engine, name)) });
  }
  return out;
}

async function columnsOf(db: Raw, engine: Engine, table: string): Promise<Omit<TableInfo, 'name'>> {
  if (engine === 'sqlite') {
    const rows = (
      await sql<{
        name: string;
        pk: number;
        cid: number;
      }>`select name, pk, cid from pragma_table_info(${table})`.execute(db)
    ).rows;
    return {
      columns: rows.sort((a, b) => a.cid - b.cid).map((r) => r.name),
      primaryKey: rows
        .filter((r) => r.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((r) => r.name),
    };
  }
  const columns = (
    await sql<{
      name: string;
    }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
      db,
    )
  ).rows.map((r) => r.name);
  const primaryKey = (
    await sql<{ name: string }>`
      select kcu.column_name as name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.table_schema = current_schema() and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
      order by kcu.ordinal_position`.execute(db)
  ).rows.map((r) => r.name);
  return { columns, primaryKey };
}

/** Parent → child edges of the foreign keys among `tables`. */
async function foreignKeys(db: Raw, engine: Engine, tables: string[]): Promise<Array<[string, string]>> {
  const edges: Array<[string, string]> = [];
  if (engine === 'sqlite') {
    for (const t of tables) {
      const rows = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db)).rows;
      for (const r of rows) edges.push([r.table, t]);
    }
    return edges;
  }
  const rows = (
    await sql<{ child: string; parent: string }>`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db)
  ).rows;
  for (const r of rows) edges.push([r.parent, r.child]);
  return edges;
}

/** The tables in an order where every table comes after the tables it refers to (ties by name, for stable output). */
export async function insertOrder(db: Raw, engine: Engine, tables: string[]): Promise<string[]> {
  const known = new Set(tables);
  const edges = (await foreignKeys(db, engine, tables)).filter(([p, c]) => known.has(p) && known.has(c) && p !== c);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const [p, c] of edges) parents.get(c)?.add(p);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p))).sort();
    if (!ready.length) throw new Error('数据表之间的外键存在循环，无法确定恢复顺序');
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}
