// Types for buildCli.mjs (plain JavaScript, run by npm before anything is built).
export declare function buildCli(options?: { quiet?: boolean }): Promise<void>;
