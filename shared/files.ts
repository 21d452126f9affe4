/**
 * File names made from user text (customer names, quote numbers): no folders, no path tricks, no control
 * characters, none of the names Windows reserves, and not longer than file systems take.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_LENGTH = 150;

export function safeFileName(name: string, fallback = 'export'): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  let stem = (extension ? name.slice(0, dot) : name)
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\-\s]+|[.\s]+$/g, '');
  if (RESERVED.test(stem)) stem = `_${stem}`;
  stem = [...stem]
    .slice(0, MAX_LENGTH - extension.length)
    .join('')
    .trim();
  return `${stem || fallback}${extension}`;
}
