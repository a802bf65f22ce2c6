/** Offers text as a file download. */
export function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Definitions a file import brought for another definition than the one open, waiting for its editor to open. */
export const pendingImports = new Map<string, { definition: import('./model/definition').Definition; fileName: string }>();
