// The estimator runs entirely on the phone: no login, no network request, no
// storage of what people type. The engine is started by the first page that
// needs it (core/engine.js) and shared by all pages.
'use strict';

App({});
