/**
 * The package version, in one place: the report's `tool.version` and `pic-preflight --version`
 * read it. A test ties it to package.json.
 */
export const VERSION = '0.1.0';

/** The tool's name as it appears in the report (`tool.name`) and on the command line. */
export const TOOL_NAME = 'pic-preflight';
