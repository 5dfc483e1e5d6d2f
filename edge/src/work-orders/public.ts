// What a central server needs to serve a vendor's link from its copy of a site's log: the same view, the same rules.
export { commandOf, composeVendorView, linkGone, READABLE_AFTER_CLOSE_MS, type VendorAction, type VendorViewParts, withQueued } from './vendor-view.ts';
export { closedStatuses } from './work-order-rules.ts';
export { sendVendorFile } from './vendor-file-reply.ts';
export { vendorPostTypeRefusal } from './vendor-post-type.ts';
