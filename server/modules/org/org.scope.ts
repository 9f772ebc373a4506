import { type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';
import { orgs } from './org.table.ts';

/** The org itself (a row of `orgs` lies in its own subtree). */
export const orgResolvers: ResourceResolver[] = [rowResolver('org', '组织', orgs, 'id')];
