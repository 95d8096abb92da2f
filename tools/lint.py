"""Python mirror of `model::lint` for fast curation loops: python3 tools/lint.py [FILE]"""
import sys, os
sys.path.insert(0, os.path.dirname(__file__)); import ronpy
d = ronpy.load(sys.argv[1] if len(sys.argv) > 1 else 'graph-data/shenzhen.ron')
v = ronpy.load('graph-data/shenzhen.vocab.ron')
R = {r['id']: r for r in v['relations']}
N = {n['id']: n for n in d['nodes']}
inside = set()
for e in d['edges']:
    if e['rel'] in ('PartOf', 'LocatedIn'): inside.add((e['from'], e['to']))
    if e['rel'] == 'Hosts': inside.add((e['to'], e['from']))
n = 0
for i, e in enumerate(d['edges']):
    a, b = N[e['from']]['kind'], N[e['to']]['kind']
    r = R.get(e['rel'])
    if r and ((r.get('from') and a not in r['from']) or (r.get('to') and b not in r['to'])):
        n += 1; print(f"#{i} {e['from']} -{e['rel']}-> {e['to']}: {a} to {b}")
    p = (e['from'], e['to']) if e['rel'] in ('PartOf', 'LocatedIn') else (e['to'], e['from']) if e['rel'] == 'Hosts' else None
    if p and p[0] != p[1] and (p[1], p[0]) in inside:
        n += 1; print(f"#{i} {e['from']} -{e['rel']}-> {e['to']}: containment contradiction")
print(n, 'warnings')
