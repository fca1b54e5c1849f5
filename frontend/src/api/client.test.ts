import { describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../test/fetchMock';
import { mockXhr } from '../test/fakeXhr';
import { ApiError, api, apiUpload } from './client';

describe('api requests', () => {
  it('turns an error response into an ApiError with status, code, detail and field', async () => {
    mockFetch({
      'POST /api/v1/invitations/': {
        status: 400,
        body: { code: 'already_member', detail: 'Bob is already a member.', field: 'email' },
      },
    });

    const error = await api.post('/invitations/', { body: { email: 'bob@example.com', role: 'viewer' } }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'already_member', detail: 'Bob is already a member.', field: 'email' });
  });

  it('uses null for a missing field and a fallback for a non-JSON error body', async () => {
    mockFetch({ 'GET /api/v1/members/': { status: 403, body: { code: 'permission_denied', detail: 'Nope.' } } });
    await expect(api.get('/members/')).rejects.toMatchObject({ status: 403, code: 'permission_denied', field: null });

    vi.stubGlobal('fetch', async () => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(api.get('/members/')).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
      detail: 'Request failed with status 502.',
    });
  });

  it('reports a network failure as an ApiError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/me/')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('sends the csrftoken cookie as X-CSRFToken and a JSON body on POST', async () => {
    document.cookie = 'csrftoken=tok%2B123';
    const requests = mockFetch({ 'POST /api/v1/api-keys/': { status: 201, body: { id: 2 } } });

    const created = await api.post('/api-keys/', { body: { name: 'CI', role: 'viewer' } });

    expect(created).toEqual({ id: 2 });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.headers.get('X-CSRFToken')).toBe('tok+123');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.body).toEqual({ name: 'CI', role: 'viewer' });
    expect(request?.credentials).toBe('same-origin');
  });

  it('sends a FormData body as multipart: as is, without a JSON Content-Type, with the CSRF header', async () => {
    document.cookie = 'csrftoken=tok123';
    const requests = mockFetch({ 'POST /api/v1/knowledge/sources/upload/': { status: 201, body: { id: 5 } } });
    const form = new FormData();
    form.append('file', new File(['hello'], 'notes.txt', { type: 'text/plain' }));

    await api.post('/knowledge/sources/upload/', { body: form });

    const [request] = requests;
    expect(request?.body).toBe(form);
    expect(request?.headers.has('Content-Type')).toBe(false);
    expect(request?.headers.get('X-CSRFToken')).toBe('tok123');
  });

  it('does not send the CSRF header on GET, and resolves 204 to undefined', async () => {
    document.cookie = 'csrftoken=tok123';
    const requests = mockFetch({
      'GET /api/v1/me/': { body: { role: 'owner' } },
      'DELETE /api/v1/api-keys/2/': { status: 204 },
    });

    await api.get('/me/');
    await expect(api.delete('/api-keys/{key_id}/', { params: { key_id: 2 } })).resolves.toBeUndefined();

    expect(requests[0]?.headers.has('X-CSRFToken')).toBe(false);
    expect(requests[1]?.headers.get('X-CSRFToken')).toBe('tok123');
  });
});

describe('api (typed from the OpenAPI schema)', () => {
  it('fills path parameters, adds the query and sends the body', async () => {
    document.cookie = 'csrftoken=tok123';
    const requests = mockFetch({
      'POST /api/v1/widget/keys/3/rotate/': { status: 201, body: { id: 4, key: 'pk_new' } },
      'GET /api/v1/widget/keys/?page=2': { body: { count: 0, next: null, previous: null, results: [] } },
      'PATCH /api/v1/assistant/settings/': { body: { name: 'Ava' } },
    });

    const rotated = await api.post('/widget/keys/{key_id}/rotate/', { params: { key_id: 3 } });
    await api.get('/widget/keys/', { query: { page: 2 } });
    await api.patch('/assistant/settings/', { body: { name: 'Ava' } });

    expect(rotated.key).toBe('pk_new');
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /api/v1/widget/keys/3/rotate/',
      'GET /api/v1/widget/keys/?page=2',
      'PATCH /api/v1/assistant/settings/',
    ]);
    expect(requests[2]?.body).toEqual({ name: 'Ava' });
  });

  it('refuses, at compile time, paths, methods, parameters and bodies the schema does not have', () => {
    // Never called: only type-checked (npm run lint).
    const unchecked = () => {
      // @ts-expect-error not a path of the API
      void api.get('/no-such-thing/');
      // @ts-expect-error the settings cannot be deleted
      void api.delete('/assistant/settings/');
      // @ts-expect-error a path parameter is required
      void api.delete('/widget/keys/{key_id}/');
      // @ts-expect-error the field is not part of the body
      void api.patch('/assistant/settings/', { body: { nickname: 'Ava' } });
      // @ts-expect-error the inbox has no such filter
      void api.get('/conversations/', { query: { colour: 'red' } });
      // @ts-expect-error not a conversation status
      void api.get('/conversations/', { query: { status: 'closed' } });
      // @ts-expect-error a JSON body, not a file upload
      void api.post('/api-keys/', { body: new FormData() });
    };
    expect(unchecked).toBeInstanceOf(Function);
  });
});

describe('apiUpload', () => {
  function form(): FormData {
    const body = new FormData();
    body.append('file', new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    return body;
  }

  it('posts the form with the typed client’s headers, reports progress and resolves to the JSON body', async () => {
    document.cookie = 'csrftoken=tok123';
    const sent = mockXhr();
    const body = form();
    const fractions: number[] = [];

    const uploading = apiUpload('/knowledge/sources/upload/', body, (fraction) => fractions.push(fraction));
    const [xhr] = sent;
    xhr?.progress(25, 100);
    xhr?.progress(100, 100);
    xhr?.respond(201, { id: 5, name: 'notes.txt' });

    await expect(uploading).resolves.toEqual({ id: 5, name: 'notes.txt' });
    expect(fractions).toEqual([0.25, 1]);
    expect(xhr).toMatchObject({ method: 'POST', url: '/api/v1/knowledge/sources/upload/', body });
    expect(xhr?.headers.get('X-CSRFToken')).toBe('tok123');
    expect(xhr?.headers.get('Accept')).toBe('application/json');
    expect(xhr?.headers.has('Content-Type')).toBe(false);
  });

  it('rejects with the same ApiError as the typed client for a 400, a 413 and a lost connection', async () => {
    const sent = mockXhr();

    const refused = apiUpload('/knowledge/sources/upload/', form(), () => {});
    sent[0]?.respond(400, { code: 'file_too_large', detail: 'This file is larger than 1 MB.', field: 'file' });
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'file_too_large', field: 'file' });

    // A proxy refusing a too large body answers with its own HTML page.
    const tooLarge = apiUpload('/knowledge/sources/upload/', form(), () => {});
    sent[1]?.respond(413, '<h1>413 Request Entity Too Large</h1>');
    await expect(tooLarge).rejects.toMatchObject({ status: 413, code: 'http_error', detail: 'Request failed with status 413.' });

    const lost = apiUpload('/knowledge/sources/upload/', form(), () => {});
    sent[2]?.fail();
    await expect(lost).rejects.toBeInstanceOf(ApiError);
    await expect(lost).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('accepts, at compile time, only file-upload paths', () => {
    const unchecked = () => {
      // @ts-expect-error a JSON body, not a file upload
      void apiUpload('/api-keys/', new FormData(), () => {});
    };
    expect(unchecked).toBeInstanceOf(Function);
  });
});
