// The entry point. Node 22.1 and later can keep compiled code between starts, which takes about a
// quarter off the time to ready on Node 24 (loading botbuilder dominates a start); Node 20 lacks
// the API and starts as before. It must be on before the rest is loaded, hence this file.
import module from 'node:module';

// @types/node for Node 20 does not declare enableCompileCache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

void import('./main');
