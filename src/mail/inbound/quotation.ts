const ATTRIBUTION = [
  /^On .{1,200} wrote:\s*$/i,
  /^(Den|På) .{1,200} (skrev|skreiv) .{0,200}:\s*$/i,
  /^.{0,120}\d.{0,120} (skrev|skreiv) .{1,200}:\s*$/i,
  /^.{1,200} (skrev|skreiv|wrote)\s*:\s*$/i,
];

// Outlook does not mark its quotation with '>'.
const OUTLOOK_HEADER = /^-{2,}\s*(Original Message|Opprinnelig melding|Opphavleg melding)/i;

const isQuoted = (line: string) => /^\s*>/.test(line);

// Only a trailing block is cut, and when nothing would be left the text is kept whole.
export function withoutTrailingQuotation(text: string): string {
  const lines = text.split(/\r?\n/);
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end -= 1;
  let cut = end;
  while (cut > 0 && (isQuoted(lines[cut - 1]) || (lines[cut - 1].trim() === '' && cut < end))) cut -= 1;
  const quotedBlock = cut < end;
  const outlook = lines.findIndex((line, i) => i < cut && OUTLOOK_HEADER.test(line.trim()));
  if (outlook >= 0) cut = outlook;
  else if (!quotedBlock) return text;
  else {
    let above = cut - 1;
    while (above >= 0 && lines[above].trim() === '') above -= 1;
    if (above >= 0 && ATTRIBUTION.some((pattern) => pattern.test(lines[above].trim()))) cut = above;
  }
  const kept = lines.slice(0, cut).join('\n').trimEnd();
  return kept.trim() ? kept : text;
}
