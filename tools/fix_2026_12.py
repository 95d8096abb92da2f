"""The second reading of issue #16 (parts 6 and 7), applied to the graph as it was before it.

Usage: git show 2829103:graph-data/shenzhen.ron > /tmp/orig.ron
       python3 tools/fix_2026_12.py /tmp/orig.ron graph-data/shenzhen.ron ../shared/seeds
Edge numbers (#N) are positions in that original file, as `tools/show.py` printed them."""
import os, re, sys
sys.path.insert(0, os.path.dirname(__file__)); import ronpy
from ronpy import Word

src, out, seeds = sys.argv[1], sys.argv[2], sys.argv[3]
d = ronpy.load(src)
E = d['edges']
N = {n['id']: n for n in d['nodes']}
drop = set()

def cite(source, quote, context=None):
    c = {'__t': 'Cite', 'source': source, 'quote': quote}
    if context: c['context'] = context
    return c

def node(id, kind, zh, en, cites, attrs=None, aliases=None):
    assert id not in N, id
    n = {'__t': 'Node', 'id': id, 'kind': Word(kind), 'name': {'__t': 'Names', 'zh': zh, 'en': en}}
    if aliases: n['aliases'] = aliases
    if attrs: n['attrs'] = attrs
    n['cites'] = cites
    d['nodes'].append(n); N[id] = n
    return n

def edge(frm, rel, to, year, cites, attrs=None, inferred=False):
    assert frm in N and to in N, (frm, to)
    e = {'__t': 'Edge', 'from': frm, 'to': to, 'rel': Word(rel), 'year': year}
    if inferred: e['inferred'] = True
    if attrs: e['attrs'] = attrs
    e['cites'] = cites
    E.append(e)
    return e

def rel(i, r, flip=False, **attrs):
    e = E[i]
    e['rel'] = Word(r)
    if flip: e['from'], e['to'] = e['to'], e['from']
    if attrs: e.setdefault('attrs', {}).update(attrs)

# --- Targets vs FocusesOn: a field of industry or technology is focused on, never "targeted".
for i, e in enumerate(E):
    if e['rel'] == 'Targets' and N[e['to']]['kind'] == 'Industry':
        e['rel'] = Word('FocusesOn')
# The same pair carried both: keep one.
drop.add(308)

# --- LocatedIn only for things with a place.
rel(118, 'Targets'); rel(147, 'Targets'); rel(157, 'Targets')   # actions aimed at a platform
rel(811, 'Implements', flip=True); rel(812, 'Implements', flip=True); rel(817, 'Implements', flip=True)
rel(813, 'Targets', flip=True)      # 深圳 … 加快建设 … 产业科技创新中心 (a goal the city seeks)
rel(875, 'Targets')                 # 深圳综合改革试点 acts on the city
drop.add(666)                       # the ECMO ceremony is an event in Shenzhen (below)

# --- Containment: 深圳 is the 主阵地 of the science centre, which sits in Shenzhen; not PartOf.
rel(877, 'Hosts', role='主阵地')

# --- Supports only where the text says 支持/依托/助力/带动; 设立 is Establishes.
rel(288, 'Implements')              # 实施“十大行动” to deepen the ecosystem chain
rel(374, 'Targets')                 # a reform of the chain
rel(327, 'PartOf', flip=True)     # 建立全链条金融支持科技创新体系。鼓励设立中小试转化投资基金
rel(591, 'Targets')                 # a growth mechanism for the fund
rel(738, 'Targets')                 # 推进…市级重点实验室优化调整
rel(654, 'Targets', status='sought')   # 积极争取…支持开展…试点: sought, not led
rel(697, 'Establishes')             # 设立科技抗疫专项
rel(713, 'Establishes')             # 设立高新区发展专项计划
for i in (856, 858, 860):          # 四是培育发展重点产(行)业 … 推动设立…产业基金 (the bureau sets them up: #996–#998)
    rel(i, 'PartOf', flip=True)
