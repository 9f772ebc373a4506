import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MobileApp } from './mobile-app.tsx';
import { ProfilePage } from './profile.tsx';
import { StudyApp } from './study/study-app.tsx';
import './mobile.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {window.location.pathname.startsWith('/m/profile') ? (
      <ProfilePage />
    ) : window.location.pathname.startsWith('/m/study') ? (
      <StudyApp />
    ) : (
      <MobileApp />
    )}
  </StrictMode>,
);
