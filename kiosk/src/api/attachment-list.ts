import { Attachment } from '@doorside/edge/contracts';
import { z } from 'zod';

/** `POST /api/tickets/{id}/attachments` answers with the photos it took. */
export const AttachmentList = z.object({ attachments: z.array(Attachment) });
