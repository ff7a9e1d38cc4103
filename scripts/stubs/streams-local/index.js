// Loaded only by `prisma dev`, which this project does not use (it runs on SQLite).
export async function startLocalDurableStreamsServer() {
  throw new Error('prisma dev is not used in this project: @prisma/streams-local is replaced by a stub (see package.json "overrides").');
}
