import { type ResourceResolver, rowResolver } from '../access/resolve.ts';
import { files } from './files.table.ts';

export const fileResolvers: ResourceResolver[] = [rowResolver('file', '附件', files)];
