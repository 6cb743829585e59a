"""Say what `nbdev_test` did not run, and why; and where the cache its runs fill is.

    python scripts/skipped_tests.py [--flags slow cuda]

nbdev_test prints only "Success." on success. Run after it (the README's test command does), this reads the
notebooks and says, in a few lines: how many cells it skipped for each flag of settings.ini's `tst_flags` not
passed with --flags (the same --flags as nbdev_test's), and how many are never run (`#| eval: false`); how many
checks need the shared data folder, and whether they were skipped here (`skip_without_shared` says why in each
notebook, but nbdev_test shows no cell output); and where the cache is, what it holds and how to clear it.
"""
import argparse, configparser, json, re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHY = {'slow': "long runs, full-size training and benchmarks", 'cuda': "they need a GPU", 'notest': "not tests"}

def directives(source:str)->dict:
    "The `#| name: value` directives at the top of a cell"
    found = {}
    for line in source.splitlines():
        if not line.startswith('#|'): break
        name, _, value = line[2:].strip().partition(' ')
        found[name.rstrip(':')] = value.strip()
    return found

def skipped(flags:list[str])->tuple[Counter, Counter, dict]:
    "Cells skipped per flag, cells never run, and per notebook the shared-data checks in the cells that run"
    tst_flags = config()['tst_flags'].split()
    per_flag, never, shared = Counter(), Counter(), {}
    for nb_path in sorted((ROOT/'nbs').glob('*.ipynb')):
        for cell in json.loads(nb_path.read_text())['cells']:
            if cell['cell_type'] != 'code': continue
            source = ''.join(cell['source'])
            d = directives(source)
            if d.get('eval') == 'false': never[nb_path.stem] += 1; continue
            if off := [f for f in tst_flags if f in d and f not in flags]: per_flag[off[0]] += 1; continue
            if n := len(re.findall(r'skip_without_shared\(', source)) - len(re.findall(r'def skip_without_shared\(', source)):
                shared[nb_path.stem] = shared.get(nb_path.stem, 0) + n
    return per_flag, never, shared

def config()->configparser.SectionProxy:
    "The DEFAULT section of settings.ini"
    parser = configparser.ConfigParser(delimiters=['=']); parser.read(ROOT/'settings.ini')
    return parser['DEFAULT']

def report(flags:list[str])->str:
    "The lines this script prints"
    from distill_sharpen.data import SHARED_RULE, cache_report, shared_data_dir
    per_flag, never, shared = skipped(flags)
    lines = [f"nbdev_test skipped {sum(per_flag.values())} flagged cells: " +
             (', '.join(f"{n} {flag} ({WHY.get(flag, 'flagged')}; nbdev_test --flags {flag})" for flag, n in per_flag.items()) or 'none'),
             f"{sum(never.values())} cells are never run by the tests (eval: false: downloads, the app launched from a shell)"]
    n_shared = sum(shared.values())
    where = ', '.join(f"{k} {v}" for k, v in shared.items())
    lines.append(f"{n_shared} checks need the shared data folder ({where}): " +
                 (f"run, with {shared_data_dir()}" if shared_data_dir() else f"skipped, since none is here; they need {SHARED_RULE}"))
    return '\n'.join(lines + [cache_report()])

if __name__ == '__main__':
    p = argparse.ArgumentParser(description="Say what nbdev_test did not run, and why; and where the cache is")
    p.add_argument('--flags', nargs='*', default=[], help="the --flags given to nbdev_test")
    print(report(p.parse_args().flags))
