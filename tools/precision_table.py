"""Render a judged precision sample as a markdown table.

Usage: python3 tools/precision_table.py SAMPLE.txt VERDICTS.py  (VERDICTS.py defines
V = {n: (supported|weak|wrong, ok|loose, why)})"""
import re, sys
sample = open(sys.argv[1], encoding='utf-8').read()
ns = {}
exec(open(sys.argv[2], encoding='utf-8').read(), ns)
V = ns['V']
rows = re.findall(r'^## (\d+)\. edge #(\d+): (\S+) \(\S+ (.*?)\) -(\w+)-> (\S+) \(\S+ (.*)\) year=', sample, re.M)
print('| # | edge | from | rel | to | verdict | relation | why |')
print('|---|---|---|---|---|---|---|---|')
cnt = {}
for n, i, f, fz, rel, t, tz in rows:
    v, r, why = V[int(n)]
    cnt[v] = cnt.get(v, 0) + 1
    cnt[r] = cnt.get(r, 0) + 1
    print(f'| {n} | #{i} | {f} ({fz}) | {rel} | {t} ({tz}) | {v} | {r} | {why} |')
tot = len(rows)
print()
print(f"**Summary:** {cnt.get('supported',0)}/{tot} supported ({100*cnt.get('supported',0)/tot:.1f}%), "
      f"{cnt.get('weak',0)} weak, {cnt.get('wrong',0)} wrong; relation type right {cnt.get('ok',0)}/{tot} "
      f"({100*cnt.get('ok',0)/tot:.1f}%), {cnt.get('loose',0)} loose.")
