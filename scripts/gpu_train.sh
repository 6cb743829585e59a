#!/usr/bin/env bash
# Train the shipped students on one GPU within a time budget, as one prepared script:
#   - the default and the tiny x4 students, recipe 'best', distilled from CRAFT x4 (the teacher on these machines);
#   - a default x2 student, recipe 'original', without a teacher (there is no x2 teacher here), for the x2 protocol.
# The three runs share the GPU side by side; each times its own training step under that load and fits its one-cycle
# schedule into the budget (`distill-sharpen-train --minutes`). Checkpoints are saved every epoch, so running the
# same command again continues the runs instead of starting over.
#
# Usage, from anywhere:   scripts/gpu_train.sh MINUTES [OUT]
#   MINUTES  wall-clock budget of the training runs (the patches and the teacher's outputs come first, a minute or so)
#   OUT      folder of the runs (default: artefacts/runs)
# Data: ../shared/data (or $DISTILL_SHARPEN_SHARED) holds train/ and weights/craft_x4/. A GPU machine without
# fastai, fastcore or spandrel needs their wheels installed first (see scripts/gpu_speed.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: scripts/gpu_train.sh MINUTES [OUT]}
out=${2:-artefacts/runs}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
mkdir -p "$out"
# Fail fast, and say so, if the GPU does not answer: a first CUDA call that hangs would otherwise eat the whole budget.
timeout 60 python -c "import torch; torch.ones(1, device='cuda').sum().item()" \
  || { echo "$(basename "$0"): CUDA did not answer within 60 s (nvidia-smi; check the driver), nothing was run" >&2; exit 1; }

# 1. Cut the patches and cache the teacher's outputs once, before the runs read them side by side.
python - <<'EOF'
import time
from distill_sharpen.distill import *
start = time.time()
teacher = load_teacher('craft-x4').to('cuda')
pairs = patch_pairs(shared_train_dir(), TrainConfig.best().patches(), progress=False)
cache_teacher_outputs(teacher, pairs, bs=64, progress=False)
patch_pairs(shared_train_dir(), TrainConfig(scale=2).patches(), progress=False)
print(f"patches and teacher outputs ready in {time.time() - start:.0f} s", flush=True)
EOF

# 2. The runs, side by side; a run still going a minute past the budget is stopped (its checkpoints stay).
train() { timeout $(( ${minutes%.*}*60 + 90 )) python -m distill_sharpen.distill --out "$out" --minutes "$minutes" "$@"; }
train --recipe best --student default --name best_default_x4_craft > "$out/best_default_x4.log" 2>&1 &
train --recipe best --student tiny --name best_tiny_x4_craft > "$out/best_tiny_x4.log" 2>&1 &
train --recipe original --scale 2 --teacher none --name original_default_x2_none > "$out/original_default_x2.log" 2>&1 &
status=0
for job in $(jobs -p); do wait "$job" || status=$?; done
tail -n 3 "$out"/*.log
exit $status
