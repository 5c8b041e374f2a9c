import { ApiError, createApi } from '../../client/api';

type Init = { method: string; headers: Record<string, string>; body: string };

function recordingFetch(body: unknown, status = 200) {
  const calls: { url: string; init: Init }[] = [];
  const fetchImpl = async (url: string, init: Init) => {
    calls.push({ url, init });
    return { ok: status < 400, status, json: async () => body };
  };
  return { calls, fetchImpl };
}

describe('client API', () => {
  test('sends the signed-in token as a bearer token, and none when signed out', async () => {
    let token: string | null = 'secret-1';
    const { calls, fetchImpl } = recordingFetch({ data: { relationTypes: [] } });
    const api = createApi(fetchImpl, '/graphql', () => token);
    await api.relationTypes();
    token = null;
    await api.relationTypes();
    expect(calls[0].init.headers.authorization).toBe('Bearer secret-1');
    expect(calls[1].init.headers).not.toHaveProperty('authorization');
    expect(calls[0].init.headers['content-type']).toBe('application/json');
  });

  test("raises the API's error code", async () => {
    const { fetchImpl } = recordingFetch({ errors: [{ message: 'stale version', extensions: { code: 'CONFLICT' } }] });
    const failure = createApi(fetchImpl, '/graphql', () => null).request('{ x }');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'CONFLICT', message: 'stale version' });
  });
});
