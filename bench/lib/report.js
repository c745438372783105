'use strict';

const os = require('node:os');
const { readFileSync } = require('node:fs');

/** Date, CPUs, Node version and load average: the context every result is printed with. */
function machineLine() {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return `${new Date().toISOString()} · ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}) · Node ${process.version} · load average ${load}`;
}

function metOrMissed(ok) {
  return ok ? 'MET   ' : 'MISSED';
}

module.exports = { machineLine, metOrMissed };