drop.update({973, 974, 975})        # same facts as #989–#991 (深圳 builds/sets them up)
for i in (932, 935):
    rel(i, 'RelatedTo', how='获批 (approval obtained) under this measure')
    E[i]['cites'].append(cite('wang-weizhong-2021', '一是注重创新链产业链融合发展'))

# --- Roles from what the text states: “习近平总书记、党中央” names a title, not a headship edge.
drop.add(869)

# --- Memberships no text states: the 2021 interview's items sit in the same answer as the
# “五大行动” but are never filed under them. Kept as the weak, labelled RelatedTo.
WEAK = 'same answer as the 2021 “五大行动” list; the text states no membership'
for i in (887, 896, 904, 905, 912, 920, 921, 922, 923, 927, 936, 939, 943, 945, 950, 951, 953,
          954, 955, 965, 976):
    rel(i, 'RelatedTo', basis=WEAK)
drop.add(646)   # “五个一” (2021 report) → “六个一” (2023 interview): no text says one became the other
rel(767, 'RelatedTo', how='以坪山园区为试点 (Pingshan park is the pilot site of the group being formed)')
drop.add(859)   # 脑科学与脑机工程 fund (2025) does not name the 类脑智能 field

# --- Same name, different documents, different things: split.
def split(old, source, new, zh, en, attrs=None):
    o = N[old]
    moved = [c for c in o['cites'] if c['source'] == source]
    o['cites'] = [c for c in o['cites'] if c['source'] != source]
    assert moved and o['cites'], (old, source)
    node(new, o['kind'], zh, en, moved, attrs)
    for e in E:
        if {c['source'] for c in e['cites']} == {source}:
            if e['from'] == old: e['from'] = new
            if e['to'] == old: e['to'] = new

W21 = 'wang-weizhong-2021'
split('act-basic-research-foundation', W21, 'ww21-basic-research', '基础研究夯基（2021“五大行动”）', 'Basic research foundation (2021 “five actions”)')
split('act-key-tech-tackling', W21, 'ww21-key-tech-tackling', '关键核心技术攻坚（2021“五大行动”）', 'Key core technology tackling (2021 “five actions”)')
split('act-commercialization-acceleration', W21, 'ww21-commercialization', '成果产业化加速（2021“五大行动”）', 'Commercialisation acceleration (2021 “five actions”)')
split('act-sci-tech-finance-integration', W21, 'ww21-sci-tech-finance', '科技金融深度融合（2021“五大行动”）', 'Deep integration of science and finance (2021 “five actions”)')
split('act-talent-gathering', W21, 'ww21-talent-gathering', '创新人才汇聚（2021“五大行动”）', 'Gathering innovative talent (2021 “five actions”)')
split('act-talent-gathering', 'wang-youming-2023', 'fa23-talent-gathering', '创新人才汇聚行动（2023—2025年“五大行动”）', 'Innovative talent gathering action (2023–2025 “five actions”)')
split('act-enterprise-innovation-subject', W21, 'ww21-enterprise-innovation-subject', '注重强化企业创新主体地位（2021）', 'Strengthening enterprises as innovation subjects (2021 interview)')
split('fund-cell-gene', 'zhang-lin-2025', 'fund-cell-gene-2025', '细胞与基因产业基金（2025年推动设立）', 'Cell and gene industry fund (pushed for in 2025)')
split('fund-brain-science', 'zhang-lin-2025', 'fund-brain-computer-engineering', '脑科学与脑机工程产业基金', 'Brain science and brain-computer engineering industry fund')

fb = N['fund-brain-science']
fb.pop('aliases', None); fb['attrs'].pop('note', None); fb['attrs']['status'] = '推动设立（2023）'
N['fund-cell-gene']['attrs']['status'] = '推动设立（2023）'
N['fund-brain-computer-engineering']['attrs'] = {'status': '推动设立（2025）', 'note': '2023年文献的“脑科学与类脑智能”基金是另一节点；没有文本说二者相同'}
N['fund-cell-gene-2025']['attrs'] = {'status': '推动设立（2025）'}
# Its one edge (#869) rested on the honorific; nothing else links it.
d['nodes'] = [n for n in d['nodes'] if n['id'] != 'cpc-central-committee']; del N['cpc-central-committee']

