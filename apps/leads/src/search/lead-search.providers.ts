import type { Provider, Type } from '@nestjs/common';
import { LeadContactOpener } from './lead-contact-opener';
import { LeadReports } from './lead-report';
import { LeadSearch } from './lead-search';
import { OperatorLeadsController } from './operator-leads.controller';
import { leadsPortalSessionProviders } from './portal-access.provider';
import { PortalLeadsController } from './portal-leads.controller';
import { PortalReportsController } from './portal-reports.controller';
import { SearchLeads } from './search-leads';
import { ViewLead } from './view-lead';

/** Lead search and reports: the operators' and the partners' routes. */
export const leadSearchControllers: Type<unknown>[] = [
  OperatorLeadsController,
  PortalLeadsController,
  PortalReportsController,
];

export const leadSearchProviders: Provider[] = [
  LeadSearch,
  LeadContactOpener,
  LeadReports,
  SearchLeads,
  ViewLead,
  ...leadsPortalSessionProviders,
];
