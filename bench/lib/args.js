'use strict';

/**
 * Minimal command-line parsing: `--name value`, `--name=value`, bare `--flag` (true), `--no-flag`
 * and `--flag false`.
 * `spec` maps each option to its default; the default's type decides how the value is read.
 */
function parseArgs(argv, spec) {
  const options = { ...spec };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const [rawName, inlineValue] = arg.slice(2).split(/=(.*)/s);
    const negated = rawName.startsWith('no-') && typeof spec[toCamelCase(rawName.slice(3))] === 'boolean';
    if (negated) {
      options[toCamelCase(rawName.slice(3))] = false;
      continue;
    }
    const name = toCamelCase(rawName);
    if (!(name in spec)) throw new Error(`Unknown option --${rawName}`);
    const fallback = spec[name];
    if (typeof fallback === 'boolean' && inlineValue === undefined) {
      const explicit = argv[i + 1] === 'true' || argv[i + 1] === 'false';
      options[name] = explicit ? argv[(i += 1)] === 'true' : true;
      continue;
    }
    const value = inlineValue ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`--${rawName} needs a value`);
    options[name] = convert(rawName, value, fallback);
  }
  return options;
}

function convert(name, value, fallback) {
  if (typeof fallback === 'number') {
    const number = Number(value);
    if (!Number.isFinite(number)) throw new Error(`--${name} must be a number, got "${value}"`);
    return number;
  }
  if (typeof fallback === 'boolean') return value !== 'false' && value !== '0';
  return value;
}

function toCamelCase(name) {
  return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

module.exports = { parseArgs };
