// Applies the theme chosen in the toolbar before the page is first painted, so a
// dark choice does not show a light page while the app loads; from then on the
// app keeps it (app/src/theme.rs, which owns the key and its values).
try {
  const theme = localStorage.getItem('cloudwright.theme.v1');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch {
  // Storage blocked: follow the system, as the app will.
}
