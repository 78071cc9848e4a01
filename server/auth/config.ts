import type { DefaultSession, NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "~/db";
import type { PlatformRole } from "~/db/schema";
import { logger } from "~/server/logger";
import { authenticate } from "./credentials";
import { resolveAuthSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; isAdmin: boolean } & DefaultSession["user"];
  }
  interface User {
    platformRole?: PlatformRole | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    platformRole?: PlatformRole | null;
  }
}

/**
 * Email + password through the standard Credentials provider (id "credentials", so scripts
 * can post to /api/auth/callback/credentials) with stateless JWT sessions. Organization
 * roles are not in the token: the tRPC ladder and layouts read memberships fresh.
 */
export const authConfig = {
  secret: resolveAuthSecret(),
  // Self-hosted and CI runs sit behind whatever host they are given; Vercel sets this too.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  // A wrong password is an expected outcome, not a server error: log it as one line, no stack.
  logger: {
    // Match on Auth.js's `type`: class names are minified in production builds.
    error: (error) =>
      (error as { type?: string }).type === "CredentialsSignin"
        ? logger.info("auth.credentials_rejected")
        : logger.error("auth.error", { error }),
    warn: (code) => logger.warn("auth.warning", { code }),
  },
  providers: [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (raw) => authenticate(await getDb(), raw),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.platformRole = user.platformRole ?? null;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.isAdmin = token.platformRole === "admin";
      return session;
    },
  },
} satisfies NextAuthConfig;
