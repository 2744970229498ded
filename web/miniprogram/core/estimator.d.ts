// The Emscripten glue build/build.js copies here: the module factory the facade takes.
import type { ModuleFactory } from 'uie-estimator-api';
declare const createUieModule: ModuleFactory;
export = createUieModule;
