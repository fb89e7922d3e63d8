import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { featureSpecAsJson } from '../../common/domain/features/featureSpec';
import type { PlanFeatures } from '../../common/domain/features/buildPlanFeatures';

/**
 * Writes features for training in the layout native-models/rtqa_models/data.py reads:
 * spec.json (the feature contract), bags.jsonl (one plan per line: organ instances, clinical vector,
 * where its patches are and their anchors), patches.f32 and positions.f32 (little-endian float32, patches appended in order).
 */
export class FeatureExportWriter {
  private readonly bags: number;
  private readonly patchFile: number;
  private readonly positionFile: number;
  private patchOffset = 0;
  count = 0;

  constructor(readonly outDir: string) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'spec.json'), JSON.stringify(featureSpecAsJson(), null, 1));
    this.bags = openSync(join(outDir, 'bags.jsonl'), 'w');
    this.patchFile = openSync(join(outDir, 'patches.f32'), 'w');
    this.positionFile = openSync(join(outDir, 'positions.f32'), 'w');
  }

  add(features: PlanFeatures): void {
    let patches: { offset: number; count: number; anchors: number[] } | null = null;
    if (features.patches && features.patches.count > 0) {
      const p = features.patches;
      writeSync(this.patchFile, new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength));
      writeSync(this.positionFile, new Uint8Array(p.positions.buffer, p.positions.byteOffset, p.positions.byteLength));
      patches = { offset: this.patchOffset, count: p.count, anchors: Array.from(p.anchorIds) };
      this.patchOffset += p.count;
    }
    const line = {
      patientId: features.patientId, planUid: features.planUid, planningSystem: features.planningSystem,
      organs: features.tabular.instances.map((i) => ({ name: i.tg263Name, organIndex: i.organIndex, features: i.features })),
      clinical: features.tabular.clinical, missingClinical: features.tabular.missingClinical, patches, warnings: features.warnings,
    };
    writeSync(this.bags, JSON.stringify(line) + '\n');
    this.count += 1;
  }

  close(): void {
    closeSync(this.bags);
    closeSync(this.patchFile);
    closeSync(this.positionFile);
  }
}
