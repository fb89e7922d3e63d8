"""Merge feature folders written by separate `rtqa features` runs (e.g. one per patient folder, run while the
trial was still being generated) into one folder: bags.jsonl concatenated with patch offsets shifted,
patches.f32 / positions.f32 appended. All folders must share spec.json.

  /usr/bin/python3 native-models/mergeFeatures.py OUT_DIR IN_DIR...
"""
import json
import os
import shutil
import sys


def merge(out_dir, in_dirs):
    os.makedirs(out_dir, exist_ok=True)
    spec = None
    offset = 0
    count = 0
    with open(os.path.join(out_dir, 'bags.jsonl'), 'w') as bags, open(os.path.join(out_dir, 'patches.f32'), 'wb') as pf, \
            open(os.path.join(out_dir, 'positions.f32'), 'wb') as qf:
        for d in in_dirs:
            s = json.load(open(os.path.join(d, 'spec.json')))
            if spec is None:
                spec = s
                shutil.copy(os.path.join(d, 'spec.json'), os.path.join(out_dir, 'spec.json'))
            elif s != spec:
                raise SystemExit(f'{d}: spec.json differs from the first folder; re-export with the same build')
            patches = open(os.path.join(d, 'patches.f32'), 'rb').read()
            positions = open(os.path.join(d, 'positions.f32'), 'rb').read()
            local = 0
            for line in open(os.path.join(d, 'bags.jsonl')):
                if not line.strip():
                    continue
                bag = json.loads(line)
                if bag.get('patches'):
                    local = max(local, bag['patches']['offset'] + bag['patches']['count'])
                    bag['patches']['offset'] += offset
                bags.write(json.dumps(bag) + '\n')
                count += 1
            per_patch = len(spec['patchChannels']) * spec['patchSizeVoxels'] ** 3 * 4
            if len(patches) != local * per_patch or len(positions) != local * 12:
                raise SystemExit(f'{d}: patches.f32 / positions.f32 sizes do not match bags.jsonl (incomplete export?)')
            pf.write(patches)
            qf.write(positions)
            offset += local
    print(f'{count} plan(s), {offset} patch(es) merged into {out_dir}')


if __name__ == '__main__':
    merge(sys.argv[1], sys.argv[2:])
