import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-500.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-500.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyVietnameseValidationMessages } from '../shared/validation/vietnameseMessages';
import { App } from './app/App';
import { installCloseGuard } from './data/unsaved/closeGuard';
import { IpcProvider } from './ipc/IpcContext';
import { connectIpcClient } from './ipc/ipcClient';

applyVietnameseValidationMessages();

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');

const ipcClient = connectIpcClient();
// In Electron the refused close is silent, so the page closes its window once all is stored; a
// browser keeps asking "Leave site?" itself.
installCloseGuard(window, ipcClient.transportKind === 'electron' ? () => window.close() : () => undefined);

createRoot(container).render(
  <StrictMode>
    <IpcProvider client={ipcClient}>
      <App />
    </IpcProvider>
  </StrictMode>,
);
