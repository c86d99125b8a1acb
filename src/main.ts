import './styles/page.css';
import './styles/views.css';
import './styles/present-print.css';
import './styles/first-view.css';
import { startApp } from './app.ts';
import { showFatalError } from './ui/fatal-error.ts';

const root = document.getElementById('app');
if (root) {
  // Never a blank page: any error during start-up or later is shown with a way to reload.
  window.addEventListener('error', (e) => showFatalError(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => showFatalError(e.reason));
  startApp(root).catch((e: unknown) => showFatalError(e));
}
