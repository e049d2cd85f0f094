/**
 * The model answered, but not in the shape the step asked for (not JSON, or JSON that breaks the
 * schema). Worth retrying: the next completion may well be right, so authors put
 * `on-failure.retry` on AI steps (a retry `condition` can test `error.type : "AiOutputError"`).
 * `details.reply` keeps the start of the answer so the step record shows what came back.
 */
export class AiOutputError extends Error {
  readonly details: { reply: string };

  constructor(message: string, reply: string) {
    super(message);
    this.name = 'AiOutputError';
    this.details = { reply: reply.length > REPLY_EXCERPT ? `${reply.slice(0, REPLY_EXCERPT)}…` : reply };
  }
}

const REPLY_EXCERPT = 500;
