import { orgs } from '../../platform/access/org.table.ts';
import { type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';

/** The org itself (a row of `orgs` lies in its own subtree). */
export const orgResolvers: ResourceResolver[] = [rowResolver('org', '组织', orgs, 'id')];