# --- Events (part 6).
ZL, WY, WR, PL = 'zhang-lin-2025', 'wang-youming-2023', 'work-report-2022', 'plan-14fyp'
N['china-intl-talent-exchange-conference']['kind'] = Word('Event')
N['china-intl-talent-exchange-conference'].setdefault('attrs', {})['series'] = '系列大会 (recurring)'
node('ev-sez-40th-anniversary', 'Event', '深圳经济特区建立40周年庆祝大会', 'Celebration of the 40th anniversary of the Shenzhen SEZ',
     [cite(W21, '2020年10月，习近平总书记出席深圳经济特区建立40周年庆祝大会并发表重要讲话'),
      cite(PL, '深入学习贯彻习近平总书记出席深圳经济特区建立40周年庆祝大会')], {'date': '2020-10'})
edge('xi-jinping', 'Attended', 'ev-sez-40th-anniversary', 2020,
     [cite(W21, '2020年10月，习近平总书记出席深圳经济特区建立40周年庆祝大会并发表重要讲话')], {'role': '出席并发表重要讲话'})
edge('plan-14fyp-sti', 'Implements', 'ev-sez-40th-anniversary', 2022,
     [cite(PL, '深入学习贯彻习近平总书记出席深圳经济特区建立40周年庆祝大会', '二、总体思路 › (一)指导思想')], {'what': '讲话精神'})
node('ev-sz-7th-party-congress', 'Event', '深圳市第七次党代会', "7th Congress of the CPC Shenzhen Municipal Organisation",
     [cite(W21, '今年4月，深圳召开了市第七次党代会'), cite(PL, '落实市第七次党代会精神')], {'date': '2021-04'})
edge('shenzhen', 'Held', 'ev-sz-7th-party-congress', 2021, [cite(W21, '今年4月，深圳召开了市第七次党代会')])
E[879]['rel'] = Word('Decided'); E[879]['from'] = 'ev-sz-7th-party-congress'
edge('plan-14fyp-sti', 'Implements', 'ev-sz-7th-party-congress', 2022,
     [cite(PL, '落实市第七次党代会精神', '二、总体思路 › (一)指导思想')], {'what': '会议精神'})
node('ev-sz-ccp-7th-6th-plenary', 'Event', '深圳市委七届六次全会', '6th Plenary Session of the 7th CPC Shenzhen Municipal Committee',
     [cite(WY, '深圳市委七届六次全会提出加快建设具有全球重要影响力的科技创新中心')], {'date': '不详（2023年初的报道提及）'})
edge('sz-party-committee', 'Held', 'ev-sz-ccp-7th-6th-plenary', 2023,
     [cite(WY, '深圳市委七届六次全会')], {'basis': 'the plenary of the municipal committee, by its name'})
rel(622, 'Decided'); E[622]['from'] = 'ev-sz-ccp-7th-6th-plenary'; E[622].pop('attrs', None)
node('ev-sz-econ-work-conf-2023', 'Event', '深圳市委经济工作会议（2023年1月）', 'CPC Shenzhen economic work conference (January 2023)',
     [cite(WY, '今年1月,市委经济工作会议提出,要做大做强“20+8”战略性新兴产业集群和未来产业')], {'date': '2023-01'})
edge('sz-party-committee', 'Held', 'ev-sz-econ-work-conf-2023', 2023,
     [cite(WY, '今年1月,市委经济工作会议提出')], {'basis': 'the municipal committee’s conference (市委…会议), by its name'})
for i in (624, 625):
    E[i]['rel'] = Word('Decided'); E[i]['from'] = 'ev-sz-econ-work-conf-2023'
    E[i]['cites'] = [cite(WY, '今年1月,市委经济工作会议提出,要做大做强“20+8”战略性新兴产业集群和未来产业')]
