"""Check the documentation: every public symbol documented, and the pages checked in a real browser.

    python scripts/check_docs.py [--out results/docs] [--api-only]

0. every function and class each module exports has a docstring, and every public method a docstring and a
   `show_doc` call in its notebook (fastai's callback events excepted from `show_doc`: fastai documents them);
   `nbs/sidebar.yml` lists every notebook, in reading order, and nothing else;
1. `nbdev_proc_nbs` processes the notebooks as the docs build does (hidden cells dropped, `show_doc` rendered);
2. nbconvert renders each processed notebook to a self-contained HTML page in `_docs_html/`, its front matter
   (what Quarto reads for the title and summary) shown as a heading;
3. headless Chromium (Debian's `chromium`, driven by Playwright) opens every page and records what a reader would
   hit: script errors, console errors, failed requests, and images that do not show;
4. the report goes to OUT/check.json, with a screenshot of the home page as OUT/home.png.

Steps 1-4 need `pip install playwright` and Debian's chromium (`apt-get install chromium`); exits 1 if a page has a problem.
The Quarto site itself is built on GitHub Actions by .github/workflows/deploy.yaml.
"""
import argparse, importlib, inspect, json, os, pkgutil, shutil, subprocess, sys
from pathlib import Path
import nbconvert, nbformat, yaml
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = ('chromium', 'chromium-browser', 'google-chrome')

def fail(message:str):
    "Print `message` and exit with status 1, without a traceback"
    sys.exit(f"check_docs: {message}")

def _methods(cls)->dict:
    "The public methods `cls` defines itself (classmethods and staticmethods included, properties not)"
    out = {}
    for name, value in vars(cls).items():
        value = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value
        if not name.startswith('_') and inspect.isfunction(value) and value.__module__ == cls.__module__: out[name] = value
    return out

def undocumented(package:str='distill_sharpen')->list[str]:
    "Public functions, classes and methods of `package` without a docstring, and methods without a `show_doc`"
    from fastai.callback.core import event
    notebooks = '\n'.join(p.read_text() for p in (ROOT/'nbs').glob('*.ipynb'))
    missing = []
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        module = importlib.import_module(f'{package}.{info.name}')
        for name in getattr(module, '__all__', []):
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)): continue   # constants: documented in prose
            if not (obj.__doc__ or '').strip(): missing.append(f"{info.name}.{name}: no docstring")
            if not inspect.isclass(obj): continue
            for method, f in _methods(obj).items():
                if not (f.__doc__ or '').strip(): missing.append(f"{info.name}.{name}.{method}: no docstring")
                if not hasattr(event, method) and f'show_doc({name}.{method}' not in notebooks:
                    missing.append(f"{info.name}.{name}.{method}: no show_doc({name}.{method}) in the notebooks")
    return missing

def sidebar_problems()->list[str]:
    "Notebooks missing from `nbs/sidebar.yml`, and entries in it that are not notebooks"
    def entries(items):
        for item in items:
            if isinstance(item, dict): yield from entries(item.get('contents', []))
            else: yield item
    listed = list(entries(yaml.safe_load((ROOT/'nbs'/'sidebar.yml').read_text())['website']['sidebar']['contents']))
    notebooks = sorted(p.name for p in (ROOT/'nbs').glob('*.ipynb'))
    return ([f"sidebar.yml does not list {n}" for n in notebooks if n not in listed] +
            [f"sidebar.yml lists {e}, which is not a notebook in nbs/" for e in listed if e not in notebooks])

def render_pages(html_dir:Path)->list[Path]:
    "Process the notebooks with nbdev and render each to HTML in `html_dir`; return the pages"
    subprocess.run(['nbdev_proc_nbs'], cwd=ROOT, check=True, capture_output=True)
    shutil.rmtree(html_dir, ignore_errors=True)
    notebooks = sorted((ROOT/'_proc').glob('*.ipynb'))
    expected = sorted(p.name for p in (ROOT/'nbs').glob('*.ipynb'))
    if [p.name for p in notebooks] != expected:
        fail(f"nbdev_proc_nbs processed {[p.name for p in notebooks]}, expected {expected}; run it to see the error")
    html_dir.mkdir(parents=True)
    use_nbconvert_templates()
    for notebook in notebooks:
        nb = nbformat.read(notebook, as_version=4)
        html, _ = HTMLExporter().from_notebook_node(with_title(nb))
        (html_dir/notebook.with_suffix('.html').name).write_text(html)
    return sorted(html_dir.glob('*.html'))

