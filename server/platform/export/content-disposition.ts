/** RFC 6266 / RFC 5987 `Content-Disposition` with a Chinese file name and a plain-ASCII fallback for old clients. */
export function contentDisposition(fileName: string, inline = false): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must never reach a header
  const clean = fileName.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_');
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot > 0 ? clean.slice(0, dot) : clean).replace(/[^\x20-\x7e]/g, '').replace(/[%;\s]+/g, '_');
  const ascii = `${base || 'download'}${ext}`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
