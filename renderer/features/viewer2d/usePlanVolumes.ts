import { useEffect, useState } from 'react';
import type { VolumeDescriptor } from '../../../electron/common/api/volumeSchemas';
import { fetchVoxels } from '../../api/rtqaClient';
import { createImagingVolume } from '../../imaging/createImagingVolume';
import { descriptorGeometry } from '../../imaging/descriptorGeometry';
import { initImaging } from '../../imaging/initImaging';
import type { LoadedVolume } from './viewerTypes';

export type PlanVolumesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; ct: LoadedVolume | null; dose: LoadedVolume | null; risk: LoadedVolume | null };

const MODALITY = { ct: 'CT', dose: 'RTDOSE', risk: 'OT' } as const;

async function loadVolume(planId: string, descriptor: VolumeDescriptor, signal: AbortSignal): Promise<LoadedVolume> {
  const buffer = await fetchVoxels(descriptor.path, descriptor.byteLength, signal);
  const values = descriptor.dataType === 'int16' ? new Int16Array(buffer) : new Float32Array(buffer);
  const geometry = descriptorGeometry(descriptor);
  // no ':' in the id: cornerstone reads an image id with a colon as `scheme:` and tries to reload its slices
  // through an image loader (local volumes have none)
  const volumeId = `rtqa-${planId.replace(/[^A-Za-z0-9_-]/g, '_')}-${descriptor.kind}`;
  const frameOfReferenceUid = descriptor.frameOfReferenceUid ?? `rtqa-frame-${planId}`;
  // only the CT goes to cornerstone (GPU); dose and risk are drawn from their Float32 values on the overlays
  if (descriptor.kind === 'ct') {
    createImagingVolume({ volumeId, geometry, values, modality: MODALITY[descriptor.kind], frameOfReferenceUid, valueRange: descriptor.valueRange });
  }
  return { volumeId, geometry, values, frameOfReferenceUid, valueRange: descriptor.valueRange };
}

/**
 * Fetches a plan's CT, dose and risk bytes in parallel (no waiting for one before asking for the next) and
 * registers the CT with cornerstone. A plan change aborts the fetches still under way.
 */
export function usePlanVolumes(planId: string, volumes: { ct: VolumeDescriptor | null; dose: VolumeDescriptor | null; risk: VolumeDescriptor | null } | null): PlanVolumesState {
  const [state, setState] = useState<PlanVolumesState>({ status: 'loading' });
  useEffect(() => {
    if (!volumes) return undefined;
    const abort = new AbortController();
    setState({ status: 'loading' });
    const load = (d: VolumeDescriptor | null) => (d ? loadVolume(planId, d, abort.signal) : Promise.resolve(null));
    Promise.all([initImaging(), load(volumes.ct), load(volumes.dose), load(volumes.risk)]).then(
      ([, ct, dose, risk]) => { if (!abort.signal.aborted) setState({ status: 'ready', ct, dose, risk }); },
      (error: unknown) => { if (!abort.signal.aborted) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => abort.abort();
  }, [planId, volumes]);
  return state;
}
