import type { OpenAPIV3 } from 'openapi-types';

/**
 * A request body whose schema requires no field may be left out (an action such as
 * `start` is sent bare); say so in the document instead of marking it required.
 */
export function markOptionalBodies<T extends { paths?: unknown }>(document: T): T {
  for (const item of Object.values((document.paths ?? {}) as OpenAPIV3.PathsObject)) {
    for (const operation of Object.values(item ?? {})) {
      const body = (operation as OpenAPIV3.OperationObject | undefined)?.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      if (!body?.content) continue;
      const schemas = Object.values(body.content).map((media) => media.schema as OpenAPIV3.SchemaObject | undefined);
      if (!schemas.some(requiresAField)) body.required = false;
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
