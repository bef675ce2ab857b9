// The console's entry: the Khmer font (bundled, served by the gateway), the
// styles, and the app. Who is signed in and the code of the page asked for
// are fetched at once, beside the first render, not one after the other.
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadSession } from './api/session';
import { ensureKhmerDates } from './i18n/khmer-dates';
import { preloadPage } from './pages/registry';
import { currentPath } from './router';

ensureKhmerDates();
void loadSession();
void preloadPage(currentPath());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
