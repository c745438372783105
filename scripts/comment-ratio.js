#!/usr/bin/env node
// `node scripts/comment-ratio.js [folder]` (default src): comment lines against all non-blank lines of
// the .ts files, for production files and for specs (*.spec.ts, *.service-spec.ts, *.e2e-spec.ts),
// then the 15 files with the most comment lines.
// A comment line holds only comment (a // line or a line inside /* */); a line with code and a trailing
// comment counts as code. Strings and template literals are skipped so that 'http://' is not a comment.
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const folder = join(root, process.argv[2] ?? 'src');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Regex literals are not recognised; a `/` after these characters starts one, so its body is skipped.
const regexAfter = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '']);

function countLines(text) {
  let inBlock = false;
  let quote = null; // ' " or ` while inside a string or template literal, carried across lines
  let code = 0;
  let comment = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' && !inBlock && quote !== '`') continue;
    let hasCode = false;
    let hasComment = inBlock;
    let previous = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inBlock) {
        if (c === '*' && line[i + 1] === '/') { inBlock = false; i++; }
        continue;
      }
      if (quote) {
        hasCode = true;
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '/' && line[i + 1] === '/') { hasComment = true; break; }
      if (c === '/' && line[i + 1] === '*') { hasComment = true; inBlock = true; i++; continue; }
      hasCode = true;
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '/' && regexAfter.has(previous)) {
        for (i++; i < line.length && line[i] !== '/'; i++) if (line[i] === '\\') i++;
      }
      previous = c;
    }
    if (quote === "'" || quote === '"') quote = null;
    if (!hasCode && !hasComment) continue;
    if (hasCode) code++;
    else comment++;
  }
  return { comment, total: code + comment };
}

const isSpec = (path) => /\.(service-|e2e-)?spec\.ts$/.test(path);
const files = tsFiles(folder).map((path) => ({ path: relative(root, path), ...countLines(readFileSync(path, 'utf8')) }));

const percent = (part, whole) => (whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1));
function report(label, group) {
  const comment = group.reduce((sum, file) => sum + file.comment, 0);
  const total = group.reduce((sum, file) => sum + file.total, 0);
  console.log(`${label.padEnd(12)} ${String(group.length).padStart(4)} files  ${String(comment).padStart(5)} comment / ${String(total).padStart(6)} non-blank lines  ${percent(comment, total).padStart(5)} %`);
}

report('all', files);
report('production', files.filter((file) => !isSpec(file.path)));
report('specs', files.filter((file) => isSpec(file.path)));
console.log('\nmost comment lines:');
for (const file of [...files].sort((a, b) => b.comment - a.comment || a.path.localeCompare(b.path)).slice(0, 15)) {
  console.log(`${String(file.comment).padStart(5)}  ${percent(file.comment, file.total).padStart(5)} %  ${file.path}`);
}
