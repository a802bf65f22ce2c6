// The work sheets' "Print" button: a script file, since the Content-Security-Policy runs no inline handlers.
for (const button of document.querySelectorAll('[data-print]')) {
  button.addEventListener('click', () => window.print());
}
