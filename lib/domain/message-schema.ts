import { z } from "zod";
import type { Message, MessageList, MessageValue } from "./message";

// Apart from message.ts so that client components rendering messages do not pull zod into the page.
const MESSAGE_KEY = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string().max(160).regex(MESSAGE_KEY),
    params: z.record(z.string().max(40), messageValueSchema).optional(),
  }),
);
const messageListSchema: z.ZodType<MessageList> = z.lazy(() =>
  z.object({ items: z.array(messageValueSchema).max(20), join: z.enum(["and", "or"]) }),
);
const messageValueSchema: z.ZodType<MessageValue> = z.lazy(() =>
  z.union([z.string().max(500), z.number(), messageSchema, messageListSchema]),
);