edge('sz-stic', 'Implements', 'ev-sz-econ-work-conf-2023', 2023,
     [cite(WY, '市科技创新委将深入贯彻党的二十大精神和中央、省委、市委经济工作会议精神')], {'what': '会议精神'})
node('ev-gd-sz-high-quality-dev-conf-2023', 'Event', '全省全市高质量发展大会（2023）', 'Guangdong and Shenzhen high-quality development conferences (2023)',
     [cite(WY, '全面落实全省全市高质量发展大会的安排部署')], {'date': '2023（报道称“今年”）'})
edge('sz-stic', 'Implements', 'ev-gd-sz-high-quality-dev-conf-2023', 2023,
     [cite(WY, '市科创委将紧扣全省全市高质量发展大会对全年重点工作的部署要求')], {'what': '部署要求'})
node('ev-20th-party-congress', 'Event', '党的二十大', '20th National Congress of the CPC',
     [cite(WY, '市科技创新委将深入贯彻党的二十大精神')], {'date': '文中未写'})
edge('sz-stic', 'Implements', 'ev-20th-party-congress', 2023,
     [cite(WY, '市科技创新委将深入贯彻党的二十大精神')], {'what': '会议精神'})
node('ev-ecmo-certification-ceremony', 'Event', '首台国产ECMO上市颁证仪式', 'Market-approval certificate ceremony for the first domestic ECMO',
     [cite(WY, '1月6日,首台国产ECMO(体外膜肺氧合系统)上市颁证仪式在深圳举行')], {'date': '1月6日（2023年初的报道）'})
edge('ev-ecmo-certification-ceremony', 'LocatedIn', 'shenzhen', 2023,
     [cite(WY, '首台国产ECMO(体外膜肺氧合系统)上市颁证仪式在深圳举行')])
edge('ev-ecmo-certification-ceremony', 'Awarded', 'ecmo-domestic', 2023,
     [cite(WY, '首台国产ECMO(体外膜肺氧合系统)上市颁证仪式在深圳举行')], {'what': '上市证书 (market approval)'})
edge('sz-stic', 'Implements', 'ev-central-talent-work-conf', 2021, []) if False else None
node('ev-central-talent-work-conf', 'Event', '中央人才工作会议', 'Central Talent Work Conference',
     [cite(WR, '一是贯彻落实中央人才工作会议精神')], {'date': '文中未写'})
edge('plan-central-talent-work-scheme', 'Implements', 'ev-central-talent-work-conf', 2021,
     [cite(WR, '印发实施《深圳市科技创新委员会关于贯彻落实中央人才工作会议精神的工作方案》')])
node('ev-19th-talent-exchange-conf', 'Event', '第十九届中国国际人才交流大会', '19th China International Talent Exchange Conference',
     [cite(WR, '四是成功举办第十九届中国国际人才交流大会')], {'date': '2021（2021年工作成效）'})
E[725]['rel'] = Word('Held'); E[725]['to'] = 'ev-19th-talent-exchange-conf'; E[725].pop('attrs', None)
edge('ev-19th-talent-exchange-conf', 'PartOf', 'china-intl-talent-exchange-conference', 2021,
     [cite(WR, '四是成功举办第十九届中国国际人才交流大会')])
for i in (807, 808):
    E[i]['to'] = 'ev-19th-talent-exchange-conf'
rel(47, 'Held'); E[47].pop('attrs', None)
N['global-youth-innovation-camp']['kind'] = Word('Event')
N['global-youth-innovation-camp']['attrs'] = {'date': '“十三五”期间'}
rel(48, 'Held')
node('ev-china-friendship-award', 'Event', '中国政府友谊奖', 'Chinese Government Friendship Award',
     [cite(PL, '其中21位外国专家获得中国政府友谊奖')], {'type': 'award', 'date': '“十三五”期间'})
