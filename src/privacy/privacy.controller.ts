import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { EraseDto, ExportDto, PersonDto } from './dto/person.dto';
import { ErasureService, type ErasurePreview, type ErasureResult } from './erasure.service';
import { personFrom } from './person';
import { exportFilename, exportViewModel } from './person-export-view';
import { PrivacyService, type PersonSummary } from './privacy.service';

// Every route is a POST: the person's keys travel in the body, never in a URL (and so never in a log line).
@ApiTags('privacy')
@Controller('api/privacy')
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly erasure: ErasureService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @RequirePermission('privacy:manage')
  search(@CurrentStaff() actor: StaffActor, @Body() body: PersonDto): Promise<PersonSummary> {
    return this.privacy.find(actor, personFrom(body));
  }

  @Post('export')
  @HttpCode(200)
  @RequirePermission('privacy:manage')
  async export(@CurrentStaff() actor: StaffActor, @Body() body: ExportDto, @Res() response: Response): Promise<void> {
    const data = await this.privacy.export(actor, personFrom(body), body.format);
    response.setHeader('Content-Disposition', `attachment; filename="${exportFilename(data, body.format)}"`);
    response.setHeader('Cache-Control', 'no-store');
    if (body.format === 'html') {
      response.render('privacy/export', { layout: false, ...exportViewModel(data) });
      return;
    }
    response.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  }

  @Post('erasure/dry-run')
  @HttpCode(200)
  @RequirePermission('privacy:manage')
  dryRun(@CurrentStaff() actor: StaffActor, @Body() body: PersonDto): Promise<ErasurePreview> {
    return this.erasure.preview(actor, personFrom(body));
  }

  @Post('erasure')
  @HttpCode(200)
  @RequirePermission('privacy:manage')
  erase(@CurrentStaff() actor: StaffActor, @Body() body: EraseDto): Promise<ErasureResult> {
    return this.erasure.erase(actor, personFrom(body), body.reason, body.confirmation);
  }
}
