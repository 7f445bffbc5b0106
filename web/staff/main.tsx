import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginPage } from './modules/auth/LoginPage.tsx';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

// /login is all a visitor needs at first: it paints with React alone. The console (antd, the
// router, every module's pages and dictionaries) loads only at any other address.
if (window.location.pathname === '/login') {
  root.render(
    <StrictMode>
      <LoginPage />
    </StrictMode>,
  );
} else {
  // The stored language's messages come with the console (English in its own chunks, Chinese built in).
  const language = import('./i18n/i18n.tsx').then((m) => m.loadLocale(m.initialLocale()).catch(() => undefined));
  void Promise.all([import('./app/Console.tsx'), language]).then(([{ Console }]) =>
    root.render(
      <StrictMode>
        <Console />
      </StrictMode>,
    ),
  );
}
