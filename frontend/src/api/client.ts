import type { components, paths } from './schema';
import { i18n } from '../i18n';
import { readEventStream, type ServerSentEvent } from './sse';

const API_ROOT = '/api/v1';

/** Error body returned by the API for every 4xx response. */
interface ErrorBody {
  code?: unknown;
  detail?: unknown;
  field?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field: string | null;

  constructor(status: number, code: string, detail: string, field: string | null = null) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.field = field;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function getCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Headers Django needs on unsafe requests: the CSRF token from the `csrftoken` cookie. */
export function csrfHeaders(method: string): Record<string, string> {
  const token = getCookie('csrftoken');
  return !SAFE_METHODS.has(method.toUpperCase()) && token ? { 'X-CSRFToken': token } : {};
}

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface ApiFetchOptions {
  method?: HttpMethod;
  /** Sent as JSON, except a FormData, which is sent as multipart/form-data. */
  body?: unknown;
  signal?: AbortSignal;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = i18n.t('common:apiError.status', { status: response.status });
  let body: ErrorBody = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === 'object') body = parsed as ErrorBody;
  } catch {
    // Not JSON (e.g. a proxy error page): keep the fallback message.
  }
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : 'http_error',
    typeof body.detail === 'string' ? body.detail : fallback,
    typeof body.field === 'string' ? body.field : null,
  );
}

/** Sends a same-origin request with the session cookie; rejects with ApiError unless 2xx. */
async function send(path: string, { method = 'GET', body, signal }: ApiFetchOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...csrfHeaders(method) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    // The browser sets multipart/form-data with its boundary itself.
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(`${API_ROOT}${path}`, { method, headers, credentials: 'same-origin', body: payload, signal });
  } catch {
    throw networkError();
  }
  return checked(response);
}

function networkError(): ApiError {
  return new ApiError(0, 'network_error', i18n.t('common:apiError.network'));
}

async function checked(response: Response): Promise<Response> {
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The parsed JSON body of a 2xx response (undefined for 204). */
async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, 'invalid_response', i18n.t('common:apiError.invalidResponse'));
  }
}

/**
 * Calls the same-origin JSON API with the session cookie (through `api` below, typed by the schema).
 * `path` is relative to /api/v1, e.g. `/members/?page=2`.
 * Resolves to the parsed JSON body (undefined for 204) or rejects with ApiError.
 */
async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options, 'application/json'));
}

/**
 * POSTs `body` asking for `text/event-stream` and yields the server-sent events as they arrive.
 * A refusal (4xx/5xx before the stream starts) rejects with ApiError, as apiFetch does;
 * aborting `signal` closes the connection.
 */
export async function* apiEventStream(path: string, body: unknown, signal?: AbortSignal): AsyncGenerator<ServerSentEvent> {
  const response = await send(path, { method: 'POST', body, signal }, 'text/event-stream');
  if (!response.body) throw new ApiError(response.status, 'invalid_response', i18n.t('common:apiError.emptyStream'));
  yield* readEventStream(response.body);
}

// --- Typed calls, from the OpenAPI schema (src/api/schema.ts, generated from openapi.json) ---

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type SchemaPath = keyof paths;

/** A schema path without the /api/v1 prefix that apiFetch adds: "/widget/keys/{key_id}/". */
export type ApiPath<M extends Method> = {
  [P in SchemaPath]: [NonNullable<paths[P][M]>] extends [never] ? never : P extends `${typeof API_ROOT}${infer Rest}` ? Rest : never;
}[SchemaPath];

type Operation<M extends Method, P extends string> = NonNullable<paths[`${typeof API_ROOT}${P}` & SchemaPath][M]>;

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** The JSON body of the operation's first success status (undefined for 204). */
type SuccessBody<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? JsonContent<R[200]>
    : 201 extends keyof R
      ? JsonContent<R[201]>
      : 202 extends keyof R
        ? JsonContent<R[202]>
        : undefined
  : never;

/** A JSON body as the schema describes it; a file upload (multipart only) is a FormData. */
type RequestBody<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: infer Content }
    ? Content extends { 'application/json': infer Json }
      ? Json
      : Content extends { 'multipart/form-data': unknown }
        ? FormData
        : undefined
    : undefined
  : undefined;
type PathParams<Op> = Op extends { parameters: { path: infer Params } } ? Params : undefined;
/** The query parameters the operation describes (filters, `page`); none for most. */
export type QueryParams<Op> = Op extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

type Options<Op> = ([PathParams<Op>] extends [undefined] ? { params?: never } : { params: PathParams<Op> }) &
  ([RequestBody<Op>] extends [undefined] ? { body?: never } : { body: RequestBody<Op> }) & {
    query?: QueryParams<Op>;
  };

/** Only operations with path parameters or a request body need options. */
type OptionsArg<Op> = [PathParams<Op>] extends [undefined]
  ? [RequestBody<Op>] extends [undefined]
    ? [options?: Options<Op>]
    : [options: Options<Op>]
  : [options: Options<Op>];

/** Resolves `/widget/keys/{key_id}/` with `{key_id: 3}`, plus a query string (unset values left out). */
function resolvePath(template: string, params: object | undefined, query: object | undefined): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown> | undefined)?.[name])),
  );
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== null);
  const search = new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString();
  return search ? `${path}?${search}` : path;
}

function typedCall<M extends Method>(method: M) {
  return <P extends ApiPath<M>>(path: P, ...[options]: OptionsArg<Operation<M, P>>) => {
    const { params, body, query } = (options ?? {}) as { params?: object; body?: unknown; query?: object };
    return apiFetch<SuccessBody<Operation<M, P>>>(resolvePath(path, params, query), {
      method: method.toUpperCase() as HttpMethod,
      body,
    });
  };
}

/**
 * The API, typed from the committed OpenAPI schema: `api.patch('/assistant/settings/', {body})`
 * accepts only that operation's body and resolves to its response type.
 */
export const api = {
  get: typedCall('get'),
  post: typedCall('post'),
  put: typedCall('put'),
  patch: typedCall('patch'),
  delete: typedCall('delete'),
};

/** A component of the schema, e.g. `Schema<'AssistantSettingsOutput'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The query parameters of `GET path`, e.g. `ListQuery<'/catalog/products/'>` (its filters and `page`). */
export type ListQuery<P extends ApiPath<'get'>> = QueryParams<Operation<'get', P>>;

/** A POST whose request body is multipart only: a file upload. */
type UploadPath = {
  [P in ApiPath<'post'>]: RequestBody<Operation<'post', P>> extends FormData ? P : never;
}[ApiPath<'post'>];

/**
 * POSTs a file upload like `api.post` (same headers, same result or ApiError), reporting the
 * fraction of the body sent so far. XMLHttpRequest because fetch reports no upload progress.
 */
export function apiUpload<P extends UploadPath>(
  path: P,
  body: FormData,
  onProgress: (fraction: number) => void,
): Promise<SuccessBody<Operation<'post', P>>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_ROOT}${path}`);
    // Same-origin requests carry the session cookie without withCredentials.
    for (const [name, value] of Object.entries({ Accept: 'application/json', ...csrfHeaders('POST') })) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(networkError());
    xhr.onload = () => {
      // Hand the answer to the same parsing as fetch's: a Response built from what XHR received.
      let response: Response;
      try {
        response = new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status,
          headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
        });
      } catch {
        reject(networkError()); // a status outside 200–599, which only a broken connection gives
        return;
      }
      checked(response).then((ok) => readJson<SuccessBody<Operation<'post', P>>>(ok)).then(resolve, reject);
    };
    xhr.send(body);
  });
}
