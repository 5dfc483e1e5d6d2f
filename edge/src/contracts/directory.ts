import { z } from 'zod';
import { IsoTime, RoomId, TicketId } from './ids.ts';
import { EmailAddress, OptionalText, PhoneNumber, Text } from './text.ts';

/** Ids the gateway hands out for the directory: a letter, a dash and a random part. */
export const PersonId = z.string().regex(/^P-[A-Za-z0-9_-]{4,24}$/, 'a person id looks like P-x7Kq2m');
export const UnitId = z.string().regex(/^U-[A-Za-z0-9_-]{4,24}$/, 'a unit id looks like U-x7Kq2m');
export const InstallationId = z.string().regex(/^I-[A-Za-z0-9_-]{4,24}$/, 'an installation id looks like I-x7Kq2m');
export type PersonId = z.infer<typeof PersonId>;
export type UnitId = z.infer<typeof UnitId>;
export type InstallationId = z.infer<typeof InstallationId>;

export const PersonLanguage = z.enum(['en', 'zh', 'nb', 'nl']);

/** A tenant or a contact: who inquires, who is told. */
export const PersonRecord = z.object({
  id: PersonId,
  name: Text(120),
  company: OptionalText(120).nullable(),
  email: EmailAddress.nullable(),
  phone: PhoneNumber.nullable(),
  language: PersonLanguage,
  /** Whether replies go out by e-mail (needs an address). */
  notifyByEmail: z.boolean(),
  /** The unit the person belongs to; their mail inquiries are filed in its first room. */
  unit: UnitId.nullable().default(null),
  /** Their company's tenant administrator in the portal: sees all of the company's requests and answers its approvals. */
  tenantAdmin: z.boolean().optional(),
  updatedAt: IsoTime,
});
export type PersonRecord = z.infer<typeof PersonRecord>;

/** A tenant's rooms or floor area. */
export const Unit = z.object({
  id: UnitId,
  name: Text(120),
  rooms: z.array(RoomId).max(100),
  floor: z.number().int().nullable(),
  company: OptionalText(120).nullable(),
  updatedAt: IsoTime,
});
export type Unit = z.infer<typeof Unit>;

export const InstallationKind = z.enum(['lift', 'air_handling', 'door_controller', 'heating', 'lighting', 'other']);
/** A piece of building equipment (a lift, an air-handling unit, a door controller) in a room or on a floor. */
export const Installation = z.object({
  id: InstallationId,
  kind: InstallationKind,
  name: Text(120),
  room: RoomId.nullable(),
  floor: z.number().int().nullable(),
  make: OptionalText(120).nullable(),
  serial: OptionalText(120).nullable(),
  updatedAt: IsoTime,
});
export type Installation = z.infer<typeof Installation>;

const bodyOf = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const PersonFields = {
  name: Text(120), company: OptionalText(120).nullable(), email: EmailAddress.nullable(), phone: PhoneNumber.nullable(),
  language: PersonLanguage, notifyByEmail: z.boolean(), unit: UnitId.nullable(), tenantAdmin: z.boolean(),
};
export const CreatePersonBody = bodyOf({
  ...PersonFields, company: PersonFields.company.default(null), email: PersonFields.email.default(null), phone: PersonFields.phone.default(null),
  language: PersonLanguage.default('en'), notifyByEmail: z.boolean().default(false), unit: PersonFields.unit.default(null),
  tenantAdmin: z.boolean().default(false),
});
export const UpdatePersonBody = bodyOf(PersonFields).partial();
const UnitFields = { name: Text(120), rooms: z.array(RoomId).max(100), floor: z.number().int().min(-10).max(300).nullable(), company: OptionalText(120).nullable() };
export const CreateUnitBody = bodyOf({ ...UnitFields, rooms: UnitFields.rooms.default([]), floor: UnitFields.floor.default(null), company: UnitFields.company.default(null) });
export const UpdateUnitBody = bodyOf(UnitFields).partial();
const InstallationFields = {
  kind: InstallationKind, name: Text(120), room: RoomId.nullable(), floor: z.number().int().min(-10).max(300).nullable(),
  make: OptionalText(120).nullable(), serial: OptionalText(120).nullable(),
};
export const CreateInstallationBody = bodyOf({
  ...InstallationFields, room: InstallationFields.room.default(null), floor: InstallationFields.floor.default(null),
  make: InstallationFields.make.default(null), serial: InstallationFields.serial.default(null),
}).refine((b) => b.room !== null || b.floor !== null, { message: 'an installation stands in a room or on a floor', path: ['room'] });
export const UpdateInstallationBody = bodyOf(InstallationFields).partial();
export type PersonFields = z.infer<typeof UpdatePersonBody>;
export type UnitFields = z.infer<typeof UpdateUnitBody>;
export type InstallationFields = z.infer<typeof UpdateInstallationBody>;

export const PersonParams = z.strictObject({ id: PersonId });
export const UnitParams = z.strictObject({ id: UnitId });
export const InstallationParams = z.strictObject({ id: InstallationId });
export const PersonList = z.object({ persons: z.array(PersonRecord) });
export const UnitList = z.object({ units: z.array(Unit) });
export const InstallationList = z.object({ installations: z.array(Installation) });

/** Whom and what a ticket is about, besides its room. */
export const TicketLinks = z.object({ persons: z.array(PersonId), unit: UnitId.nullable(), installation: InstallationId.nullable() });
export type TicketLinks = z.infer<typeof TicketLinks>;
export const LinkBody = z.strictObject({
  persons: z.array(PersonId).max(20).optional(),
  unit: UnitId.nullable().optional(),
  installation: InstallationId.nullable().optional(),
}).refine((b) => b.persons !== undefined || b.unit !== undefined || b.installation !== undefined, 'name persons, a unit or an installation');

/** An installation's record: every ticket linked to it, who worked it, what was rejected and why. */
export const InstallationHistory = z.object({
  installation: Installation,
  tickets: z.array(z.object({
    id: TicketId,
    kind: z.string(),
    title: z.string(),
    status: z.string(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    /** Everyone who claimed, started, completed or was given the ticket. */
    workedBy: z.array(z.string()),
    rejections: z.array(z.object({ at: IsoTime, by: z.string(), reason: z.string(), notes: z.string().nullable() })),
  })),
});
export type InstallationHistory = z.infer<typeof InstallationHistory>;

