import axios, { type AxiosInstance } from 'axios';
import { Observable } from 'rxjs';
import { webhookHost } from './webhookHost.js';

/** One POST to a webhook. */
export interface WebhookRequest {
  url: string;
  /** Extra headers (from the alert's config). They win over `contentType`. */
  headers: Readonly<Record<string, string>>;
  body: string;
  contentType: string;
}

/** Why a delivery attempt failed: a stable code and one line for people (never a URL or header). */
export interface DeliveryError {
  /** `TIMEOUT`, `UNEXPECTED_STATUS`, `ABORTED`, or a system code such as `ECONNREFUSED`. */
  code: string;
  message: string;
}

/** How one POST went. `ok` exactly when a 2xx status arrived. */
export interface PostOutcome {
  ok: boolean;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** Present exactly when `ok` is false. */
  error?: DeliveryError;
}

/** Posts one request. Resolves, never rejects; aborts (and resolves) when `signal` aborts. */
export type PostWebhook = (request: WebhookRequest, signal?: AbortSignal) => Promise<PostOutcome>;

/** Options of {@link createWebhookPoster}. */
export interface WebhookPosterOptions {
  /** Per-request deadline, ms, from sending to the end of the response. Default 5000. */
  timeoutMs?: number;
  /** The axios instance to use. Default: a fresh `axios.create()`. */
  client?: AxiosInstance;
}

/** Most of a receiver's answer we read; webhooks answer with a few bytes. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * The webhook adapter: the only code in alerts that touches Promises and sockets. POSTs with axios
 * under a per-request deadline (an AbortController), and turns every outcome into a value: a 2xx is
 * `ok`, another status is `UNEXPECTED_STATUS`, no answer in time is `TIMEOUT`, a transport failure
 * carries its system code. Error messages name the webhook's host only, never its URL (which often
 * holds a token) nor header values. Redirects are not followed.
 *
 * @param options Deadline and axios instance.
 * @returns A {@link PostWebhook} that never rejects.
 */
export function createWebhookPoster({ timeoutMs = 5000, client = axios.create() }: WebhookPosterOptions = {}): PostWebhook {
  return async (request, signal) => {
    const host = webhookHost(request.url);
    const controller = new AbortController();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    if (signal?.aborted) controller.abort();
    try {
      const response = await client.request({
        method: 'POST',
        url: request.url,
        data: request.body,
        headers: withContentType(request.headers, request.contentType),
        signal: controller.signal,
        maxRedirects: 0,
        maxContentLength: MAX_RESPONSE_BYTES,
        responseType: 'text',
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
      });
      const { status } = response;
      if (status >= 200 && status < 300) return { ok: true, status };
      return { ok: false, status, error: { code: 'UNEXPECTED_STATUS', message: `${host} answered ${status}` } };
    } catch (error) {
      if (timedOut) return { ok: false, error: { code: 'TIMEOUT', message: `${host} did not answer within ${timeoutMs} ms` } };
      if (controller.signal.aborted) return { ok: false, error: { code: 'ABORTED', message: `request to ${host} aborted` } };
      return { ok: false, error: transportError(error, host) };
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', abort);
    }
  };
}

/**
 * A cold Observable view of one POST: posts on subscribe, emits the outcome and completes;
 * unsubscribing aborts the request. This is what the delivery stream retries.
 *
 * @param post The adapter.
 * @param request What to post.
 * @returns One {@link PostOutcome}, then complete.
 */
export function postOnce(post: PostWebhook, request: WebhookRequest): Observable<PostOutcome> {
  return new Observable<PostOutcome>((subscriber) => {
    const controller = new AbortController();
    post(request, controller.signal).then(
      (outcome) => {
        subscriber.next(outcome);
        subscriber.complete();
      },
      (error: unknown) => {
        // A PostWebhook must not reject; if a custom one does, it is still a value here.
        subscriber.next({ ok: false, error: { code: 'POST_FAILED', message: error instanceof Error ? error.name : 'post failed' } });
        subscriber.complete();
      },
    );
    return () => controller.abort();
  });
}

function withContentType(headers: Readonly<Record<string, string>>, contentType: string): Record<string, string> {
  const configured = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  return configured ? { ...headers } : { 'Content-Type': contentType, ...headers };
}

function transportError(error: unknown, host: string): { code: string; message: string } {
  const code = systemCode(error) ?? 'POST_FAILED';
  return { code, message: `POST to ${host} failed: ${code}` };
}

function systemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string') {
    return (cause as { code: string }).code;
  }
  return typeof code === 'string' ? code : undefined;
}
