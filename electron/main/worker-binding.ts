import { setNativeBinding } from '../core/db/connection';

// Runs first in the app's job worker thread (see job-worker.ts): a worker has
// its own copy of every module, so the binding main.ts chose must be set again
// here, from the environment the worker inherits.
if (process.env.CUSTODIAN_ELECTRON_SQLITE) setNativeBinding(process.env.CUSTODIAN_ELECTRON_SQLITE);
