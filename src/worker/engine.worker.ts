/// <reference lib="webworker" />
// The engine worker: the only thread that runs TensorFlow.js. The UI talks to it through Comlink.
import * as Comlink from 'comlink';
import { Session } from './session';

Comlink.expose(new Session());
