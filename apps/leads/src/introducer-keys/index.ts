/** What the rest of the leads service uses of introducer API keys. */
export * from './introducer-api-key.guard';
export * from './introducer-api-keys.projection';
export * from './introducer-keys.module';
