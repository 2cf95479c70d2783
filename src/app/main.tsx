import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './register';
import './app.css';
import { App } from './App';
import { boot } from './boot';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void boot();
