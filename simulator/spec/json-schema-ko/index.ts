/**
 * Korean twins of the pipeline schema's descriptions (the `.describe()` texts of spec/schema/),
 * keyed by the English text. One file per schema file; setting names, values and units stay in
 * backticks as the English writes them (KOREAN-TERMS.md).
 */
export const PIPELINE_DOCS_KO: Readonly<Record<string, string>> = Object.fromEntries([]);
