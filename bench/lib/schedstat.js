'use strict';

const { readFileSync, readdirSync } = require('node:fs');

/**
 * ns a thread has spent runnable but waiting for a CPU: the second field of its schedstat (Linux);
 * NaN where the kernel does not say.
 */
function threadCpuWaitNs(pid, tid = pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
  } catch {
    return NaN;
  }
}

/** Seconds all threads of a process have waited for a CPU; threads that ended are not counted. */
function processCpuWaitSeconds(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((ns, tid) => ns + (threadCpuWaitNs(pid, tid) || 0), 0) / 1e9;
  } catch {
    return NaN;
  }
}

module.exports = { threadCpuWaitNs, processCpuWaitSeconds };
