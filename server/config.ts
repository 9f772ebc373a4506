import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  LIANGQI_DATA_DIR: z.string().default('./data'),
  LIANGQI_DEMO: bool,
  LIANGQI_ADMIN_PASSWORD: z.string().optional(),
  LIANGQI_ROOT_ORG_NAME: z.string().min(1).default('州国资委党委'),
  LIANGQI_SECRET_KEY: z.string().min(32).optional(),
  LIANGQI_ALLOW_EMBEDDED: bool,
  LIANGQI_HTTPS: bool,
  LIANGQI_TRUST_PROXY: z.string().optional(),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** undefined = decide at start: seed when the embedded database is empty */
  demo?: boolean;
  adminPassword?: string;
  rootOrgName: string;
  secretKey?: string;
  allowEmbedded: boolean;
  production: boolean;
  /** cookies get Secure + __Host- prefix */
  https: boolean;
  trustProxy: string[];
  version: string;
};

/** Parses the environment once into a typed config; throws with the offending variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`环境变量配置有误 / invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.LIANGQI_DATA_DIR,
    demo: e.LIANGQI_DEMO,
    adminPassword: e.LIANGQI_ADMIN_PASSWORD,
    rootOrgName: e.LIANGQI_ROOT_ORG_NAME,
    secretKey: e.LIANGQI_SECRET_KEY,
    allowEmbedded: e.LIANGQI_ALLOW_EMBEDDED ?? false,
    production,
    https: e.LIANGQI_HTTPS ?? production,
    trustProxy: e.LIANGQI_TRUST_PROXY ? e.LIANGQI_TRUST_PROXY.split(',').map((s) => s.trim()) : [],
    version: process.env.npm_package_version ?? '0.1.0',
  };
}
