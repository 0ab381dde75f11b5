// Worker-thread entry: register tsx in this thread, then load the TypeScript worker it was given.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
