import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import { mountDevIdporten } from './auth/idporten';
import { SessionMiddlewareProvider } from './auth/session-middleware.provider';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { jsonOnlyApi } from './common/json-only.middleware';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { configureViews } from './pages/views';
import { RedisConnection } from './scaling/redis-connection';
import { DeskSocketAdapter } from './socket-adapter';

export const PROJECT_ROOT = join(__dirname, '..');

/** Everything about the HTTP and socket pipeline, shared by main.ts and every e2e test. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  if (config.isProduction) app.set('trust proxy', 1);
  app.disable('x-powered-by');

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': config.isProduction ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(jsonOnlyApi);
  app.use(express.json({ limit: '64kb' }));
  mountDevIdporten(app);
  app.use(app.get(SessionMiddlewareProvider).handler);

  app.useStaticAssets(join(PROJECT_ROOT, 'public'), { index: false, maxAge: config.isProduction ? '1h' : 0 });
  app.useStaticAssets(join(PROJECT_ROOT, 'node_modules/@digdir/designsystemet-css/dist'), { prefix: '/vendor/designsystemet/', maxAge: '1h' });
  app.useStaticAssets(join(PROJECT_ROOT, 'node_modules/chart.js/dist'), { prefix: '/vendor/chartjs/', maxAge: '1h' });
  configureViews(app);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useWebSocketAdapter(new DeskSocketAdapter(app, config.allowedOrigins, app.get(RedisConnection)));
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Citizen support desk')
    .setDescription('Live chat and tickets for the digital mailbox and ID-porten. Staff routes need a session cookie and x-csrf-token.')
    .setVersion('1.0')
    .addCookieAuth('desk.sid')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
