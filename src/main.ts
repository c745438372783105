import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { DeskLogger } from './common/desk-logger';
import { ConfigError, loadConfig } from './config/load-config';
import { StaffService } from './staff/staff.service';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: new DeskLogger() });
  configureApp(app);

  const admin = await app.get(StaffService).ensureFirstAdmin(config.adminUsername, config.adminPassword);
  if (admin?.generatedPassword) {
    // Printed once, on purpose: it is stored only as a hash.
    console.log(`\n  First admin account: ${admin.username} / ${admin.generatedPassword}\n  Change it after logging in; it will not be shown again.\n`);
  }

  await app.listen(config.port, config.host);
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  new Logger('Desk').log(`Citizen page ${base}/  ·  staff log-in ${base}/login  ·  API docs ${base}/api/docs`);
  if (config.isProduction && config.trustedProxies.length === 0) {
    new Logger('Desk').log('TRUSTED_PROXIES is not set: each connection\'s own peer is the client. Behind nginx or a load balancer, list its address, or every citizen shares one in the rate limits');
  }
  if (config.fakeNow) new Logger('Desk').warn(`FAKE_NOW is set: the clock started at ${config.fakeNow.toISOString()}`);
}

void bootstrap();
