import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  RequiresPortalLeads,
} from '@leadrail/portal-session';
import { LeadIdPipe } from '../http/lead-id.pipe';
import { PortalLeadSearchQuery } from './lead-search-query.dto';
import { partnerListItem } from './lead-views';
import { SearchLeads } from './search-leads';
import { ViewLead } from './view-lead';

/**
 * A partner's own leads in its portal: levels "leads and reports" and "leads
 * only" (others get 403). Only leads allocated or delivered to it are found;
 * any other id answers 404, as an unknown one does.
 */
@ApiTags('partner portal')
@Controller('portal/leads')
@RequiresPortalLeads()
export class PortalLeadsController {
  constructor(
    @Inject(SearchLeads) private readonly search: SearchLeads,
    @Inject(ViewLead) private readonly view: ViewLead,
  ) {}

  @Get()
  @ApiOperation({ summary: "Search the partner's leads, newest first (keyset pages)" })
  async list(
    @CurrentPortalPartner() partner: PortalPartner,
    @Query() query: PortalLeadSearchQuery,
  ) {
    const scope = { kind: 'partner', partnerId: partner.partnerId.toLowerCase() } as const;
    const page = await this.search.page(query, scope);
    return { items: page.rows.map(partnerListItem), next: page.next };
  }

  @Get(':leadId')
  @ApiOperation({ summary: 'One of its leads in full, or a referral pending with it, redacted' })
  one(@CurrentPortalPartner() partner: PortalPartner, @Param('leadId', LeadIdPipe) leadId: string) {
    return this.view.forPartner(leadId, partner.partnerId.toLowerCase());
  }
}
