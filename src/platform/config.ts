import { z } from 'zod';

/** Environment, parsed once. Nothing else in the code base reads process.env. */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** The reference law texts (《…》 links in legal bases); a missing directory means no links. */
  LAWS_DIR: z.string().default('../shared/reference/laws'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1, 'DATABASE_POOL_MAX 至少为 1').max(500).default(30),
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  ADMIN_TOTP: z.enum(['required', 'optional']).optional(),
  COOKIE_SECURE: z.enum(['auto', 'on', 'off']).default('auto'),
  PII_KEY: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, 'PII_KEY 必须是 32 位十六进制（SM4 128 位密钥）')
    .optional(),
  PII_OLD_KEYS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[0-9a-f]{32}$/i, 'PII_OLD_KEYS 须为逗号分隔的 32 位十六进制旧密钥（轮换期间解密用）'))),
  TRUST_PROXY: z.string().default(''),
  AUDIT_CHAINS: z.coerce.number().int().min(1).max(256).default(16),
  WORKER: z.enum(['on', 'off']).default('on'),
  NOTIFY_CHANNELS: z
    .string()
    .default('log')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'NOTIFY_CHANNELS 须为逗号分隔的通道名，如 log,sms'))),
  PORTAL_POW_BITS: z.coerce.number().int().min(1, 'PORTAL_POW_BITS 至少为 1').max(28).default(16),
  UPLOAD_CHUNK_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'UPLOAD_CHUNK_BYTES 至少为 1024')
    .max(64 * 1024 * 1024, 'UPLOAD_CHUNK_BYTES 不超过 64 MiB')
    .default(8 * 1024 * 1024),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'UPLOAD_MAX_BYTES 至少为 1024')
    .default(2 * 1024 * 1024 * 1024),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  lawsDir: string;
  databaseUrl: string | undefined;
  dbKind: 'pglite' | 'postgres';
  /**
   * PostgreSQL: connections the API's pool opens at most (pg-boss's 7 and the LISTEN connection come
   * on top). A connection stays taken until the event loop reads the answer, so under load it is
   * held far longer than the query runs: 10 made signed-in staff queue behind each other (bench/load.ts).
   */
  dbPoolMax: number;
  demo: 'auto' | 'on' | 'off';
  logLevel: string;
  session: { idleMinutes: number; maxHours: number };
  login: { maxFailures: number; lockMinutes: number };
  /** 'required': administrators must enrol TOTP before using admin functions. */
  adminTotp: 'required' | 'optional';
  cookieSecure: 'auto' | 'on' | 'off';
  piiKeyHex: string | undefined;
  /** Earlier PII keys still needed to read data not yet re-encrypted by `minzheng pii rotate`. */
  piiOldKeysHex: string[];
  auditChains: number;
  /** Proxies whose X-Forwarded-For is believed (addresses/CIDRs); none by default. */
  trustProxy: string[] | boolean;
  /** 'off': this process serves the API only and runs no job handlers (another runs `minzheng worker`). */
  worker: 'on' | 'off';
  /** External notification channels, by name (see src/kernel/notify/channels.ts); '' for none. */
  notifyChannels: string[];
  /** Public portal proof of work: leading zero bits of SHA-256 a submission must show (16 ≈ 65 536 tries). */
  portalPowBits: number;
  /** Chunked uploads (evidence videos): the size of each chunk but the last, and the largest file. */
  upload: { chunkBytes: number; maxBytes: number };
  version: string;
};

export const VERSION = '0.1.0';

/** Parse an environment record into a Config; throws a readable error naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = Env.safeParse(env);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`配置错误 / invalid configuration: ${msg}`);
  }
  const e = r.data;
  if (e.WORKER === 'off' && !e.DATABASE_URL) {
    throw new Error('配置错误 / invalid configuration: WORKER=off 仅适用于 PostgreSQL（内嵌数据库只能由本进程处理任务）');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    lawsDir: e.LAWS_DIR,
    databaseUrl: e.DATABASE_URL,
    dbKind: e.DATABASE_URL ? 'postgres' : 'pglite',
    dbPoolMax: e.DATABASE_POOL_MAX,
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    adminTotp: e.ADMIN_TOTP ?? (e.DEMO === 'off' ? 'required' : 'optional'),
    cookieSecure: e.COOKIE_SECURE,
    piiKeyHex: e.PII_KEY,
    piiOldKeysHex: e.PII_OLD_KEYS,
    auditChains: e.AUDIT_CHAINS,
    trustProxy:
      e.TRUST_PROXY === 'true'
        ? true
        : e.TRUST_PROXY
          ? e.TRUST_PROXY.split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : false,
    worker: e.WORKER,
    notifyChannels: e.NOTIFY_CHANNELS,
    portalPowBits: e.PORTAL_POW_BITS,
    upload: { chunkBytes: e.UPLOAD_CHUNK_BYTES, maxBytes: e.UPLOAD_MAX_BYTES },
    version: VERSION,
  };
}

let loaded: Config | undefined;
/** The process configuration, read from process.env on first use. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
