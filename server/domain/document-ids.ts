/**
 * Codes of the documents planners write (evaluation methods, land-status rules): lower-case
 * letters, digits and hyphens. `schema` is taken: `GET /api/methods/schema` and
 * `GET /api/land-rules/schema` serve the documents' JSON Schemas, so a document with that code
 * could never be fetched.
 */
export const RESERVED_ID = 'schema';
export const RESERVED_ID_MESSAGE = '“schema” 为保留字（/schema 地址返回 JSON Schema），请换一个代码';
