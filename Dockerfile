# syntax=docker/dockerfile:1
# The storefront's production image, multi-stage. `npm run cluster` runs the same commands without Docker
# (scripts/cluster/cluster.ts): `npm run db:migrate` (and, for the demo, `db:seed`) from the `tools` stage, and
# `node server.js` in a copy of .next/standalone with .next/static and public/ beside it for `runner`.
#
#   docker build -t toko-nusantara .                    # the app (target runner, the default)
#   docker build -t toko-nusantara-tools --target tools . # migrations, seed, the job worker, the demo sandbox
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Source and every dependency: runs the TypeScript CLIs (migrations, seed, reconcile, the sandbox) with tsx.
FROM deps AS tools
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
USER node
# One-shot, once per deploy before the new instances start: applies db/migrations. (The demo's compose.yaml also
# runs `npm run db:seed`, which adds the demo catalog and the demo customer: not for a real shop.)
CMD ["npm", "run", "--silent", "db:migrate"]

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# Instances built separately must share NEXT_SERVER_ACTIONS_ENCRYPTION_KEY at build time too (it salts the server
# action ids): `docker build --secret id=actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY .`. One image run N
# times needs nothing here.
RUN --mount=type=secret,id=actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY npm run build

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The code stays root-owned and read-only to the app; only Next's cache, the embedded database directory (used only
# without DATABASE_URL) and the uploaded pictures (MEDIA_DIR; compose mounts a volume there, which takes this
# directory's owner) are writable by the unprivileged `node` user.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache .data/media && chown node:node .next/cache .data .data/media
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
