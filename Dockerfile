# One image for every Spean app; the compose file picks the entry point.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY tools tools
COPY schemas schemas
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/schemas schemas
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
# The gateway's V8 flags: apps/gateway/src/gateway.node-flags.ts says why.
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=16", "dist/apps/gateway/src/main.js"]
