#!/usr/bin/env bash
# Assemble carry/ (ignored by git) for a run on a lent GPU machine, which reaches no network and does not see
# ../shared: the wheels of what it lacks (fastai, fastcore, spandrel... for its Python 3.12), the CRAFT teacher's
# weights, and the training photographs that fit in the 64 MiB a run may carry with the checkout (every folder of
# shared/data/train but the two largest, debian-wallpapers and SunHays80). Then, on the GPU machine, with carry/:
#   DISTILL_SHARPEN_SHARED=carry/shared/data scripts/gpu_train.sh 7
#
# Usage, from anywhere:   scripts/gpu_carry.sh [SHARED]    (SHARED: the shared data folder, default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-${DISTILL_SHARPEN_SHARED:-../shared/data}}
[ -f "$shared/README.md" ] || { echo "$(basename "$0"): $shared is not the shared data folder (no README.md); pass its path" >&2; exit 1; }
rm -rf carry && mkdir -p carry/wheels carry/shared/data/train carry/shared/data/weights
python -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 -d carry/wheels \
  fastai==2.8.7 'fastcore>=1.8,<2' fastprogress==1.0.3 fastdownload fasttransform plum-dispatch beartype spandrel
cp "$shared/README.md" carry/shared/data/
cp -r "$shared/weights/craft_x4" carry/shared/data/weights/
for folder in BSDS500 skimage_data sklearn_sample_images matplotlib_sample_data; do
  cp -r "$shared/train/$folder" carry/shared/data/train/
done
tracked=$(git ls-files -z | xargs -0 du -cb | tail -n 1 | cut -f1); carried=$(du -sb carry | cut -f1)
echo "carry/ $((carried/1048576)) MiB + the checkout's tracked files $((tracked/1048576)) MiB, of the 64 MiB a run may carry"
[ $((carried + tracked)) -le $((64*1048576)) ] || { echo "$(basename "$0"): over 64 MiB: leave out a folder of photographs" >&2; exit 1; }
