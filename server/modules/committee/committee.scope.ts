import { type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';
import { committees } from './committee.table.ts';

export const committeeResolvers: ResourceResolver[] = [rowResolver('committee', '委员会', committees)];
