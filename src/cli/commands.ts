import type { Ctx } from '../server/context';
import type { Env } from '../server/env';
import { ROLE_LABELS, ROLES, roleNeeds } from '../shared/permissions';
import { isRole } from '../shared/roles';
import type { CommandSpec, ParsedArgs } from './args';
import { UsageError } from './errors';
import type { CliIo } from './evaluate';

// The commands of bin/qianqi: help, parsing and dispatch all read this table. What a command does is imported when
// it runs, so that `--help` loads neither the database drivers nor the services.

export interface Command extends CommandSpec {
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Roles the command line creates: the others belong to a district or an organisation, chosen in the web. */
const ADMIN_ROLES = ROLES.filter((r) => !roleNeeds(r));

/** The environment, with the database the command will act on said first. */
async function announcedEnv(io: CliIo): Promise<Env> {
  const { announceDatabase, cliEnv } = await import('./target');
  const env = cliEnv();
  announceDatabase(env, io);
  return env;
}

async function withDb(io: CliIo, fn: (ctx: Ctx, label: string) => Promise<number>): Promise<number> {
  const target = await import('./target');
  return target.withDb(io, fn);
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'migrate',
    summary: '执行数据库迁移，载入基础数据',
    description: [
      '把数据库迁移到最新版本（其他访问数据库的命令也会先迁移），并载入管理办法确定的基础数据：',
      '内置年度政策、创新服务中心、17 个区科协（已有的不重复载入；服务启动时也会载入）。',
    ],
    environment: ['DATABASE_URL'],
    positionals: [],
    options: {},
    run: (_a, io) =>
      withDb(io, async (ctx) => {
        const { ensureReferenceData } = await import('../server/reference-data');
        const r = await ensureReferenceData(ctx);
        io.out('数据库已迁移到最新版本\n');
        if (r.years.length || r.organizations) {
          io.out(
            `已载入基础数据：${r.years.map((y) => `${y} 年度政策`).join('、') || '年度政策已有'}，${r.organizations} 个组织（创新服务中心、区科协）\n`,
          );
        }
        return 0;
      }),
  },
  {
    name: 'setup',
    summary: '上线准备清单：账户、依托单位、工作站点、下一年度政策',
    description: [
      '列出新部署走到“运行一个年度”还差哪几步，与网页首页的“上线准备”相同，按数据自动判断是否完成：',
      '三员及中心管理员账户、依托单位、当前年度的工作站点、下一年度政策。全部完成时退出码 0，否则 1。',
    ],
    environment: ['DATABASE_URL'],
    positionals: [],
    options: {},
    run: (_a, io) =>
      withDb(io, async (ctx) => {
        const { ensureReferenceData } = await import('../server/reference-data');
        await ensureReferenceData(ctx);
        const { getSetupChecklist } = await import('../server/features/setup/setup.service');
        const { setupChecklistLines } = await import('./setup-lines');
        const c = await getSetupChecklist(ctx);
        io.out(`${setupChecklistLines(c).join('\n')}\n`);
        return c.isComplete ? 0 : 1;
      }),
  },
  {
    name: 'create-admin',
    summary: '创建管理员账户（默认 sys_admin）',
    description: [
      '创建管理员账户。区科协和依托单位的账户须指定所属区或单位，请在系统中创建。',
      '密码从环境变量 QIANQI_PASSWORD 读取（须符合口令要求）；未设置时生成临时密码，首次登录须修改。',
    ],
    environment: ['DATABASE_URL', 'QIANQI_PASSWORD'],
    positionals: [{ name: 'USERNAME', help: '登录用户名' }],
    options: {
      role: { value: 'ROLE', help: `角色，默认 sys_admin；可选 ${ADMIN_ROLES.join('、')}` },
      name: { value: '姓名', help: '显示名称，默认为角色名称' },
    },
    run: async (a, io) => {
      const role = a.string('role') ?? 'sys_admin';
      if (isRole(role) && roleNeeds(role)) {
        throw new UsageError(`${ROLE_LABELS[role]}账户须指定所属区或单位，请在系统中由管理员创建`);
      }
      if (!isRole(role)) throw new UsageError(`角色无效：${role}。可选：${ADMIN_ROLES.join('、')}`);
      const { createAdmin } = await import('./accounts');
      return createAdmin({ username: a.positionals[0], role, name: a.string('name') }, io);
    },
  },
  {
    name: 'reset-password',
    summary: '重置账户密码并解除锁定（三员账户只能这样重置）',
    description: [
      '重置账户密码、解除锁定，并使该账户的全部会话失效（三员账户只能这样重置）。',
      '新密码从环境变量 QIANQI_PASSWORD 读取；未设置时生成临时密码，首次登录须修改。',
    ],
    environment: ['DATABASE_URL', 'QIANQI_PASSWORD'],
    positionals: [{ name: 'USERNAME', help: '登录用户名' }],
    options: {},
    run: async (a, io) => {
      const { resetPassword } = await import('./accounts');
      return resetPassword(a.positionals[0], io);
    },
  },
  {
    name: 'audit verify',
    summary: '校验操作日志哈希链，指出第一条被篡改的记录',
    description: [
      '以 AUDIT_KEY 校验操作日志哈希链：完好时退出码 0；否则指出第一条被篡改或缺失的记录，退出码 1。',
      '加 --checkpoint 时再与系统之外保存的检查点核对：签名无效、检查点之前的记录被删改、',
      '或日志比检查点短（末尾被截断）时退出码 1。',
    ],
    environment: ['DATABASE_URL', 'AUDIT_KEY'],
    positionals: [],
    options: {
      checkpoint: { value: 'FILE', help: '由 bin/qianqi audit checkpoint 或操作日志页面下载的检查点文件' },
    },
    run: async (a, io) => {
      const { readCheckpointFile, runAuditVerify } = await import('./audit-commands');
      const file = a.string('checkpoint');
      const checkpoint = file === undefined ? undefined : { file, cp: readCheckpointFile(file) };
      return withDb(io, (ctx) => runAuditVerify(ctx, checkpoint, io));
    },
  },
  {
    name: 'audit checkpoint',
    summary: '写出签名的操作日志检查点，保存到系统之外',
    description: [
      '把操作日志当前的链尾（序号、哈希、时间）以 AUDIT_KEY 签名写到文件（不覆盖已有文件），',
      '请保存到系统之外（离线介质或另一台主机）。日后 bin/qianqi audit verify --checkpoint 文件',
      '可发现末尾记录被删除后重建的日志。签发本身记入操作日志。',
    ],
    environment: ['DATABASE_URL', 'AUDIT_KEY'],
    positionals: [{ name: 'FILE', help: '要写出的检查点文件（.json）' }],
    options: {},
    run: async (a, io) => {
      const { runAuditCheckpoint } = await import('./audit-commands');
      return withDb(io, (ctx) => runAuditCheckpoint(ctx, a.positionals[0], io));
    },
  },
  {
    name: 'evaluate',
    summary: '按 docs/ledger-format.md 评价台账文件（不需要数据库）',
    description: [
      '按 docs/ledger-format.md 评价台账文件，结果（JSON）输出到标准输出。',
      '不需要数据库：任何人都可以用它核对一份台账的考核结果。输入有误时每个问题一行“路径: 说明”，退出码 2。',
    ],
    environment: [],
    positionals: [{ name: 'FILE', help: '台账文件（qianqi-ledger/1 JSON）' }],
    options: { on: { value: '日期', help: '评价日期 YYYY-MM-DD，默认今天（北京时间）' } },
    run: async (a, io) => {
      const { evaluateFile } = await import('./evaluate');
      return evaluateFile({ file: a.positionals[0], on: a.string('on'), io });
    },
  },
  {
    name: 'import',
    summary: '导入台账 JSON 到数据库（按编号合并；--replace 替换已有台账）',
    description: [
      '导入台账 JSON 到数据库；站点、依托单位不存在时新建。',
      '支出经过与记账相同的合规检查：有一笔被拒绝的支出，整份台账不导入，并逐行说明原因和条款。',
      '站点已有台账记录时按自然键合并（企业按统一社会信用代码，需求、专家、活动、支出按编号）：新增、更新，未列出的记录保留；',
      '已上传的佐证文件和支出凭证不会脱离记录。加 --replace 则同时删除导入文件未列出的记录（先留档原台账）。',
    ],
    environment: ['DATABASE_URL'],
    positionals: [{ name: 'FILE', help: '台账文件（qianqi-ledger/1 JSON）' }],
    options: { replace: { help: '同时删除导入文件未列出的现有记录（原台账先留档）' } },
    run: async (a, io) => {
      const { runImport } = await import('./ledger-commands');
      return withDb(io, (ctx) => runImport(ctx, { file: a.positionals[0], replace: a.flag('replace') }, io));
    },
  },
  {
    name: 'export',
    summary: '导出站点台账（JSON 输出到标准输出）',
    description: ['导出站点台账（qianqi-ledger/1 JSON）到标准输出。'],
    environment: ['DATABASE_URL'],
    positionals: [],
    options: { station: { value: 'ID', required: true, help: '站点编号' } },
    run: async (a, io) => {
      const { runExport } = await import('./ledger-commands');
      return withDb(io, (ctx) => runExport(ctx, a.string('station')!, io));
    },
  },
  {
    name: 'kpis',
    summary: '由数据库计算站点考核指标、经费发现和经费执行',
    description: [
      '由数据库计算站点考核指标、经费发现和经费执行（JSON 输出到标准输出），',
      '与 evaluate 该站点导出台账的结果相同。',
    ],
    environment: ['DATABASE_URL'],
    positionals: [],
    options: {
      station: { value: 'ID', required: true, help: '站点编号' },
      on: { value: '日期', help: '评价日期 YYYY-MM-DD，默认今天（北京时间）' },
    },
    run: async (a, io) => {
      const { runKpis } = await import('./ledger-commands');
      return withDb(io, (ctx) => runKpis(ctx, { station: a.string('station')!, on: a.string('on') }, io));
    },
  },
  {
    name: 'verify-package',
    summary: '校验第三方审计包的 SHA-256 清单（不需要数据库）',
    description: [
      '校验第三方审计包：逐一核对清单中的 SHA-256，指出被修改、缺失或多出的文件。',
      '通过时退出码 0；有问题时退出码 1；文件无法读取或不是审计包时退出码 2。不需要数据库。',
    ],
    environment: [],
    positionals: [{ name: 'FILE', help: '审计包（.zip）' }],
    options: {},
    run: async (a, io) => {
      const { runVerifyPackage } = await import('./verify-package');
      return runVerifyPackage(a.positionals[0], io);
    },
  },
  {
    name: 'backup',
    summary: '备份数据库和文件到一个归档（.tar.gz）',
    description: ['备份数据库和文件到一个归档（.tar.gz）：先取数据库一致快照，再复制其引用的文件，附 SHA-256 清单'],
    environment: ['DATABASE_URL', 'STORAGE_DIR'],
    positionals: [{ name: 'ARCHIVE', help: '要写入的归档文件（.tar.gz）' }],
    options: {},
    run: async (a, io) => {
      const env = await announcedEnv(io);
      const { runBackup } = await import('./backup-commands');
      return runBackup({ file: a.positionals[0], env }, io);
    },
  },
  {
    name: 'restore',
    summary: '把备份归档恢复到空的数据库和 STORAGE_DIR',
    description: ['把备份归档恢复到空的数据库（DATABASE_URL）和 STORAGE_DIR，并校验文件和操作日志哈希链'],
    environment: ['DATABASE_URL', 'STORAGE_DIR'],
    positionals: [{ name: 'ARCHIVE', help: '由 bin/qianqi backup 写出的归档（.tar.gz）' }],
    options: {},
    run: async (a, io) => {
      const env = await announcedEnv(io);
      const { runRestore } = await import('./backup-commands');
      return runRestore({ archive: a.positionals[0], env }, io);
    },
  },
  {
    name: 'storage check',
    summary: '检查 STORAGE_DIR：缺失、未被引用的文件和临时文件',
    description: [
      '检查 STORAGE_DIR：列出缺失的文件、未被引用的文件和中断写入留下的临时文件；',
      '--clean 删除超过宽限期的未引用文件和临时文件',
    ],
    environment: ['DATABASE_URL', 'STORAGE_DIR'],
    positionals: [],
    options: { clean: { help: '删除超过宽限期的未引用文件和临时文件' } },
    run: async (a, io) => {
      const env = await announcedEnv(io);
      const { runStorageCheck } = await import('./backup-commands');
      return runStorageCheck({ clean: a.flag('clean'), env }, io);
    },
  },
];
