// The ceilings' SQL, as the modules issue it.

/** The member list page and its count, as the member module issues them (scope, filter, sort, page). */
export const B1_PAGE_SQL = `select m.*, o.name as org_name from members m inner join orgs o on o.id = m.org_id
  where (o.path like $1) and m.category = $2 and m.status = 'active' order by m.name asc, m.id asc limit 20 offset $3`;
export const B1_COUNT_SQL = `select count(*)::int as total from members m inner join orgs o on o.id = m.org_id
  where (o.path like $1) and m.category = $2 and m.status = 'active'`;

/**
 * What one B1 request costs the app in SQL besides the list: the session with its user and roles, one prepared
 * statement (the security policy and the rule table are cached in the process). The diagnostic ceiling `/b1-full`
 * issues it before the list, so the gap between it and `/b1` is the session lookup, the rest is the framework.
 */
export const B1_SESSION_SQL = `select s.*, u.*, coalesce((select json_agg(json_build_object('role', r.role, 'orgId', r.org_id,
  'orgPath', o.path, 'orgName', o.name) order by o.path, r.role) from user_roles r inner join orgs o on o.id = r.org_id
  where r.user_id = u.id), '[]'::json) as roles from sessions s inner join users u on u.id = s.user_id where s.id_hash = $1`;
