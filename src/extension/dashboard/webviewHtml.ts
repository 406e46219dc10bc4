import { randomBytes } from 'node:crypto';

/**
 * The dashboard webview's page: one script (the bundle, by nonce) and one stylesheet (the bundle's CSS),
 * under a policy that allows nothing else. No `vscode` import, so the unit tests can read the page.
 *
 * - `default-src 'none'`: no fetch, frame, font, image, media or worker unless listed below.
 * - `script-src 'nonce-…'`: only the bundle's <script> runs; no inline handler, no eval.
 * - `style-src ${cspSource}`: only the bundle's stylesheet. uPlot sizes and places its elements through
 *   the CSSOM (`el.style.width = …`), which style-src does not govern, so no 'unsafe-inline' is needed.
 * - No img-src: the PNG export draws on a canvas and hands the host a data URL; no image is loaded.
 */
export interface PageParts {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
}

/** A fresh nonce for each page: 16 random bytes, base64 (not Math.random). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

function attr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function dashboardHtml(p: PageParts): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${attr(p.styleUri)}">`,
    `<title>${attr(p.title)}</title>`,
    '</head>',
    '<body>',
    '<p class="status">Loading…</p>',
    `<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
