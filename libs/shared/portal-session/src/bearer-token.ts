/** The token of an `Authorization: Bearer <token>` header (RFC 6750: scheme in any case), if any. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? '')?.[1];
}
