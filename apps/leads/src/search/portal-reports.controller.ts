import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  RequiresPortalReports,
} from '@leadrail/portal-session';
import { LeadReportQuery, MAX_REPORT_DAYS } from './lead-report-query.dto';
import { type PartnerLeadReport, LeadReports } from './lead-report';
import { instantOf } from './lead-search-request';
import { invalidRequest } from './search-request-errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reports on a partner's leads: level "leads and reports" only. */
@ApiTags('partner portal')
@Controller('portal/reports')
@RequiresPortalReports()
export class PortalReportsController {
  constructor(@Inject(LeadReports) private readonly reports: LeadReports) {}

  @Get()
  @ApiOperation({ summary: 'Delivered leads counted and valued by day and status' })
  report(
    @CurrentPortalPartner() partner: PortalPartner,
    @Query() query: LeadReportQuery,
  ): Promise<PartnerLeadReport> {
    const from = instantOf(query.from);
    const to = instantOf(query.to);
    const errors = [
      ...(from === null ? [{ field: 'from', messages: ['from is not a day that exists'] }] : []),
      ...(to === null ? [{ field: 'to', messages: ['to is not a day that exists'] }] : []),
    ];
    if (from && to) {
      const days = (to.getTime() - from.getTime()) / DAY_MS + 1;
      if (days < 1) {
        errors.push({ field: 'to', messages: ['to must be on or after from'] });
      } else if (days > MAX_REPORT_DAYS) {
        errors.push({ field: 'to', messages: [`a report spans at most ${MAX_REPORT_DAYS} days`] });
      }
    }
    if (errors.length > 0) {
      throw invalidRequest(errors);
    }
    return this.reports.forPartner(partner.partnerId.toLowerCase(), query.from, query.to);
  }
}
