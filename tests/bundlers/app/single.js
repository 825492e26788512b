// The default entry: single-threaded; nothing of the threaded build may reach this page's output.
import * as dc from 'datacloak';
import { run } from './run.js';

run(dc, { badInput: true });
