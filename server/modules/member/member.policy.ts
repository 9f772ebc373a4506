/** The org filter of member lists and exports: optional, the caller's whole scope when omitted. */
export const memberListQueryOrgTarget = { in: 'query', field: 'orgId', resource: 'org', optional: true } as const;
