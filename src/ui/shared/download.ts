/** Offer text as a file download (CSV export, backups). */
export function download(filename: string, content: string | Uint8Array, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([content as BlobPart], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
