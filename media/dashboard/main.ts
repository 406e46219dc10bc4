// The dashboard webview's entry (bundled by esbuild into dist/media/dashboard.js and .css): uPlot's
// stylesheet and ours are imported here so the bundle carries them; nothing is loaded from elsewhere.
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import { isHostMessage } from '../../src/shared/protocol';
import { DashboardApp, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

const app = new DashboardApp(window, document, acquireVsCodeApi());
window.addEventListener('message', (e: MessageEvent) => {
  if (isHostMessage(e.data)) app.onMessage(e.data);
});
app.start();
