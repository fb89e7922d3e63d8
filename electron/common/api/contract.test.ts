import { describe, expect, it } from 'vitest';
import type { Grade } from '../domain/protocol/protocolSchema';
import { CALL_NAMES, apiContract } from './contract';
import { createApiClient } from './createApiClient';
import { dispatchCall } from './dispatchCall';
import { parseVoxelPath, voxelPath } from './voxelPaths';
import { validateCallInput } from './validateCallInput';
import type { ApiGrade } from './vocabularySchemas';
import { ApiCallError, type ApiHandlers } from './index';

// the API's grade vocabulary is the protocol's, both ways
const gradeFromApi: Grade = 'major' as ApiGrade;
const gradeToApi: ApiGrade = 'minor' as Grade;

describe('validateCallInput', () => {
  it('names an unknown call', () => {
    const result = validateCallInput('dropDatabase', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNKNOWN_CALL');
      expect(result.error.message).toContain('dropDatabase');
    }
  });

  it('does not treat inherited object keys as calls', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const result = validateCallInput(name, {});
      expect(result.ok && name).toBe(false);
    }
  });

  it('names the offending field of a malformed input', () => {
    const result = validateCallInput('saveReview', {
      planId: 'p1', reviewer: 'A. Physicist', overallGrade: 'major',
      findings: [{ findingId: 'f1', decision: 'override', reason: '' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.issues?.map((i) => i.path)).toContain('findings.0.reason');
    }
  });

  it('refuses extra keys and ids that could escape a path', () => {
    expect(validateCallInput('getPlanReview', { planId: 'p1', extra: 1 }).ok).toBe(false);
    expect(validateCallInput('getPlanReview', { planId: '../../etc/passwd' }).ok).toBe(false);
    expect(validateCallInput('getPlanReview', { planId: 'p1' }).ok).toBe(true);
  });

  it('accepts a call without arguments sent without a body', () => {
    expect(validateCallInput('listTrials', undefined).ok).toBe(true);
  });
});

describe('voxel paths', () => {
  it('round-trips plan id and kind', () => {
    expect(parseVoxelPath(voxelPath('plan:42', 'dose'))).toEqual({ planId: 'plan:42', kind: 'dose' });
  });
  it('refuses anything else', () => {
    for (const p of ['/voxels/p1/ct/../x', '/voxels/p1/mri', '/voxels/%2e%2e/ct', '/voxels//ct', '/other/p1/ct', '/voxels/%E0%A4%A/ct']) {
      expect(parseVoxelPath(p)).toBeNull();
    }
  });
});

describe('dispatchCall', () => {
  const handlers = {
    listTrials: async () => ({ trials: [] }),
    getAppInfo: async () => ({ appVersion: 1 }),
    getPlanReview: async () => { throw new ApiCallError('NOT_FOUND', 'no plan p9'); },
    getAuditLog: async () => { throw new Error('disk I/O error'); },
  } as unknown as ApiHandlers;

  it('returns data, typed errors, internal errors and catches answers outside the contract', async () => {
    expect(await dispatchCall(handlers, 'listTrials', {})).toEqual({ ok: true, data: { trials: [] } });
    expect(await dispatchCall(handlers, 'getPlanReview', { planId: 'p9' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no plan p9' } });
    const internal = await dispatchCall(handlers, 'getAuditLog', { planId: 'p1' });
    expect(!internal.ok && internal.error.code === 'INTERNAL' && internal.error.message.includes('disk I/O error')).toBe(true);
    const broken = await dispatchCall(handlers, 'getAppInfo', {});
    expect(!broken.ok && broken.error.code).toBe('INTERNAL');
  });
});

describe('createApiClient', () => {
  it('has one method per contract call and sends nothing for a refused call', async () => {
    const sent: string[] = [];
    const client = createApiClient(async (name) => { sent.push(name); return { ok: true, data: { trials: [] } }; });
    expect(CALL_NAMES.every((n) => typeof client[n] === 'function')).toBe(true);
    expect(Object.keys(apiContract).length).toBe(CALL_NAMES.length);
    expect((await client.call('nope', {})).ok).toBe(false);
    expect((await client.getPlanReview({ planId: '' })).ok).toBe(false);
    expect(sent).toEqual([]);
    expect(await client.listTrials({})).toEqual({ ok: true, data: { trials: [] } });
    expect(sent).toEqual(['listTrials']);
  });

  it('refuses an answer that is not an envelope', async () => {
    const client = createApiClient(async () => ({ trials: [] }));
    const result = await client.listTrials({});
    expect(!result.ok && result.error.code).toBe('INTERNAL');
  });
});

void gradeFromApi; void gradeToApi;
