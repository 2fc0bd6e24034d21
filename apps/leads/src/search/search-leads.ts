import { Inject, Injectable } from '@nestjs/common';
import { LeadSettingsCommands } from '../settings/lead-settings-commands';
import type { LeadSearchScope } from './lead-search-filters';
import type { OperatorLeadSearchQuery } from './lead-search-query.dto';
import { searchFiltersOf } from './lead-search-request';
import { LeadSearch, type LeadSearchPage } from './lead-search';
import { invalidRequest } from './search-request-errors';

/** A lead search from a validated query string: the remaining checks, then one page. */
@Injectable()
export class SearchLeads {
  constructor(
    @Inject(LeadSearch) private readonly search: LeadSearch,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
  ) {}

  async page(query: OperatorLeadSearchQuery, scope: LeadSearchScope): Promise<LeadSearchPage> {
    // The catalogue is read only when a status is asked for: most searches need none.
    const statuses =
      query.status === undefined
        ? []
        : (await this.settings.load()).state.statuses.map((entry) => entry.status);
    const parsed = searchFiltersOf(query, statuses);
    if ('errors' in parsed) {
      throw invalidRequest(parsed.errors);
    }
    return this.search.page(parsed.filters, scope);
  }
}