edge('m-friendship-award-experts-2020-plan', 'Measures', 'ev-china-friendship-award', 2020,
     [cite(PL, '其中21位外国专家获得中国政府友谊奖')])
node('ev-state-top-sti-award-2024', 'Event', '国家最高科学技术奖（2024年深圳获得）', 'State Preeminent Science and Technology Award (won by Shenzhen, 2024)',
     [cite(ZL, '荣获国家最高科学技术奖')], {'type': 'award', 'date': '2024'})
edge('ev-state-top-sti-award-2024', 'Awarded', 'shenzhen', 2024,
     [cite(ZL, '这一年,深圳以科技创新引领新质生产力加快发展,统筹推进教育科技人才体制机制一体改革,推动科技创新与产业创新融合发展。荣获国家最高科学技术奖')])
N['act-talent-bole-award']['kind'] = Word('Event')
N['act-talent-bole-award']['attrs'] = {'type': 'award'}
edge('shenzhen', 'Establishes', 'act-talent-bole-award', 2021,
     [cite(W21, '通过制定高精尖缺人才目录清单、全球悬赏揭榜寻聘、设立人才伯乐奖等方式')])

# --- Figures: the year a figure is about, apart from the year of the report that gives it.
src_year = {s['id']: s['date'][:4] for s in d['sources']}
SERIES = {
    'R&D intensity (研发投入强度)': ['m-rd-intensity-2020-plan', 'm-rd-intensity-target-2025-plan', 'm-rd-intensity-2021-wym', 'm-rd-intensity-2020-ww'],
    'national high-tech enterprises (国家高新技术企业数)': ['m-hitech-enterprises-2020-plan', 'm-hitech-enterprises-2025-plan', 'm-hitech-enterprises-2021-ww'],
    'PCT applications rank (PCT国际申请量排名)': ['m-pct-rank-2020-plan', 'm-pct-rank-2025-plan', 'm-pct-rank-2023-wym'],
    'municipal basic research funding (市财政基础研究投入)': ['m-basic-research-funding-2018-ww', 'm-basic-research-funding-2019-ww', 'm-basic-research-funding-2020-ww'],
    'R&D spending growth target (研发投入增长目标)': ['m-rd-growth-target-2023-wym', 'm-rd-growth-target-2025-zl'],
    'innovation carriers (创新载体数)': ['m-national-innovation-carriers-2020-plan', 'm-new-innovation-carriers-2021-wr22', 'm-innovation-carriers-2024-zl'],
}
for name, ids in SERIES.items():
    for i in ids:
        N[i].setdefault('attrs', {})['indicator'] = name
# Where the text does not say which year a figure is about, `year` is the report's and says so.
UNSTATED = {'m-pct-rank-2023-wym': 'report year: the text does not say which year ends the 18-year run',
            'm-reform-firsts-2023-wym': 'report year: a running total as of the report'}
for n in d['nodes']:
    if n['kind'] != 'Metric': continue
    a = n.setdefault('attrs', {})
    a['reported'] = src_year[n['cites'][0]['source']]
    a['status'] = {'target': 'target', 'plan': 'plan'}.get(a.get('type'), 'actual')
    if n['id'] in UNSTATED:
        a['year_basis'] = UNSTATED[n['id']]

d['edges'] = [e for i, e in enumerate(E) if i not in drop]
# Edges carrying an old free-text "context" attribute: the cites now say where they sit.
for e in d['edges']:
    e.get('attrs', {}).pop('context', None)
    if 'attrs' in e and not e['attrs']: del e['attrs']
    # A weak link rests on passages that do not state it, except the pilot site, which one does.
    if e['rel'] == 'RelatedTo' and not e.get('attrs', {}).get('how', '').startswith('以坪山'):
        e['inferred'] = True

