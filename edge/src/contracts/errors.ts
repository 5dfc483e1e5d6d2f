import * as z from 'zod/mini';

/**
 * Every refusal the gateway and the central server can send, with its HTTP status and what
 * it means. Errors carry one of these codes; the error handler takes the status from here;
 * pages choose their words by the code. A code sent to a device over MQTT (in a `denied`
 * command) comes from here too.
 */
export const errorCatalogue = {
  // 400: the request itself is wrong
  INVALID: { status: 400, meaning: 'the body, query or path does not match its schema; details list each problem' },
  BAD_REQUEST: { status: 400, meaning: 'the request could not be read' },
  BAD_MULTIPART: { status: 400, meaning: 'a multipart body could not be read (no boundary, a part cut short, never closed); nothing was kept' },
  BAD_PHOTO: { status: 400, meaning: 'an uploaded file is not an image the gateway accepts' },
  BAD_FILE: { status: 400, meaning: 'an uploaded file is neither a photo (JPEG, PNG, WebP, HEIC) nor a PDF, by its bytes' },
  NO_FILES: { status: 400, meaning: 'the upload carried no file' },
  NO_PHOTOS: { status: 400, meaning: 'the upload carried no image' },
  ONE_PHOTO_ONLY: { status: 400, meaning: 'this action takes at most one photo' },
  TOO_MANY_ATTACHMENTS: { status: 400, meaning: 'the ticket would hold more attachments than allowed' },
  UNKNOWN_CATEGORY: { status: 400, meaning: 'the category named does not exist on this site' },
  UNKNOWN_TEAM: { status: 400, meaning: 'the team named does not exist on this site' },
  UNKNOWN_USER: { status: 400, meaning: 'the person named does not exist on this site' },
  UNKNOWN_VENDOR: { status: 400, meaning: 'the vendor named does not exist on this site' },
  UNKNOWN_PHOTO: { status: 400, meaning: 'a photo named is not attached to the ticket' },
  UNKNOWN_REJECTION_REASON: { status: 400, meaning: 'the reason is not one the category lists, and it takes no free text' },
  ASSIGNEE_NOT_ELIGIBLE: { status: 400, meaning: 'the person named may not hold tickets of that team' },
  NOBODY_NAMED: { status: 400, meaning: 'an assignment names neither a person nor a team' },
  INVALID_POLICY: { status: 400, meaning: 'a rejection policy change would leave the policy invalid' },
  BAD_WINDOW: { status: 400, meaning: 'a reporting window ends before it starts or is too long' },
  ALTERNATIVE_IS_SAME_ROOM: { status: 400, meaning: 'a room cannot be its own alternative' },
  REASON_REQUIRED: { status: 400, meaning: 'a rejection needs a reason' },
  UNKNOWN_ROOM: { status: 400, meaning: 'a room named in the body does not exist on this site' },
  UNKNOWN_PERSON: { status: 400, meaning: 'a person named is not in the site\'s directory' },
  UNKNOWN_UNIT: { status: 400, meaning: 'the unit named is not in the site\'s directory' },
  INSTALLATION_WITHOUT_ROOM: { status: 400, meaning: 'the installation stands in no room, so no device\'s readings reach a rule about it' },
  UNKNOWN_INSTALLATION: { status: 400, meaning: 'the installation named is not in the site\'s directory' },
  EMAIL_REQUIRED: { status: 400, meaning: 'a person told by e-mail needs an e-mail address' },
  UNKNOWN_STOCK_STORE: { status: 400, meaning: 'the store named does not exist on this site' },
  UNKNOWN_SERVICE: { status: 400, meaning: 'the service named is not on the site\'s catalogue' },
  NOT_A_SLOT: { status: 400, meaning: 'the time named is not one of the service\'s bookable slots' },
  SLOT_IN_PAST: { status: 400, meaning: 'the slot has begun, or booking for it has closed' },
  QUANTITY_NOT_ALLOWED: { status: 400, meaning: 'the service is booked once per visit, or the quantity is above the service\'s most' },
  BAD_TIME_ZONE: { status: 400, meaning: 'the time zone is not an IANA name the gateway knows (such as Asia/Shanghai)' },
  TITLE_REQUIRED: { status: 400, meaning: 'a work order made on its own needs a title' },
  UNKNOWN_CONTACT: { status: 400, meaning: 'the vendor has no contact with that id' },
  DUE_IN_PAST: { status: 400, meaning: 'a wanted-by time lies in the past' },
  UNKNOWN_ATTACHMENT: { status: 400, meaning: 'an attachment named in a reply is not on the ticket' },
  UNKNOWN_TARGET: { status: 400, meaning: 'an announcement names a floor, zone or company the site does not have' },
  BAD_ANSWER: { status: 400, meaning: 'a survey answer names a question the survey does not have, twice, gives the wrong kind of answer for it, or leaves a scale or choice question out' },
  BAD_SURVEY: { status: 400, meaning: 'a survey\'s questions repeat an id, its words are not all in the same languages, or it closes before it opens or in the past' },
  NO_FILE: { status: 400, meaning: 'an upload carried no file, or more than one' },
  MISSING_TRANSLATION: { status: 400, meaning: 'an announcement\'s title and text are not given in the same languages' },
  BAD_ANNOUNCEMENT_WINDOW: { status: 400, meaning: 'an announcement expires before it starts, has already expired, or runs longer than a year' },
  BAD_PUSH_ENDPOINT: { status: 400, meaning: 'a push subscription\'s endpoint is not an https URL' },
  COMPANY_REQUIRED: { status: 400, meaning: 'a charge to a company account names the company' },
  INVALID_TIME_ZONE: { status: 400, meaning: 'the time zone is not an IANA zone the gateway knows (e.g. Europe/Oslo)' },
  BAD_WORKING_HOURS: { status: 400, meaning: 'a stretch of working hours does not end after it starts' },
  OVERLAPPING_HOURS: { status: 400, meaning: 'two stretches of working hours on one day overlap' },
  NO_WORKING_HOURS: { status: 400, meaning: 'the calendar has no working hours on any day' },
  DUPLICATE_SLA_TARGET: { status: 400, meaning: 'two targets name the same category and priority' },
  BAD_HOLIDAY_FILE: { status: 400, meaning: 'the holiday file is not an iCalendar file that parses, or holds no events' },
  BAD_RRULE: { status: 400, meaning: 'the recurrence rule is not an RFC 5545 RRULE the gateway reads' },
  RRULE_TOO_FREQUENT: { status: 400, meaning: 'planned work recurs at most hourly' },
  RRULE_EMPTY: { status: 400, meaning: 'the recurrence rule yields no occurrence from its start' },
  RRULE_UNBOUNDED: { status: 400, meaning: 'the rule never ends (no COUNT or UNTIL): a listing of its occurrences needs an end (`to`)' },
  UNKNOWN_TIME_ZONE: { status: 400, meaning: 'the time zone is not an IANA time zone the gateway knows' },
  BAD_START: { status: 400, meaning: 'the start is not a local date and time that exists' },
  UNKNOWN_ZONE: { status: 400, meaning: 'no room of the site lies in the zone named' },
  UNKNOWN_CHECKLIST_ITEM: { status: 400, meaning: 'the ticket\'s checklist has no item with that id' },
  CHECKLIST_FULL: { status: 400, meaning: 'a checklist holds at most 50 items' },
  // 401: who is asking is not known
  NOTICE_NOT_VERIFIED: { status: 401, meaning: 'a payment notification failed its check (signature, key serial, timestamp, app or body); nothing was changed' },
  SIGN_IN_REQUIRED: { status: 401, meaning: 'no valid session: sign in first' },
  BAD_CREDENTIALS: { status: 401, meaning: 'wrong username, password or PIN' },
  BAD_BRIDGE_KEY: { status: 401, meaning: 'the sync agent\'s bridge key is missing or wrong' },
  BAD_SITE_KEY: { status: 401, meaning: 'the central server does not know the site or its key' },
  // 403: known, but not allowed
  NOT_PERMITTED: { status: 403, meaning: 'the caller\'s role does not hold the right' },
  WRONG_ROOM: { status: 403, meaning: 'a door panel or device acts only in its own room' },
  NOT_YOUR_WORK_ORDER: { status: 403, meaning: 'a vendor acts only on work given to them' },
  NOT_YOUR_TEAM: { status: 403, meaning: 'staff act only on their own teams\' tickets' },
  NOT_ASSIGNEE: { status: 403, meaning: 'only the ticket\'s assignee may do this' },
  NOT_A_WORKER: { status: 403, meaning: 'a work queue is for people who work tickets' },
  BAD_QR_CODE: { status: 403, meaning: 'the sticker code does not belong to this room' },
  NOT_OPEN_TO_OCCUPANTS: { status: 403, meaning: 'the ticket is not one the room\'s visitors may add to' },
  OWN_WORK: { status: 403, meaning: 'who claimed, started or completed a job may not approve or reject it; the category asks for a second person' },
  DISPUTE_NOT_ALLOWED: { status: 403, meaning: 'the category leaves "not resolved" to staff' },
  FOREIGN_ORIGIN: { status: 403, meaning: 'a browser opened the live feed from a page that is not the gateway\'s own (nor an allowed origin)' },
  SITE_NOT_GRANTED: { status: 403, meaning: 'a site manager sees only the sites granted to them' },
  NOT_STORE_OWNER: { status: 403, meaning: 'a store\'s stock is received, issued and disposed of by its owner, a supervisor or the facility head' },
  NOT_YOUR_UNIT: { status: 403, meaning: 'a tenant files requests for the rooms of their own unit' },
  NOT_YOUR_PEOPLE: { status: 403, meaning: 'a person\'s duty or skills are set by themself, a supervisor of their team or the facility head' },
  // 404
  NOT_FOUND: { status: 404, meaning: 'the thing named does not exist (or is not visible to the caller)' },
  PROVIDER_REFUSED: { status: 409, meaning: 'the payment provider refused the request; details carry its code' },
  PROVIDER_NOT_SET_UP: { status: 404, meaning: 'the site takes no payments through that provider' },
  PAGE_NOT_BUILT: { status: 404, meaning: 'the page bundle has not been built yet' },
  // 409: not in the current state
  ILLEGAL_TRANSITION: { status: 409, meaning: 'the ticket\'s status does not allow the action; details list what it allows' },
  ALREADY_ASSIGNED: { status: 409, meaning: 'someone else already holds the ticket' },
  ALREADY_ACCEPTED: { status: 409, meaning: 'the work order was already accepted' },
  ALREADY_WITH_TEAM: { status: 409, meaning: 'the ticket already sits in its team\'s pool' },
  ALREADY_RATED: { status: 409, meaning: 'the job was rated already' },
  NOT_YET_RATEABLE: { status: 409, meaning: 'a job is rated once it is done' },
  NOT_DISPUTABLE_NOW: { status: 409, meaning: '"not resolved" applies to a finished job not yet checked' },
  NOTHING_TO_VERIFY: { status: 409, meaning: 'no finished job in the room waits for a verdict' },
  DEVICE_EXISTS: { status: 409, meaning: 'a device with that id is registered already' },
  SITE_EXISTS: { status: 409, meaning: 'a site with that id is registered already' },
  OUT_OF_ORDER: { status: 409, meaning: 'a sync batch does not follow the central cursor; details name where to resend from' },
  NOT_AN_INQUIRY: { status: 409, meaning: 'child tasks are opened from an inquiry' },
  QUOTE_WITHIN_LIMIT: { status: 400, meaning: 'a quote at or below its limit needs no approval' },
  STOCK_TOO_LOW: { status: 409, meaning: 'the store holds fewer units than the movement takes; details give the level' },
  MORE_THAN_HELD: { status: 409, meaning: 'a return or use of more units than were issued for the job and not yet used or returned; details give how many are held' },
  MORE_THAN_USED: { status: 409, meaning: 'a disposal of more units than the job used and not yet disposed of' },
  JOB_CLOSED: { status: 409, meaning: 'stock is requested, issued and used only for a job still open' },
  ANNOUNCEMENT_ENDED: { status: 409, meaning: 'the announcement has expired or was withdrawn already' },
  SLOT_FULL: { status: 409, meaning: 'every place in the slot is booked; details say which slot' },
  SERVICE_NOT_BOOKABLE: { status: 409, meaning: 'the service is switched off or has no bookable slots' },
  ORDER_STATE: { status: 409, meaning: 'the order\'s status does not allow this; details name the status' },
  PAYMENT_MISMATCH: { status: 409, meaning: 'the amount is not what the order asks for; nothing was taken' },
  CURRENCY_IN_USE: { status: 409, meaning: 'the site\'s currency cannot change once orders exist' },
  SIGN_IN_LINK_USED: { status: 409, meaning: 'the sign-in link was used already: ask for a new one' },
  DOCUMENT_ALTERED: { status: 409, meaning: 'the stored file is missing or is not the one uploaded (its SHA-256 differs from the one in the audit log); it is not served' },
  DOCUMENT_WITHDRAWN: { status: 409, meaning: 'the document was withdrawn already' },
  SURVEY_NOT_OPEN: { status: 409, meaning: 'the survey has not opened yet, or has closed; details say when' },
  ALREADY_ANSWERED: { status: 409, meaning: 'the approval or survey was answered already' },
  ORDER_NOT_PAID: { status: 409, meaning: 'the job\'s order is paid at order and not paid yet: it is not assigned, claimed or started until it is' },
  ORDER_ALREADY_PAID: { status: 409, meaning: 'the order is paid already; a second payment is refused' },
  PAYMENT_NOT_PAID: { status: 409, meaning: 'nothing was received for the payment, so nothing can be refunded' },
  REFUND_ANSWERED: { status: 409, meaning: 'the provider\'s answer to the refund is recorded already' },
  REFUND_TOO_LARGE: { status: 409, meaning: 'a refund may return at most what was received and not yet refunded; details say how much' },
  REFUND_NOT_FAILED: { status: 409, meaning: 'only a refund that failed, and was not asked again already, can be asked again' },
  WORK_ORDER_OPEN: { status: 409, meaning: 'the ticket has a work order not yet verified or withdrawn: it cannot be closed past it' },
  WORK_ORDER_STATE: { status: 409, meaning: 'the work order\'s status does not allow the action; details name the status and what it allows' },
  ALREADY_ESCALATED: { status: 409, meaning: 'that breach of the ticket\'s service level was escalated already' },
  NOT_BREACHED: { status: 409, meaning: 'the ticket\'s clock has not run out (or no longer runs): there is nothing to escalate' },
  OUTSIDE_WORKING_HOURS: { status: 409, meaning: 'a breach of a ticket that is not urgent is escalated during the site\'s working hours' },
  NOT_CHASED: { status: 409, meaning: 'the work order is no longer waiting for the vendor\'s answer, or its chase has ended: no reminder is due' },
  REMINDER_NOT_DUE: { status: 409, meaning: 'the work order\'s next reminder is not due yet; details say when' },
  RESULT_ALREADY_RECORDED: { status: 409, meaning: 'a head-office command was answered already, differently' },
  // 410
  QR_REPLACED: { status: 410, meaning: 'the sticker code was replaced; ask reception' },
  SIGN_IN_LINK_EXPIRED: { status: 410, meaning: 'the sign-in link is older than 15 minutes: ask for a new one' },
  // 415: the body's type is not one the request may use
  JSON_REQUIRED: { status: 415, meaning: 'a change sent with a session cookie must be application/json (multipart/form-data where it takes photos); send {} when there is no body' },
  // 422: well formed, but breaks the central copy of a site's chain
  CHAIN_BROKEN: { status: 422, meaning: 'a sync batch breaks the hash chain; details name the first bad seq' },
  LOG_CUT_BACK: { status: 422, meaning: 'the site\'s log is shorter than, or differs from, what the central copy saw' },
  // 429: wait and try again (Retry-After says how long)
  RATE_LIMITED: { status: 429, meaning: 'too many reports from this phone, code or link, or too many tickets from this device' },
  PANEL_LOCKED: { status: 429, meaning: 'too many wrong PINs: the panel is locked for a while' },
  SIGN_IN_LOCKED: { status: 429, meaning: 'too many wrong passwords for the username' },
  // 500
  INTERNAL: { status: 500, meaning: 'the gateway failed; nothing was changed' },
  // 503: the gateway cannot take writes for now
  LOG_MOVED: { status: 503, meaning: 'another process wrote to the site\'s event log; nothing was changed, the gateway re-read the log and takes the next try' },
  PROVIDER_UNAVAILABLE: { status: 503, meaning: 'the payment provider could not be reached, or answered with something that did not verify; nothing was changed there: try again' },
  STORAGE_FULL: { status: 503, meaning: 'the gateway\'s disk is full: nothing was changed; reads still work, writes resume once space is freed' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const ErrorCode = z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]);

/**
 * Codes fastify itself sends for a body or URL it cannot take (kept as fastify names them,
 * so they match its documentation): too large, not JSON, a foreign content type, a bad URL.
 */
export const frameworkErrorCodes = [
  'FST_ERR_CTP_BODY_TOO_LARGE', 'FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_CTP_EMPTY_JSON_BODY', 'FST_ERR_MAX_PARAM_LENGTH', 'FST_ERR_BAD_URL',
] as const;

export function httpStatusOf(code: ErrorCode): number {
  return errorCatalogue[code].status;
}

/** Whether an error body carries the given code: how pages pick their words. */
export function hasErrorCode(body: { error?: unknown } | undefined, code: ErrorCode): boolean {
  return body?.error === code;
}
