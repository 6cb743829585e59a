#!/usr/bin/env bash
# Time the students, the teacher (CRAFT x4) and bicubic on a GPU (SpeedConfig.gpu(): fp32, fp16, bf16; eager,
# channels_last, CUDA graphs; 640x480 and 1920x1080 output; batch 1 and 8). Writes results/speed_gpu.json, .md, .png.
#
# Usage, from anywhere:   scripts/gpu_speed.sh [--teacher PATH] [--quick] [--out FILE]
#
# The package imports fastai, fastcore, fastprogress and spandrel (data, student and teacher helpers); a GPU machine
# that has torch, timm and onnxruntime but not them (and no internet) needs their wheels carried in wheels/ (not
# torch: it is far over the 64 MB a checkout may carry), made beforehand on a machine with the same Python:
#   pip download --no-deps -d wheels fastai==2.8.7 fastcore fastprogress fastdownload fasttransform plum-dispatch \
#       beartype spandrel einops python-fasthtml starlette
# plus those of matplotlib, pandas, scikit-learn and scipy if the GPU machine lacks them (on our CPU machine,
# importing distill_sharpen.speed loads exactly these distributions beyond torch's and timm's). They are installed
# here with --no-index --no-deps; `python -c "import distill_sharpen.speed"` names anything still missing. The CRAFT weights are found in ../shared/data (or $DISTILL_SHARPEN_SHARED), or passed
# with --teacher PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
if compgen -G "wheels/*.whl" > /dev/null; then python -m pip install -q --no-index --no-deps wheels/*.whl; fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv || true
python -m distill_sharpen.speed --device cuda "$@"
