import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/access.guard';
import { Public } from '../auth/public.decorator';
import { validationError } from '../common/errors';
import { TranscriptService, transcriptAsText } from './transcript.service';

@ApiTags('citizen')
@Controller('api/chats')
export class TranscriptController {
  constructor(private readonly transcripts: TranscriptService) {}

  // Only for the chat's own token or a staff session (checked in the service).
  @Public()
  @Get(':id/transcript')
  @ApiHeader({ name: 'x-chat-token', required: false })
  @ApiQuery({ name: 'format', enum: ['txt', 'html'], required: false })
  async transcript(
    @Req() request: AuthedRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Headers('x-chat-token') token: string | undefined,
    @Query('format') format = 'txt',
  ): Promise<void> {
    if (format !== 'txt' && format !== 'html') throw validationError('format must be txt or html', [{ field: 'format', message: 'txt or html' }]);
    const transcript = await this.transcripts.forRequest(id, token, request.actor);
    const filename = `${transcript.reference}.${format}`;
    response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    response.setHeader('Cache-Control', 'no-store');
    if (format === 'html') {
      response.render('transcript', { layout: false, ...transcript });
      return;
    }
    response.type('text/plain; charset=utf-8').send(transcriptAsText(transcript));
  }
}
