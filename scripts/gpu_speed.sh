#!/usr/bin/env bash
# Time the students, the teacher (CRAFT x4) and bicubic on a GPU (SpeedConfig.gpu(): fp32, fp16, bf16; eager,
# channels_last, CUDA graphs; 640x480 and 1920x1080 output; batch 1 and 8). Writes results/speed_gpu.json, .md, .png.
#
# Usage, from anywhere:   scripts/gpu_speed.sh [--teacher PATH] [--quick] [--out FILE]
#
# The package imports fastai, fastcore, fastprogress and spandrel (data, student and teacher helpers); a GPU machine
# that has torch, timm and onnxruntime but not them (and no internet) needs their wheels carried in wheels/ (not
# torch: it is far over the 64 MB a checkout may carry), made beforehand for the GPU machine's Python (3.12 there):
#   pip download --no-deps --only-binary=:all: --python-version 3.12 --platform manylinux2014_x86_64 -d wheels \
#       fastai==2.8.7 fastcore fastprogress==1.0.3 fastdownload fasttransform plum-dispatch beartype spandrel
# (fastprogress 1.0.3 because 1.1 imports fasthtml and its web stack), plus einops, matplotlib, pandas, scikit-learn
# and scipy if the GPU machine lacks them. They are installed here with --no-index --no-deps;
# `python -c "import distill_sharpen.speed"` names anything still missing. The CRAFT weights are found in
# ../shared/data (or $DISTILL_SHARPEN_SHARED), or passed with --teacher PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
if compgen -G "wheels/*.whl" > /dev/null; then python -m pip install -q --no-index --no-deps wheels/*.whl; fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 PYTHONFAULTHANDLER=1
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv || true
# Fail fast, and say so, if the GPU does not answer: a first CUDA call that hangs would otherwise eat the whole budget.
timeout 60 python -c "import torch; torch.ones(1, device='cuda').sum().item()" \
  || { echo "$(basename "$0"): CUDA is not usable here (no GPU, or no answer within 60 s: see above, and nvidia-smi); nothing was run" >&2; exit 1; }
python -m distill_sharpen.speed --device cuda "$@"
