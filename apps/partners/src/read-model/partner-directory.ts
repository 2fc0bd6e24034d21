import { Inject, Injectable } from '@nestjs/common';
import type { PortalAccess } from '@leadrail/partners-domain';
import { DataSource } from 'typeorm';

/** Filters of the partner list; each is optional. */
export interface PartnerListFilter {
  status?: 'active' | 'inactive';
  role?: 'introducer' | 'partner';
  paused?: boolean;
  /** Part of the name, any case, matched as text (`%` and `_` only match themselves). */
  name?: string;
}

// A list for an operator's screen, not an export.
const MAX_ROWS = 500;

/** Reads of the `partner_directory` read model (kept by PartnerDirectoryProjection). */
@Injectable()
export class PartnerDirectory {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: PartnerListFilter): Promise<object[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select(['directory.state AS state', 'directory.revision AS revision'])
      .from('partner_directory', 'directory')
      .orderBy('lower(directory.name)')
      .limit(MAX_ROWS);
    if (filter.status !== undefined) {
      query.andWhere('directory.status = :status', { status: filter.status });
    }
    if (filter.role !== undefined) {
      query.andWhere(filter.role === 'introducer' ? 'directory.introducer' : 'directory.partner');
    }
    if (filter.paused !== undefined) {
      query.andWhere('directory.paused = :paused', { paused: filter.paused });
    }
    if (filter.name !== undefined) {
      query.andWhere("lower(directory.name) LIKE '%' || lower(:name) || '%' ESCAPE '\\'", {
        name: filter.name.replace(/[\\%_]/g, '\\$&'),
      });
    }
    const rows = await query.getRawMany<{ state: object; revision: string }>();
    return rows.map((row) => ({ ...row.state, revision: Number(row.revision) }));
  }

  /** A partner's status and portal access as last folded, or undefined for a partner not (yet) in the directory. */
  async portalAccessOf(
    partnerId: string,
  ): Promise<{ status: string; portalAccess: PortalAccess } | undefined> {
    const rows = await this.dataSource.query<{ status: string; portal_access: PortalAccess }[]>(
      `SELECT status, state->'settings'->'portalAccess' AS portal_access
       FROM partner_directory WHERE partner_id = $1`,
      [partnerId],
    );
    const row = rows[0];
    return row && { status: row.status, portalAccess: row.portal_access };
  }
}
