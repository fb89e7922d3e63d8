import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProtocolYaml, ProtocolError } from '../../electron/common/domain/protocol/parseProtocolYaml';

const protocolDir = join(__dirname, '..', '..', 'resources', 'protocols');
const shipped = readdirSync(protocolDir).filter((f) => f.endsWith('.yaml'));

describe('shipped protocol files', () => {
  it('include the GORTEC-style and RTOG-0522-style files', () => {
    expect(shipped).toEqual(expect.arrayContaining(['gortec-hn-like-1.0.yaml', 'rtog-0522-like-1.0.yaml']));
  });
  for (const file of shipped) {
    it(`${file} parses, its id/version match the file name, every constraint names its source`, () => {
      const protocol = parseProtocolYaml(readFileSync(join(protocolDir, file), 'utf8'), file);
      expect(`${protocol.id}-${protocol.version}.yaml`).toBe(file);
      for (const c of protocol.constraints) expect(c.source.length).toBeGreaterThan(10);
    });
  }
  it('GORTEC-style numbers are those of reference §1.2 (S4)', () => {
    const p = parseProtocolYaml(readFileSync(join(protocolDir, 'gortec-hn-like-1.0.yaml'), 'utf8'), 'gortec');
    const byId = new Map(p.constraints.map((c) => [c.id, c]));
    expect(byId.get('cord-d2')).toMatchObject({ structure: 'SpinalCord', metric: 'D2%', perProtocol: 45, minor: 48 });
    expect(byId.get('brainstem-d2')).toMatchObject({ perProtocol: 54 });
    expect(byId.get('parotid-contra-dmean')).toMatchObject({ bestOf: ['Parotid_L', 'Parotid_R'], perProtocol: 30 });
    expect(byId.get('oral-cavity-v30')).toMatchObject({ unit: '%', perProtocol: 65 });
  });
  it('every number in a shipped constraint line has a source comment', () => {
    for (const file of shipped.filter((f) => f !== 'synthetic-hn-trial-1.0.yaml')) {
      const lines = readFileSync(join(protocolDir, file), 'utf8').split('\n');
      for (const line of lines) {
        if (/^\s*(perProtocol|minor|doseGy):\s*[\d.]+/.test(line) || /doseGy:\s*\d/.test(line)) expect(line, `${file}: ${line}`).toMatch(/#\s*\S/);
      }
    }
  });
});

/** A valid minimal protocol; each malformed case edits one line of it. */
const VALID = `id: test-protocol
name: Test
version: "1.0"
schedules:
  - id: s1
    description: 70 Gy in 35 fx
    fractions: 35
    doseLevels:
      - { target: PTV_High, doseGy: 70 }
requiredStructures: [SpinalCord]
constraints:
  - id: cord
    structure: SpinalCord
    metric: D0.03cc
    comparator: "<="
    unit: Gy
    perProtocol: 45
    minor: 48
    source: test
`;

function problemsOf(text: string): string {
  try {
    parseProtocolYaml(text, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as Error).message;
  }
  throw new Error('the malformed protocol was accepted');
}

describe('malformed protocol files are rejected with the file name and the line', () => {
  it('the valid base parses', () => expect(parseProtocolYaml(VALID, 'ok.yaml').constraints).toHaveLength(1));
  it('bad metric name (line 14)', () => {
    const message = problemsOf(VALID.replace('metric: D0.03cc', 'metric: D0.03ccm'));
    expect(message).toContain('bad.yaml');
    expect(message).toMatch(/line 14: constraints\.0\.metric/);
  });
  it('minor limit on the wrong side of the per-protocol limit (line 18)', () => {
    expect(problemsOf(VALID.replace('minor: 48', 'minor: 40'))).toMatch(/line 18: .*minor limit 40 must lie beyond/);
  });
  it('missing source field: reported at the constraint (line 12)', () => {
    expect(problemsOf(VALID.replace('    source: test\n', ''))).toMatch(/line 12: constraints\.0\.source/);
  });
  it('YAML syntax error (mis-indented key, line 7)', () => {
    expect(problemsOf(VALID.replace('    fractions: 35', '   fractions: 35'))).toMatch(/line 7: /);
  });
  it('YAML syntax error (unclosed flow mapping opened on line 9) names a line', () => {
    expect(problemsOf(VALID.replace('{ target: PTV_High, doseGy: 70 }', '{ target: PTV_High, doseGy: 70'))).toMatch(/line (9|10): /);
  });
  it('dose metric with a volume unit (line 16)', () => {
    expect(problemsOf(VALID.replace('unit: Gy', 'unit: "%"'))).toMatch(/line 16: .*dose metric D0.03cc needs unit Gy or %Rx/);
  });
  it('duplicate constraint id', () => {
    const twice = VALID + VALID.slice(VALID.indexOf('  - id: cord'));
    expect(problemsOf(twice)).toMatch(/line 20: .*duplicate constraint id cord/);
  });
});
