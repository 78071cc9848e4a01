import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { providerSettings } from "~/db/schema";
import { recordAudit } from "~/server/audit/record";
import { AppError } from "~/server/errors";
import { petpoojaGlobalConfigSchema } from "~/server/integrations/petpooja/provider";
import { forgetPlatformConfig } from "~/server/integrations/platform-config";
import { loadProviderLayers, sealProviderCredentials } from "~/server/integrations/provider-config";
import { getProvider, isProviderId, listProviders } from "~/server/integrations/registry";
import { touchbistroGlobalConfigSchema } from "~/server/integrations/touchbistro/provider";

/** Admin-set defaults may be full URLs where a restaurant may only give paths (see each provider). */
const GLOBAL_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  petpooja: petpoojaGlobalConfigSchema,
  touchbistro: touchbistroGlobalConfigSchema,
};

/** The schema an admin's global config for `provider` must pass. */
export function globalConfigSchemaOf(provider: string) {
  return GLOBAL_SCHEMAS[provider] ?? getProvider(provider).metadata.configSchema;
}

/** Platform credential fields: the provider's API-credential fields, or the OAuth app's. */
export function credentialFieldsOf(provider: string): string[] {
  const auth = getProvider(provider).metadata.auth;
  return auth.mode === "oauth2" ? ["client_id", "client_secret"] : auth.fields;
}

/** How a stored secret is shown back: never in full; the last 4 only when that reveals little. */
export const maskSecret = (value: unknown) => {
  const s = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return s.length >= 12 ? `set • ${s.slice(-4)}` : "configured";
};

function knownProvider(provider: string) {
  if (!isProviderId(provider)) throw new AppError("NOT_FOUND", `Unknown provider "${provider}"`);
  return getProvider(provider).metadata;
}

/** Every provider's platform settings as an admin may see them: config in full, credentials masked. */
export async function listProviderSettings(db: Db) {
  const rows = await db.select().from(providerSettings);
  const byId = new Map(rows.map((r) => [r.provider, r]));
  return Promise.all(
    listProviders().map(async ({ metadata: m }) => {
      const row = byId.get(m.id);
      const { platformCredentials } = row ? await loadProviderLayers(db, m.id) : { platformCredentials: {} };
      const creds = (platformCredentials ?? {}) as Record<string, unknown>;
      return {
        provider: m.id,
        name: m.name,
        enabled: row?.enabled ?? true,
        globalConfig: row?.globalConfig ?? {},
        credentialFields: credentialFieldsOf(m.id).map((field) => ({ field, status: field in creds ? maskSecret(creds[field]) : null })),
        updatedAt: row?.updatedAt ?? null,
      };
    }),
  );
}

export const updateProviderSettingsInput = z.object({
  provider: z.string().min(1).max(64),
  enabled: z.boolean().optional(),
  /** Replaces the global config when given; validated by the provider's schema. */
  globalConfig: z.record(z.string(), z.unknown()).optional(),
  /** Credential fields to set (others are kept) and to clear. */
  credentials: z.record(z.string(), z.string().trim().min(1).max(4000)).optional(),
  clearCredentials: z.array(z.string()).max(20).optional(),
});

const issuesText = (issues: z.core.$ZodIssue[]) => issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");

/** Validate everything first, then store (sealed) and audit in one transaction; nothing is stored on error. */
export async function updateProviderSettings(db: Db, actorUserId: string, input: z.infer<typeof updateProviderSettingsInput>) {
  const meta = knownProvider(input.provider);
  const fields = credentialFieldsOf(meta.id);
  if (input.globalConfig) {
    const parsed = globalConfigSchemaOf(meta.id).safeParse(input.globalConfig);
    if (!parsed.success) {
      throw new AppError("BAD_REQUEST", `Invalid ${meta.name} configuration: ${issuesText(parsed.error.issues)}`, {
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) },
      });
    }
  }
  const unknown = [...Object.keys(input.credentials ?? {}), ...(input.clearCredentials ?? [])].filter((f) => !fields.includes(f));
  if (unknown.length) throw new AppError("BAD_REQUEST", `${meta.name} has no credential field ${unknown.join(", ")} (expected ${fields.join(", ")})`);

  const [before] = await db.select().from(providerSettings).where(eq(providerSettings.provider, meta.id)).limit(1);
  const layers = before ? await loadProviderLayers(db, meta.id) : null;
  const credsBefore = (layers?.platformCredentials ?? {}) as Record<string, unknown>;
  const credsAfter: Record<string, unknown> = { ...credsBefore, ...(input.credentials ?? {}) };
  for (const f of input.clearCredentials ?? []) delete credsAfter[f];
  const credsChanged = !!input.credentials || !!input.clearCredentials?.length;
  const sealed = credsChanged ? (Object.keys(credsAfter).length ? sealProviderCredentials(meta.id, credsAfter) : null) : undefined;

  const values = {
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    ...(input.globalConfig ? { globalConfig: input.globalConfig } : {}),
    ...(sealed !== undefined ? { credentialsCiphertext: sealed?.ciphertext ?? null, credentialsKeyId: sealed?.keyId ?? null } : {}),
    updatedBy: actorUserId,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(providerSettings)
      .values({ provider: meta.id, ...values })
      .onConflictDoUpdate({ target: providerSettings.provider, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, {
      action: "provider_settings.updated",
      actorUserId,
      targetType: "provider",
      targetId: meta.id,
      metadata: {
        ...(input.enabled !== undefined && input.enabled !== (before?.enabled ?? true) ? { enabled: { from: before?.enabled ?? true, to: input.enabled } } : {}),
        ...(input.globalConfig ? { globalConfig: configDiff(before?.globalConfig ?? {}, input.globalConfig) } : {}),
        // Names only: credential values never reach the audit log.
        ...(input.credentials ? { credentialsSet: Object.keys(input.credentials) } : {}),
        ...(input.clearCredentials?.length ? { credentialsCleared: input.clearCredentials } : {}),
      },
    });
  });
  forgetPlatformConfig(db, meta.id);
  return (await listProviderSettings(db)).find((s) => s.provider === meta.id)!;
}

/** Top-level keys whose value changed, with before and after (global config holds no secrets). */
export function configDiff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return out;
}
