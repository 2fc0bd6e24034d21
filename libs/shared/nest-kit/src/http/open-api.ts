import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type SecuritySchemeObject, SwaggerModule } from '@nestjs/swagger';

/** What a service's OpenAPI document says of it, beyond its routes. */
export interface OpenApiInfo {
  title: string;
  description: string;
  version?: string;
  /**
   * Credentials only this service takes, by the scheme name its routes give
   * `@ApiSecurity` (an introducer's API key): declared, so a client (or the
   * fuzzer) knows where to send each.
   */
  securitySchemes?: Record<string, SecuritySchemeObject>;
}

/** Serves the service's OpenAPI document at /openapi.json and a browsable version at /docs. */
export function serveOpenApi(app: INestApplication, info: OpenApiInfo): void {
  const builder = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'An operator token (npm run operator-token)',
    })
    // Also a bearer JWT, but a partner's, verified against other keys: operator routes refuse it,
    // portal routes refuse an operator token. A scheme of its own says which a route takes.
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: "A partner's portal session (signed by the partners service at sign-in)",
      },
      'portal-session',
    );
  for (const [name, scheme] of Object.entries(info.securitySchemes ?? {})) {
    builder.addSecurity(name, scheme);
  }
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}
