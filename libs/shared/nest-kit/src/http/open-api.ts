import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the service's OpenAPI document at /openapi.json and a browsable version at /docs. */
export function serveOpenApi(
  app: INestApplication,
  info: { title: string; description: string; version?: string },
): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(info.title)
      .setDescription(info.description)
      .setVersion(info.version ?? '1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description: 'An operator token (npm run operator-token)',
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}
