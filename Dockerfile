# rxmon: the README's steps, in two stages.
# Build: npm ci (which builds dist/ through the prepare script, and better-sqlite3's native addon
# from source: the slim image has no compiler, so the build stage brings one).
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Run: production dependencies (the addon already built, same base image) and dist/ only, as the
# unprivileged `node` user. History goes to /app/data (storage.path data/rxmon.sqlite): mount a volume.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
# `npm start` without npm in between: node is PID 1's child-free process and receives SIGTERM/SIGINT
# directly (exec form), so `docker stop` shuts rxmon down cleanly.
CMD ["node", "dist/main.js", "--config", "config/config.yml"]
