// Types for nodeVersion.mjs, which stays plain JavaScript so that any Node can run it.
export declare const REQUIRED: [number, number];
export declare function nodeTooOld(version: string): string | null;
export declare const EXIT_ENVIRONMENT: number;
