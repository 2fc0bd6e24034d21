import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import { LeadIdPipe } from '../http/lead-id.pipe';
import { OperatorLeadSearchQuery } from './lead-search-query.dto';
import { operatorListItem } from './lead-views';
import { SearchLeads } from './search-leads';
import { ViewLead } from './view-lead';

/** Operators' lead search: every lead, any operator (read-only ones too). */
@ApiTags('lead search')
@ApiBearerAuth()
@Controller('leads')
@UseGuards(OperatorAuthGuard)
export class OperatorLeadsController {
  constructor(
    @Inject(SearchLeads) private readonly search: SearchLeads,
    @Inject(ViewLead) private readonly view: ViewLead,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search leads, newest first (keyset pages: pass `next` as `after`)' })
  async list(@Query() query: OperatorLeadSearchQuery) {
    const page = await this.search.page(query, { kind: 'operator' });
    return { items: page.rows.map(operatorListItem), next: page.next };
  }

  @Get(':leadId')
  @ApiOperation({ summary: 'One lead: contact (unless erased), stage, status and history' })
  one(@Param('leadId', LeadIdPipe) leadId: string) {
    return this.view.forOperator(leadId);
  }
}
