/** Workspaces: a folder of real configuration files → the internal pipeline spec. */
export { compileWorkspace, FILEBEAT_NODE, type WorkspaceOutcome } from './compile.js';
export { checkConfigFile } from './check-file.js';
