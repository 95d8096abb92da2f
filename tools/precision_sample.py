"""Draw a reproducible sample of edges for a precision reading (issue #16 part 7).

Usage: python3 tools/precision_sample.py graph-data/shenzhen.ron SEED N [SEEDS_DIR]
Prints each sampled edge with both ends, its citations and the text around each quote."""
import random, re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
import ronpy

path, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seeds = sys.argv[4] if len(sys.argv) > 4 else '../shared/seeds'
d = ronpy.load(path)
files = {s['id']: s['file'] for s in d['sources']}
texts = {}
def around(src, quote):
    if src not in texts:
        texts[src] = open(os.path.join(seeds, files[src]), encoding='utf-8').read()
    t = texts[src]
    sq = re.sub(r'\s', '', quote)
    flat = re.sub(r'\s', '', t)
    k = flat.find(sq)
    if k < 0: return '<<NOT FOUND>>'
    return flat[max(0, k - 60):k] + '【' + sq + '】' + flat[k + len(sq):k + len(sq) + 40]
nodes = {x['id']: x for x in d['nodes']}
rng = random.Random(seed)
idx = sorted(rng.sample(range(len(d['edges'])), n))
for no, i in enumerate(idx, 1):
    e = d['edges'][i]
    a, b = nodes[e['from']], nodes[e['to']]
    print(f"## {no}. edge #{i}: {e['from']} ({a['kind']} {a['name']['zh']}) -{e['rel']}-> {e['to']} ({b['kind']} {b['name']['zh']}) year={e.get('year')} inferred={e.get('inferred', False)} attrs={e.get('attrs', {})}")
    for c in e['cites']:
        ctx = c.get('context')
        print(f"   [{c['source']}]{' ctx=' + ctx if ctx else ''} …{around(c['source'], c['quote'])}…")
