import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, isAppUrl, routeAppUrl } from './appOrigin';

describe('app origin checks (Electron main)', () => {
  it('trusts only rtqa://app pages as IPC senders', () => {
    expect(isAppUrl('rtqa://app/index.html')).toBe(true);
    expect(isAppUrl('rtqa://app/#/plan/3')).toBe(true);
    for (const url of ['https://app/index.html', 'rtqa://evil/index.html', 'file:///tmp/index.html', 'rtqa://user:pw@app/', 'about:blank', '', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('lets only in-app requests through the session', () => {
    expect(isAllowedRequestUrl('rtqa://app/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('blob:rtqa://app/1234')).toBe(true);
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://localhost/']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('routes assets and both voxel URL forms', () => {
    expect(routeAppUrl('rtqa://app/assets/a.js')).toEqual({ kind: 'asset', path: '/assets/a.js' });
    expect(routeAppUrl('rtqa://app/voxels/12/ct')).toEqual({ kind: 'voxels', path: '/voxels/12/ct' });
    expect(routeAppUrl('rtqa://voxels/12/dose')).toEqual({ kind: 'voxels', path: '/voxels/12/dose' });
    expect(routeAppUrl('rtqa://other/x')).toBeNull();
    expect(routeAppUrl('https://app/x')).toBeNull();
  });
});
