import { loadConfig } from '../../platform/config.ts';
import { UsageError, type CliCommand } from './io.ts';

/** The audit log: the application role may add to it, never change or remove it. */
export const AUDIT_APPEND_ONLY = ['core.audit_event', 'core.audit_checkpoint'];
export const AUDIT_HEAD = 'core.audit_chain';

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new UsageError(`角色名只能含小写字母、数字和下划线 / role names are lower-case letters, digits, _: ${s}`);
  return s;
};
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * SQL for the least-privilege production setup. The database owner (the role that runs
 * `minzheng migrate` and `db restore`) owns every table; the application role that `serve` and
 * `worker` connect as is neither superuser nor owner: DML on the application's tables, append
 * only on the audit log (no UPDATE/DELETE/TRUNCATE, and as a non-owner it cannot ALTER, DROP or
 * disable the append-only triggers, nor set session_replication_role). It owns the job queue's
 * schema, because pg-boss creates its daily statistics partitions as it runs.
 */
export function rolesSql(o: { app: string; owner: string; database: string }): string {
  const app = ident(o.app);
  const owner = ident(o.owner);
  return `-- 1. 以超级用户运行一次 / once, as a superuser
create role ${app} login nosuperuser nocreatedb nocreaterole noreplication;
-- 设置口令 / set its password: \\password ${app}
grant ${app} to ${owner}; -- 所有者仍可升级任务队列表 / the owner can still upgrade the job queue's tables
grant set on parameter session_replication_role to ${owner}; -- PostgreSQL ≥ 15:db restore 需要 / needed by db restore

-- 2. 以所有者 ${owner} 运行，每次 minzheng migrate 之后 / as ${owner}, after every \`minzheng migrate\`
grant connect, temporary on database ${ident(o.database)} to ${app};
do $$
declare
  s text;
  r record;
begin
  for s in select nspname from pg_namespace
           where nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'pgboss') and nspname not like 'pg\\_%' loop
    execute format('grant usage on schema %I to %I', s, ${lit(app)});
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, ${lit(app)});
    execute format('grant usage, select on all sequences in schema %I to %I', s, ${lit(app)});
  end loop;
  -- 审计日志只可追加 / the audit log is append-only for the application
  execute format('revoke update, delete, truncate on ${AUDIT_APPEND_ONLY.join(', ')} from %I', ${lit(app)});
  execute format('revoke delete, truncate on ${AUDIT_HEAD} from %I', ${lit(app)});
  -- 任务队列（pg-boss）归应用角色 / the job queue's schema belongs to the application role
  if exists (select 1 from pg_namespace where nspname = 'pgboss') then
    execute format('alter schema pgboss owner to %I', ${lit(app)});
    for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'pgboss' and c.relkind in ('r', 'p', 'v') loop
      execute format('alter table pgboss.%I owner to %I', r.relname, ${lit(app)});
    end loop;
    for r in select p.oid::regprocedure::text as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'pgboss' loop
      execute format('alter routine %s owner to %I', r.f, ${lit(app)});
    end loop;
    for r in select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'pgboss' and t.typtype in ('e', 'd') loop
      execute format('alter type pgboss.%I owner to %I', r.typname, ${lit(app)});
    end loop;
  end if;
end $$;
-- 以后迁移新建的表自动授权（审计表除外，见上）/ tables later migrations create get the same DML
alter default privileges for role ${owner} grant select, insert, update, delete on tables to ${app};
alter default privileges for role ${owner} grant usage, select on sequences to ${app};

-- 3. 生产环境 / production: serve and worker connect as ${app} (DATABASE_URL=postgres://${app}:…@host/${o.database});
--    migrate and db restore connect as ${owner}.
`;
}

/** `minzheng db roles [--app minzheng_app] [--owner minzheng]` — prints the SQL; changes nothing. */
export const dbRolesCommand: CliCommand = async (argv, io) => {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(app|owner|database)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) throw new UsageError(`db roles 不认识的参数 / unknown option: ${argv[i]}`);
    const v = m[2] ?? argv[++i];
    if (!v) throw new UsageError(`--${m[1]} 需要一个值 / needs a value`);
    opts[m[1]!] = v;
  }
  const url = loadConfig().databaseUrl;
  const fromUrl = url ? new URL(url) : null;
  const database = opts.database ?? (fromUrl ? decodeURIComponent(fromUrl.pathname.slice(1)) : 'minzheng');
  const owner = opts.owner ?? (fromUrl?.username ? decodeURIComponent(fromUrl.username) : 'minzheng');
  io.out(rolesSql({ app: opts.app ?? 'minzheng_app', owner, database }));
  return 0;
};
