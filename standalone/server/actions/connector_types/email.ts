/*
 * `.email`: a message over SMTP with nodemailer. The host opens the socket itself and hands it to
 * nodemailer, so an abort (the caller's signal or the timeout) really closes the connection
 * instead of leaving a send running in the background.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ActionType, ActionTypeExecutorResult } from '@kbn/actions-plugin/server';
import type { ConnectorTypeOptions } from './types';

export const EmailConfigSchema = schema.object(
  {
    service: schema.string({ defaultValue: 'other' }),
    host: schema.nullable(schema.string({ minLength: 1 })),
    port: schema.nullable(schema.number({ min: 1, max: 65535 })),
    secure: schema.nullable(schema.boolean()),
    from: schema.string({ minLength: 1 }),
    hasAuth: schema.boolean({ defaultValue: true }),
  },
  {
    // Well-known services (nodemailer's list) are not offered here: the host talks to a given host and port.
    validate: ({ host, port }) => (host && port ? undefined : '[host] and [port] are required'),
  }
);
export type EmailConfig = TypeOf<typeof EmailConfigSchema>;

export const EmailSecretsSchema = schema.object({ user: schema.nullable(schema.string()), password: schema.nullable(schema.string()) });
export type EmailSecrets = TypeOf<typeof EmailSecretsSchema>;

const addresses = () => schema.arrayOf(schema.string({ minLength: 1 }), { defaultValue: [] });

export const EmailParamsSchema = schema.object(
  {
    to: addresses(),
    cc: addresses(),
    bcc: addresses(),
    subject: schema.string(),
    message: schema.string(),
    messageHTML: schema.nullable(schema.string()),
  },
  { validate: ({ to, cc, bcc }) => (to.length + cc.length + bcc.length === 0 ? 'no [to], [cc], or [bcc] entries' : undefined) }
);
export type EmailParams = TypeOf<typeof EmailParamsSchema>;

export interface EmailData {
  accepted: string[];
  rejected: string[];
  messageId: string;
  response: string;
}

/** Opens the connection nodemailer then speaks SMTP over; resolves once connected. */
function openSocket(config: EmailConfig, secure: boolean): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const host = config.host!;
    const socket: Socket = secure
      ? tlsConnect({ host, port: config.port!, servername: host }, () => resolve(socket))
      : netConnect({ host, port: config.port! }, () => resolve(socket));
    socket.once('error', reject);
  });
}

export function getEmailConnectorType({ timeoutMs }: ConnectorTypeOptions): ActionType<EmailConfig, EmailSecrets, EmailParams, EmailData> {
  return {
    id: '.email',
    name: 'Email',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'uptime', 'siem'],
    validate: {
      config: { schema: EmailConfigSchema },
      secrets: { schema: EmailSecretsSchema, customValidator: validateSecrets },
      params: { schema: EmailParamsSchema },
    },
    executor: async ({ actionId, config, secrets, params, signal }): Promise<ActionTypeExecutorResult<EmailData>> => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const bounded = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const sockets: Socket[] = [];
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          sockets.forEach((socket) => socket.destroy());
          reject(new Error(signal?.aborted ? 'the request was aborted' : `the request timed out after ${timeoutMs}ms`));
        };
      });
      if (bounded.aborted) onAbort();
      bounded.addEventListener('abort', onAbort, { once: true });
      // Kibana's rule: implicit TLS on 465 unless said otherwise; STARTTLS is negotiated on other ports.
      const secure = config.secure ?? config.port === 465;
      const options: SMTPTransport.Options = {
        host: config.host!,
        port: config.port!,
        secure,
        ...(config.hasAuth && secrets.user ? { auth: { user: secrets.user, pass: secrets.password ?? '' } } : {}),
        getSocket: (_options, callback) => {
          openSocket(config, secure).then(
            (connection) => {
              sockets.push(connection);
              if (bounded.aborted) connection.destroy();
              callback(null, { connection, secured: secure });
            },
            (error: Error) => callback(error, undefined)
          );
        },
      };
      const transport = nodemailer.createTransport(options);
      try {
        const info = await Promise.race([
          transport.sendMail({
            from: config.from,
            to: params.to,
            cc: params.cc,
            bcc: params.bcc,
            subject: params.subject,
            text: params.message,
            ...(params.messageHTML ? { html: params.messageHTML } : {}),
          }),
          aborted,
        ]);
        const data: EmailData = {
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          messageId: info.messageId,
          response: info.response,
        };
        return { actionId, status: 'ok', data };
      } catch (error) {
        return { actionId, status: 'error', message: 'error sending email', serviceMessage: (error as Error).message, retry: !signal?.aborted, errorSource: 'framework' };
      } finally {
        bounded.removeEventListener('abort', onAbort);
        transport.close();
      }
    },
  };
}

function validateSecrets({ user, password }: EmailSecrets): void {
  if (Boolean(user) !== Boolean(password)) throw new Error('both user and password must be specified');
}
