import type { OpenAPIV3 } from 'openapi-types';

/**
 * A request body whose schema requires no field may be left empty (an action such as
 * `start`); say so in the document instead of marking it required. The content type is
 * still JSON: a signed-in change without it is refused (415 JSON_REQUIRED), so send `{}`.
 */
export function markOptionalBodies<T extends { paths?: unknown }>(document: T): T {
  for (const item of Object.values((document.paths ?? {}) as OpenAPIV3.PathsObject)) {
    for (const operation of Object.values(item ?? {})) {
      const body = (operation as OpenAPIV3.OperationObject | undefined)?.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      if (!body?.content) continue;
      const schemas = Object.values(body.content).map((media) => media.schema as OpenAPIV3.SchemaObject | undefined);
      if (schemas.some(requiresAField)) continue;
      body.required = false;
      body.description = 'Optional: send {} (or nothing) with Content-Type: application/json, which a signed-in caller must always send.';
    }
  }
  return document;
}

/** A schema requires a field when it names one, or when each of its alternatives does. */
function requiresAField(schema: OpenAPIV3.SchemaObject | undefined): boolean {
  const alternatives = (schema?.anyOf ?? schema?.oneOf) as OpenAPIV3.SchemaObject[] | undefined;
  if (alternatives) return alternatives.length > 0 && alternatives.every(requiresAField);
  return (schema?.required?.length ?? 0) > 0;
}
