/** Hands a file to the browser as a download. */
export function downloadBlob(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the file only after click() returns.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
