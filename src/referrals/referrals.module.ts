import { Module } from '@nestjs/common';
import { ProviderDirectory } from './provider-directory';

@Module({
  providers: [ProviderDirectory],
  exports: [ProviderDirectory],
})
export class ReferralsModule {}
