import { pushCommands } from './push/push-commands.ts';
import { announcementCommands } from './announcements/announcement-commands.ts';
import { sessionCommands } from './auth/session-commands.ts';
import { categoryCommands } from './bridge/category-commands.ts';
import type { CommandModule } from './commands/command-module.ts';
import { deviceCommands } from './devices/device-commands.ts';
import { directoryCommands } from './directory/directory-commands.ts';
import { dispatchCommands } from './dispatch/dispatch-commands.ts';
import { inquiryCommands } from './inquiries/inquiry-commands.ts';
import { nameCommands } from './names/name-commands.ts';
import { orderCommands } from './orders/order-commands.ts';
import { serviceCommands } from './orders/service-commands.ts';
import { paymentCommands } from './payments/payment-commands.ts';
import { roomCommands } from './rooms/room-commands.ts';
import { stockCommands } from './stock/stock-commands.ts';
import { portalCommands } from './portal/portal-commands.ts';
import { approvalCommands } from './portal/approval-commands.ts';
import { serviceLevelCommands } from './service-levels/service-level-commands.ts';
import { scheduleCommands } from './schedules/schedule-commands.ts';
import { checklistCommands } from './tickets/checklist-commands.ts';
import { occupantCommands } from './tickets/occupant-commands.ts';
import { openCommands } from './tickets/open-commands.ts';
import { ticketCommands } from './tickets/ticket-commands.ts';
import { vendorCommands } from './work-orders/vendor-commands.ts';
import { workOrderCommands } from './work-orders/work-order-commands.ts';
import { workOrderReminderCommands } from './work-orders/work-order-reminders.ts';

/** Every capability's commands, as the one handler of a site takes them. */
export const siteCommandModules: readonly CommandModule[] = [ticketCommands, openCommands, occupantCommands, roomCommands, deviceCommands, categoryCommands, sessionCommands, directoryCommands, inquiryCommands, nameCommands, dispatchCommands, announcementCommands, pushCommands, portalCommands, approvalCommands, paymentCommands, serviceLevelCommands, stockCommands, serviceCommands, orderCommands, scheduleCommands, vendorCommands, workOrderCommands, workOrderReminderCommands, checklistCommands];
