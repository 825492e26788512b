// A worker of the threaded build's pool (started by thread-pool.js): instantiates the module on the
// shared memory it is sent, says it is ready, then runs rayon's loop, which blocks this worker
// until it is terminated (so it never handles a second message). It ignores anything but the
// pool's init, so it can never be mistaken for a worker that classifies.
import { initSync, wbg_rayon_start_worker } from './threads/datacloak_threads.js';
import { POOL } from './thread-pool-hook.js';

self.onmessage = ({ data }) => {
  if (data?.type !== POOL.INIT) {
    console.error('datacloak pool worker: ignored a message that is not the pool init');
    return;
  }
  try {
    initSync({ module: data.module, memory: data.memory });
  } catch (e) {
    self.postMessage({ type: POOL.FAILED, message: String(e?.message ?? e) });
    return;
  }
  self.postMessage({ type: POOL.READY });
  wbg_rayon_start_worker(data.receiver);
};
