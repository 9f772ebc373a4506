// The /api/docs reader: renders the OpenAPI document of /api/docs/json grouped by tag (no third-party code).
(async () => {
  const out = document.getElementById('out');
  const q = document.getElementById('q');
  const res = await fetch('/api/docs/json', { credentials: 'same-origin' });
  if (!res.ok) {
    out.textContent = `无法读取接口文档（${res.status}），请先登录`;
    return;
  }
  const doc = await res.json();
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    Object.assign(e, attrs);
    for (const k of kids) e.append(k);
    return e;
  };
  const json = (v) => el('pre', { textContent: JSON.stringify(v, null, 2) });
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(item)) ops.push({ path, method, op });
  const render = () => {
    const needle = q.value.trim().toLowerCase();
    const byTag = new Map();
    for (const o of ops) {
      const hay = `${o.method} ${o.path} ${o.op.operationId} ${o.op.summary ?? ''}`.toLowerCase();
      if (needle && !hay.includes(needle)) continue;
      const tag = o.op.tags?.[0] ?? '其他';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(o);
    }
    out.replaceChildren();
    for (const [tag, list] of byTag) {
      out.append(el('h2', { textContent: `${tag}（${list.length}）` }));
      for (const { path, method, op } of list) {
        const head = el(
          'summary',
          {},
          el('span', { className: `m ${method}`, textContent: method.toUpperCase() }),
          el('code', { textContent: path }),
          ` ${op.summary ?? ''} · ${op.operationId}`,
        );
        const body = el('div', {});
        if (op.parameters?.length) body.append(el('h4', { textContent: '参数' }), json(op.parameters));
        if (op.requestBody) body.append(el('h4', { textContent: '请求体' }), json(op.requestBody));
        body.append(el('h4', { textContent: '应答' }), json(op.responses));
        if (op.security) body.append(el('h4', { textContent: '认证' }), json(op.security));
        out.append(el('details', {}, head, body));
      }
    }
    out.append(el('h2', { textContent: '命名模型（components.schemas）' }), json(doc.components?.schemas ?? {}));
  };
  q.addEventListener('input', render);
  render();
})();