def use_nbconvert_templates():
    "Let nbconvert find its own templates beside its install (a virtual environment on system packages misses them)"
    share = next((p/'share'/'jupyter' for p in Path(nbconvert.__file__).parents
                  if (p/'share'/'jupyter'/'nbconvert'/'templates').is_dir()), None)
    if share: os.environ['JUPYTER_PATH'] = os.pathsep.join(filter(None, [os.environ.get('JUPYTER_PATH'), str(share)]))

def with_title(nb):
    "Turn the YAML front matter Quarto reads (title, description) into the heading and summary a reader sees"
    first = nb.cells[0] if nb.cells else None
    if first is None or first.cell_type != 'raw' or not first.source.startswith('---'): return nb
    meta = yaml.safe_load(first.source.strip().strip('-'))
    nb.metadata['title'] = meta.get('title', '')
    nb.cells[0] = nbformat.v4.new_markdown_cell(f"# {meta.get('title', '')}\n\n> {meta.get('description', '')}")
    return nb

IMAGES_OK = """() => Array.from(document.images).map(i => ({src: i.src.slice(0, 60), ok: i.complete && i.naturalWidth > 0}))"""

def check_page(browser, page_path:Path)->tuple:
    "Open `page_path` in `browser`; return its title and every problem a reader would meet, and the open page"
    page, problems, offline = browser.new_page(viewport={'width': 1280, 'height': 900}), [], []
    def failed(request):   # a CDN script (MathJax, require.js) cannot load on an offline machine: noted, not a fault
        if request.url.startswith(('http://', 'https://')): offline.append(request.url[:100])
        else: problems.append(f"failed request: {request.url[:100]} ({request.failure})")
    page.on('pageerror', lambda e: problems.append(f"script error: {e}"))
    page.on('console', lambda m: m.type == 'error' and 'net::ERR' not in m.text and problems.append(f"console error: {m.text}"))
    page.on('requestfailed', failed)
    response = page.goto(page_path.as_uri(), wait_until='load')
    if response is not None and not response.ok: problems.append(f"HTTP {response.status}")
    images = page.evaluate(IMAGES_OK)
    problems += [f"image does not show: {i['src']}" for i in images if not i['ok']]
    result = dict(page=page_path.name, title=page.title(), images=len(images),
                  headings=page.locator('h1, h2').count(), problems=problems, offline_resources=sorted(offline))
    return result, page

def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--out', default='results/docs', help='folder of the report and the screenshot')
    parser.add_argument('--api-only', action='store_true', help='check the docstrings and show_doc calls only')
    args = parser.parse_args()
    out = ROOT/args.out
    if missing := undocumented() + sidebar_problems(): fail("the docs are incomplete:\n  " + "\n  ".join(missing))
    print("every public function, class and method has a docstring and a show_doc; the sidebar lists every notebook")
    if args.api_only: return
    try: from playwright.sync_api import sync_playwright
    except ImportError: fail("needs Playwright to drive Chromium: pip install playwright")
    chromium = next((shutil.which(c) for c in CHROMIUM if shutil.which(c)), None)
    if chromium is None: fail("needs a Chromium browser: apt-get install chromium")
    pages = render_pages(ROOT/'_docs_html')
    out.mkdir(parents=True, exist_ok=True)
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=['--no-sandbox', '--disable-gpu'])
        for path in pages:
            result, page = check_page(browser, path)
            if path.name == 'index.html': page.screenshot(path=str(out/'home.png'))
            page.close()
            results.append(result)
            print(f"{result['page']:<24} {result['images']:>3} images  {result['headings']:>3} headings  "
                  f"{'OK' if not result['problems'] else '; '.join(result['problems'])[:300]}")
        browser.close()
    report = dict(browser=chromium, pages=results, ok=all(not r['problems'] for r in results))
    (out/'check.json').write_text(json.dumps(report, indent=1))
    print(f"wrote {out/'check.json'} and {out/'home.png'}")
    if not report['ok']: fail("some pages have problems (above)")

if __name__ == '__main__': main()
