// The ceilings' SQL, as the modules issue it.

/** The member list page and its count, as the member module issues them (scope, filter, sort, page). */
export const B1_PAGE_SQL = `select m.*, o.name as org_name from members m inner join orgs o on o.id = m.org_id
  where (o.path like $1) and m.category = $2 and m.status = 'active' order by m.name asc, m.id asc limit 20 offset $3`;
export const B1_COUNT_SQL = `select count(*)::int as total from members m inner join orgs o on o.id = m.org_id
  where (o.path like $1) and m.category = $2 and m.status = 'active'`;

/**
 * What one B1 request costs the app in SQL besides the list: the security policy, the session with its user,
 * the roles, and the rule table (预备期) — read on every request. The diagnostic ceiling `/b1-full` issues
 * these in the app's order, so the gap between it and `/b1` is the per-request lookups, the rest is the framework.
 */
export const B1_LOOKUPS = {
  policy: `select * from settings where key = 'security_policy'`,
  session: 'select s.*, u.* from sessions s inner join users u on u.id = s.user_id where s.id_hash = $1',
  roles: 'select role, org_id from user_roles where user_id = $1',
  rules: `select * from settings where key = 'rules'`,
};
