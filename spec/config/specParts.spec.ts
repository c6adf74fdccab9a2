import { isDeepStrictEqual } from 'node:util';
import { SpecParts } from '../../src/config/specParts.js';
import type { ResolvedMonitorSpec } from '../../src/config/types.js';
import { makeSpec } from '../support/specs.js';

describe('SpecParts', () => {
  it('shares alike parts between specs and keeps each spec equal to what it was', () => {
    const parts = new SpecParts();
    const a = makeSpec({ name: 'a', headers: { 'X-A': '1' } });
    const b = makeSpec({ name: 'b', headers: { 'X-A': '1' } });
    const c = makeSpec({ name: 'c', headers: { 'X-A': '2' } });
    // Fresh, mutable copies (as a worker receives them): the parts are replaced in place.
    const copy = (spec: ResolvedMonitorSpec): ResolvedMonitorSpec => ({ ...spec, headers: { ...spec.headers }, tls: { ...spec.tls }, expect: { ...spec.expect } });
    const [sa, sb, sc] = [parts.spec(copy(a)), parts.spec(copy(b)), parts.spec(copy(c))];
    expect(sa.headers).toBe(sb.headers);
    expect(sa.expect).toBe(sc.expect);
    expect(sa.tls).toBe(sb.tls);
    expect(sc.headers).not.toBe(sa.headers);
    expect(isDeepStrictEqual(sa, a) && isDeepStrictEqual(sb, b) && isDeepStrictEqual(sc, c)).toBe(true);
  });

  it('tells an undefined member from an absent one', () => {
    const parts = new SpecParts();
    const withUndefined = parts.share({ ca: undefined, insecure: false });
    expect(parts.share({ insecure: false })).not.toBe(withUndefined);
  });
});
