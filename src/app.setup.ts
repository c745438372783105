import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import { staffOnlyApiDocs } from './auth/api-docs-access.middleware';
import { AuthService } from './auth/auth.service';
import { mountDevIdporten } from './auth/idporten';
import { SessionMiddlewareProvider } from './auth/session-middleware.provider';
import { NO_STORE_PATHS, noStore } from './common/cache-control';
import { ClientAddresses } from './common/client-address';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { rejectInputOutsideLimits } from './common/payload-limits';
import { jsonOnlyApi } from './common/json-only.middleware';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { configureViews } from './pages/views';
import { RedisConnection } from './scaling/redis-connection';
import { DeskSocketAdapter } from './socket-adapter';
import { embedHeaders } from './widget/embed-headers';
import { frameAncestors } from './widget/embed-origin';

export const PROJECT_ROOT = join(__dirname, '..');

// Shared by main.ts and every e2e test.
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  // request.ip (log-in and contact form limits) follows the same rule as the sockets' client address.
  app.set('trust proxy', app.get(ClientAddresses).trust);
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
          // 'none' everywhere but the widget's frame (src/widget/embed-origin.ts).
          'frame-ancestors': [frameAncestors(config.embedOrigins)],
          'upgrade-insecure-requests': config.isProduction ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(embedHeaders);
  app.use(jsonOnlyApi);
  app.use(express.json({ limit: '64kb' }));
  app.use(rejectInputOutsideLimits);
  mountDevIdporten(app);
  app.use(app.get(SessionMiddlewareProvider).handler);
  app.use(NO_STORE_PATHS, noStore);
  if (config.isProduction) app.use(staffOnlyApiDocs(app.get(AuthService)));

  app.useStaticAssets(join(PROJECT_ROOT, 'public'), { index: false, maxAge: config.isProduction ? '1h' : 0 });
  app.useStaticAssets(join(PROJECT_ROOT, 'node_modules/@digdir/designsystemet-css/dist'), { prefix: '/vendor/designsystemet/', maxAge: '1h' });
  app.useStaticAssets(join(PROJECT_ROOT, 'node_modules/chart.js/dist'), { prefix: '/vendor/chartjs/', maxAge: '1h' });
  // Served here, not by Socket.IO (serveClient), so that it gets the same security headers.
  app.useStaticAssets(join(PROJECT_ROOT, 'node_modules/socket.io/client-dist'), { prefix: '/vendor/socket.io/', maxAge: '1h' });
  configureViews(app);
  app.setLocal('devMailbox', !config.isProduction);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useWebSocketAdapter(
    new DeskSocketAdapter(app, config.allowedOrigins, app.get(RedisConnection), { addresses: app.get(ClientAddresses), maxPerAddress: config.maxSocketsPerAddress }),
  );
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