# --- Context: the heading each quote sits under, where the quote names neither end.
def squash(s): return re.sub(r'\s', '', s)
files = {s['id']: s['file'] for s in d['sources']}
HEAD = {}
for sid, f in files.items():
    raw = open(os.path.join(seeds, f), encoding='utf-8').read()
    raw = re.sub(r'<[^>]*>', '\n', raw)
    sq = squash(raw)
    heads = []   # (offset, level, text)
    pos = 0
    for line in raw.split('\n'):
        t = squash(line)
        if not t: continue
        k = sq.find(t, pos)
        if k < 0: continue
        pos = k
        if re.match(r'^[一二三四五六七八九十]+、', t): heads.append((k, 1, re.split(r'[。]', t)[0][:40]))
        elif re.match(r'^[(（][一二三四五六七八九十]+[)）]', t): heads.append((k, 2, re.split(r'[。]', t)[0][:40]))
        elif re.match(r'^\d+\.', t): heads.append((k, 3, t.split('。')[0]))
        if t.startswith('记者：'): heads.append((k, 1, t[3:].split('？')[0] + '？'))
        for m in re.finditer(r'(?:^|[。！？])((?:[一二三四五六七八九十])是[^。]{2,40})。', t):
            heads.append((k + m.start(1), 3 if sid == 'work-report-2022' else 2, m.group(1)))
        for m in re.finditer(r'(?:^|[。”])([^。”？?]{6,80}[？?])', t):
            if not t.startswith('记者：'): heads.append((k + m.start(1), 1, m.group(1)))
    heads.sort()
    HEAD[sid] = (sq, heads)

def context_of(sid, quote):
    sq, heads = HEAD[sid]
    k = sq.find(squash(quote))
    if k < 0: return None
    chain = {}
    for off, lvl, text in heads:
        if off > k: break
        if off == k and squash(quote)[:6] == squash(text)[:6]:
            # The quote is itself a heading: its context is the headings above it.
            for deeper in (1, 2, 3):
                if deeper >= lvl: chain.pop(deeper, None)
            break
        chain[lvl] = text
        for deeper in (2, 3):
            if deeper > lvl: chain.pop(deeper, None)
    return ' › '.join(chain[l] for l in sorted(chain)) or None

def names(n):
    out = [n['name']['zh']] + n.get('aliases', [])
    out += [re.sub(r'[“”《》"（）()]', '', x) for x in out]
    out += [x[:4] for x in out if len(x) >= 4]
    return [squash(x) for x in out if x]

added = 0
for e in d['edges']:
    ends = names(N[e['from']]) + names(N[e['to']])
    for c in e['cites']:
        if 'context' in c: continue
        q = squash(c['quote'])
        if any(x and x in q for x in ends): continue
        ctx = context_of(c['source'], c['quote'])
        if ctx and squash(ctx) != q:
            c['context'] = ctx; added += 1
print('contexts added:', added, file=sys.stderr)

# --- A quote that occurs twice in its source points at no passage in particular (a reader
# highlights the first). Extend it back to the nearest preceding mention of one of its ends,
# when that makes it unique.
fixed = left = 0
for kind, items in (('node', d['nodes']), ('edge', d['edges'])):
    for x in items:
        ends = names(x) if kind == 'node' else names(N[x['from']]) + names(N[x['to']])
        ends = [e for e in ends if len(e) >= 2]
        for c in x['cites']:
            sq = HEAD[c['source']][0]
            q = squash(c['quote'])
            if sq.count(q) < 2: continue
            best = None
            for m in re.finditer(re.escape(q), sq):
                window = sq[max(0, m.start() - 80):m.start()]
                cut = max(window.rfind('。'), window.rfind('；'))
                window = window[cut + 1:]
                for e in ends:
                    k = window.rfind(e)
                    if k >= 0:
                        cand = window[k:] + q
                        if sq.count(cand) == 1 and (best is None or len(cand) < len(best)):
                            best = cand
            if best:
                c['quote'] = best; fixed += 1
            else:
                left += 1
print('ambiguous quotes made unique:', fixed, 'left:', left, file=sys.stderr)
ronpy.save(out, d)
