import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEATURE_SPEC_VERSION } from '../../common/domain/features/featureSpec';
import { loadModelCard } from './modelCard';

const modelsDir = join(__dirname, '../../../native-models/models');
const dir = mkdtempSync(join(tmpdir(), 'rtqa-card-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadModelCard', () => {
  it('accepts the shipped card whose sha256 matches its .onnx file', () => {
    const { card, modelPath } = loadModelCard(join(modelsDir, 'tabular-mil.card.json'));
    expect(card.name).toBe('tabular-mil');
    expect(modelPath.endsWith('tabular-mil.onnx')).toBe(true);
    expect(card.intendedUse).toMatch(/not for clinical decisions/i);
  });

  it('refuses a model file that does not match the card, naming both hashes', () => {
    const card = JSON.parse(readFileSync(join(modelsDir, 'tabular-mil.card.json'), 'utf8'));
    copyFileSync(join(modelsDir, 'spatial-mil.onnx'), join(dir, card.file)); // another model under this name
    writeFileSync(join(dir, 'tabular-mil.card.json'), JSON.stringify(card));
    expect(() => loadModelCard(join(dir, 'tabular-mil.card.json'))).toThrow(new RegExp(`has sha256 [0-9a-f]{64}, the card states ${card.sha256}`));
  });

  it('refuses a model trained on another feature contract, naming both versions', () => {
    const card = JSON.parse(readFileSync(join(modelsDir, 'tabular-mil.card.json'), 'utf8'));
    copyFileSync(join(modelsDir, card.file), join(dir, card.file));
    writeFileSync(join(dir, 'old.card.json'), JSON.stringify({ ...card, featureSpecVersion: 'rtqa-features-1' }));
    expect(() => loadModelCard(join(dir, 'old.card.json'))).toThrow(`trained on features rtqa-features-1, this app computes ${FEATURE_SPEC_VERSION}`);
  });

  it('refuses a card that misses required fields, saying which', () => {
    writeFileSync(join(dir, 'broken.card.json'), JSON.stringify({ name: 'x' }));
    expect(() => loadModelCard(join(dir, 'broken.card.json'))).toThrow(/invalid model card: .*version/);
  });
});
