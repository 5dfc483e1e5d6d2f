// The gateway's HTTP building blocks other servers reuse: one error shape, one set of refusals,
// the same password hashing and token digests.
export { installErrorHandler } from './error-handler.ts';
export { DomainError, Forbidden, Invalid, NotFound, Refusal, Unauthorized } from '../domain-error.ts';
export { hashSecret, verifySecret } from '../auth/passwords.ts';
export { newToken, tokenDigest } from '../auth/token.ts';
export { securityHeaders } from './security-headers.ts';
export { markOptionalBodies } from './optional-bodies.ts';
