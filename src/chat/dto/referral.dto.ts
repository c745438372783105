import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROVIDERS, type Provider } from '../../referrals/provider-directory';
import { ChatRefDto } from './agent.dto';

export class ReferralDto {
  @ApiProperty({ enum: PROVIDERS })
  @IsIn(PROVIDERS, { message: `provider must be one of ${PROVIDERS.join(', ')}` })
  provider: Provider;
}

export class ReferChatDto extends ChatRefDto {
  @IsIn(PROVIDERS, { message: `provider must be one of ${PROVIDERS.join(', ')}` })
  provider: Provider;
}
