// Attachments of daily-operations records (documents and images), uploaded one request each
// before the record that refers to them, like photos.
import { Type, type Static } from 'typebox';

export const ATTACHMENT_ID_PATTERN = '^[0-9a-f-]{36}$';

export const AttachmentRefSchema = Type.Object({
  id: Type.String({ pattern: ATTACHMENT_ID_PATTERN }),
  name: Type.String({ description: 'The file name the uploader gave' }),
  mime: Type.String({ description: 'Recognised from the bytes: PDF, Word, Excel, PowerPoint, JPEG, PNG or WebP' }),
  bytes: Type.Integer(),
  url: Type.String({ description: 'Where the file can be downloaded (same-origin, needs a session)' }),
});
export type AttachmentRef = Static<typeof AttachmentRefSchema>;

export const AttachmentUploadQuerySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'The original file name, e.g. 培训课件.pptx' }),
});

export const AttachmentIdsSchema = Type.Array(Type.String({ pattern: ATTACHMENT_ID_PATTERN }), { maxItems: 20, uniqueItems: true });

/** Where an attachment is downloaded from. */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${id}`;
}
