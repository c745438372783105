import { Module } from '@nestjs/common';
import { ProviderDirectory } from './provider-directory';

/** The provider directory (configuration); the referral use case itself lives with the chat. */
@Module({
  providers: [ProviderDirectory],
  exports: [ProviderDirectory],
})
export class ReferralsModule {}
