// The threads entry: a thread pool inside the package's Web Worker when the page is cross-origin isolated.
import * as dc from 'datacloak/threads';
import { run } from './run.js';

run(dc);
