// What the files an official writes by hand (rule configuration, units, pairs) are checked with.

/** A JSON object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
