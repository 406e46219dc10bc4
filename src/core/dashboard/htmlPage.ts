import { escapeHtml } from '../report/escape';

/**
 * A standalone report page: inline CSS only, no script, no external resource — a CSP meta tag makes the
 * browser enforce that even if a bug let markup through. `body` is markup the caller escaped; the title
 * is escaped here. (htmlReport.ts builds the same frame for `scan`/`audit`; it could share this one.)
 */
export function standaloneHtmlPage(title: string, css: string, body: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
