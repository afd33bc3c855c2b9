// The ./dns entry: resolver, live checks, runPreflight and report renderers (Node only).
export {};
