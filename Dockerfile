# rxmon: the README's steps, in two stages.
# Build: npm ci (which builds dist/ through the prepare script).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund

# Run: production dependencies and dist/ only, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY config ./config
USER node
# `npm start` without npm in between: node is PID 1's child-free process and receives SIGTERM/SIGINT
# directly (exec form), so `docker stop` shuts rxmon down cleanly.
CMD ["node", "dist/main.js", "--config", "config/config.yml"]
