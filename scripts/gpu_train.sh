#!/usr/bin/env bash
# Train the shipped students on one GPU within a time budget, as one prepared script: the default and the tiny x4
# students, recipe 'best', distilled from CRAFT x4 (the teacher on these machines). (The shipped x2 student needs no
# GPU: its recipe, 'original' without a teacher, runs on a CPU, see nbs/04_distillation.ipynb.)
# The two runs share the GPU side by side; each times its own training step under that load and fits its
# one-cycle schedule into the budget (`distill-sharpen-train --minutes`). Checkpoints are saved every epoch, so
# running the same command again continues the runs, with the schedules they planned, instead of starting over.
#
# Usage, from anywhere:   scripts/gpu_train.sh MINUTES [RUNS]
#   MINUTES  wall-clock budget of the training runs (the patches and the teacher's outputs come first, a minute or so)
#   RUNS     folder of the runs (default: artefacts/runs)
# Data: ../shared/data (or $DISTILL_SHARPEN_SHARED) holds train/ and weights/craft_x4/. A lent GPU machine sees
# neither ../shared nor the network: `scripts/gpu_carry.sh` assembles carry/ with the wheels it lacks, the teacher
# and the photographs that fit, and the run sets DISTILL_SHARPEN_SHARED=carry/shared/data. Where $OUT is set (the
# device tool's folder that comes back), each run's record, log and best weights are copied there at the end.
# Its first minute proves the machine works: one CUDA call, then one short training run on the GPU.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: scripts/gpu_train.sh MINUTES [RUNS]}
out=${2:-artefacts/runs}
# Each run is stopped 3 minutes after its budget at the latest (loading, timing and the last epoch's checkpoint).
limit=$(python -c 'import math, sys; m = float(sys.argv[1]); assert m > 0; print(math.ceil(m*60) + 180)' "$minutes" 2>/dev/null) \
  || { echo "usage: scripts/gpu_train.sh MINUTES [RUNS]; MINUTES must be a positive number, got '$minutes'" >&2; exit 2; }
for folder in wheels carry/wheels; do
  if compgen -G "$folder/*.whl" > /dev/null; then python -m pip install -q --no-index --no-deps "$folder"/*.whl; fi
done
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 PYTHONFAULTHANDLER=1
mkdir -p "$out"
# Fail fast, and say so, if the GPU does not answer: a first CUDA call that hangs would otherwise eat the whole budget.
timeout 60 python -c "import torch; torch.ones(1, device='cuda').sum().item()" \
  || { echo "$(basename "$0"): CUDA is not usable here (no GPU, or no answer within 60 s: see above, and nvidia-smi); nothing was run" >&2; exit 1; }
# One short run of the tiny recipe on the GPU: imports, data, fp16 training and checkpoints work, or we stop here.
smoke=$(mktemp -d)
timeout 120 python -m distill_sharpen.distill --recipe tiny --teacher bicubic --out "$smoke" --name smoke \
    --source "$(python -c 'from distill_sharpen.data import embedded_photos; print(embedded_photos()[0].parent)')" > "$smoke/log" 2>&1 \
  && grep -q '"device": "cuda' "$smoke/smoke/record.json" \
  || { tail -n 20 "$smoke/log" >&2; echo "$(basename "$0"): the one-minute training check failed (above); nothing else was run" >&2; exit 1; }
echo "training check passed on the GPU: $(python -c 'import json, sys; r = json.load(open(sys.argv[1])); print(r["precision"], r["minutes"], "min")' "$smoke/smoke/record.json")"

# 1. Cut the patches and cache the teacher's outputs once, before the runs read them side by side.
python - <<'EOF'
import time
from distill_sharpen.data import patch_pairs, shared_train_dir
from distill_sharpen.teacher import cache_teacher_outputs, load_teacher
from distill_sharpen.distill import TrainConfig
start = time.time()
teacher = load_teacher('craft-x4').to('cuda')
pairs = patch_pairs(shared_train_dir(), TrainConfig.best().patches(), progress=False)
cache_teacher_outputs(teacher, pairs, bs=64, progress=False)
print(f"patches and teacher outputs ready in {time.time() - start:.0f} s", flush=True)
EOF

# 2. The runs, side by side; a run still going at the limit is stopped (its checkpoints stay). Stopping this script
#    stops them too, so that a rerun never finds two processes writing one run.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT INT TERM
train() { timeout "$limit" python -m distill_sharpen.distill --out "$out" "$@"; }
train --recipe best --student default --minutes "$minutes" --name best_default_x4_craft > "$out/best_default_x4.log" 2>&1 &
train --recipe best --student tiny --minutes "$minutes" --name best_tiny_x4_craft > "$out/best_tiny_x4.log" 2>&1 &
status=0
for job in $(jobs -p); do wait "$job" || status=$?; done
tail -n 3 "$out"/*.log
if [ -n "${OUT:-}" ]; then   # bring the runs back: record, log and best weights of each
  for run in best_default_x4_craft best_tiny_x4_craft; do
    [ -d "$out/$run" ] || continue
    mkdir -p "$OUT/$run"
    cp "$out/$run/record.json" "$out/$run/models/best_student_model.pth" "$OUT/$run/" 2>/dev/null || true
  done
  cp "$out"/best_*_x4.log "$OUT/" 2>/dev/null || true
fi
exit $status
