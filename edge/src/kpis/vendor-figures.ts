import type { VendorFigures, Vendor, WorkOrder } from '../contracts/index.ts';

const MINUTE = 60_000;
const mean = (values: readonly number[]) => (values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length));
const minutes = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / MINUTE);

/**
 * Per vendor, over the work orders sent in the window: how long they took to accept (sent →
 * accepted), how long to report the work done (sent → the last report of it done), and how
 * often reported-done work was sent back (rejections over reports of done, each report counting).
 */
export function vendorFigures(orders: readonly WorkOrder[], vendors: readonly Vendor[]): VendorFigures[] {
  const names = new Map(vendors.map((v) => [v.id, v.name]));
  const byVendor = new Map<string, WorkOrder[]>();
  for (const order of orders) byVendor.set(order.vendor, [...(byVendor.get(order.vendor) ?? []), order]);
  return [...byVendor.entries()].map(([vendor, list]) => {
    const accepted = list.filter((o) => o.answeredAt !== null && o.declineReason === null);
    const done = list.filter((o) => o.doneAt !== null);
    const reportedDone = list.reduce((n, o) => n + o.history.filter((h) => h.action === 'report-done').length, 0);
    const rejected = list.reduce((n, o) => n + o.rejections.length, 0);
    return {
      vendor, name: names.get(vendor) ?? vendor, sent: list.length,
      accepted: accepted.length, declined: list.filter((o) => o.declineReason !== null).length,
      meanMinutesToAccept: mean(accepted.map((o) => minutes(o.sentAt, o.answeredAt!))),
      done: done.length, meanMinutesToDone: mean(done.map((o) => minutes(o.sentAt, o.doneAt!))),
      reportedDone, rejected, rejectionPercent: reportedDone === 0 ? null : Math.round((rejected / reportedDone) * 1000) / 10,
    };
  }).sort((a, b) => a.name.localeCompare(b.name) || a.vendor.localeCompare(b.vendor));
}
