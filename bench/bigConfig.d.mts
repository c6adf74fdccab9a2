/** Types of bench/bigConfig.mjs, for the specs that use it. */
export declare function bigMonitorLines(from: number, to: number, baseUrl?: string): string[];
export declare function bigConfigYaml(count: number, options?: { baseUrl?: string }): string;
