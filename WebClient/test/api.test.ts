import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../src/api';

const answer = (status: number, body: string, type: string) => new Response(body, { status, headers: { 'Content-Type': type } });

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands a file over as it came', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, 'variant = "NT"\n', 'text/plain')));
    expect(await (await api.blob('/api/tables/t1/hands/3/phh')).text()).toBe('variant = "NT"\n');
  });

  it('throws a refused file instead of handing over the problem as the file', async () => {
    const problem = JSON.stringify({ title: 'Not found', detail: 'No hand 3 at t1', code: 'not_found' });
    vi.stubGlobal('fetch', vi.fn(async () => answer(404, problem, 'application/problem+json')));

    const error = await api.blob('/api/tables/t1/hands/3/phh').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'No hand 3 at t1' });
  });
});
