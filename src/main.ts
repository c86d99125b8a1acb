// Placeholder entry while the foundation is built; replaced by the app shell.
const root = document.getElementById('app');
if (root) root.textContent = 'Guizhou Pairing Map';
