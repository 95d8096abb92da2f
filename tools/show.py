"""Print edges matching a filter with their quotes: python3 tools/show.py 'PYTHON-EXPR over e,a,b'"""
import sys, os
sys.path.insert(0, os.path.dirname(__file__)); import ronpy
d = ronpy.load('graph-data/shenzhen.ron')
N = {n['id']: n for n in d['nodes']}
for i, e in enumerate(d['edges']):
    a, b = N[e['from']], N[e['to']]
    if eval(sys.argv[1]):
        print(f"#{i} {e['from']}[{a['kind']} {a['name']['zh']}] -{e['rel']}-> {e['to']}[{b['kind']} {b['name']['zh']}] y={e.get('year')} inf={e.get('inferred',False)} {e.get('attrs') or ''}")
        for c in e['cites']:
            print(f"     {c['source']}: {c['quote']}" + (f"  ‹{c['context']}›" if c.get('context') else ''))
