"""Closing the coverage gaps of issue #16 (part 6): what the uncited statement sentences of the
five sources state, added as cited nodes, edges and citations.

Usage: git show 7388bf7:graph-data/shenzhen.ron > /tmp/base.ron
       python3 tools/fix_coverage_2026_12.py /tmp/base.ron graph-data/shenzhen.ron
Every quote is checked against graph-data/sources/ (whitespace ignored, as `check` does) and
every edge against the vocabulary's allowed kinds before anything is written."""
import os, re, sys
sys.path.insert(0, os.path.dirname(__file__)); import ronpy
from ronpy import Word

src, out = sys.argv[1], sys.argv[2]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'graph-data')
d = ronpy.load(src)
V = ronpy.load(os.path.join(root, 'shenzhen.vocab.ron'))
R = {r['id']: r for r in V['relations']}
E = d['edges']
N = {n['id']: n for n in d['nodes']}
FILES = {s['id']: s['file'] for s in d['sources']}
TEXT = {k: open(os.path.join(root, 'sources', f), encoding='utf-8').read() for k, f in FILES.items()}
FLAT = {k: re.sub(r'\s', '', t) for k, t in TEXT.items()}
added = {'nodes': 0, 'edges': 0, 'cites': 0}

def cite(source, quote, context=None):
    q = re.sub(r'\s', '', quote)
    assert q and q in FLAT[source], (source, quote)
    c = {'__t': 'Cite', 'source': source, 'quote': quote}
    if context:
        for part in context.split(' › '):
            assert re.sub(r'\s', '', part) in FLAT[source], ('context', source, part)
        c['context'] = context
    return c

def node(id, kind, zh, en, cites, attrs=None, aliases=None):
    assert id not in N, id
    assert re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', id), id
    n = {'__t': 'Node', 'id': id, 'kind': Word(kind), 'name': {'__t': 'Names', 'zh': zh, 'en': en}}
    if aliases: n['aliases'] = aliases
    if attrs: n['attrs'] = attrs
    n['cites'] = cites
    d['nodes'].append(n); N[id] = n
    added['nodes'] += 1
    return n

def edge(frm, rel, to, year, cites, attrs=None, inferred=False):
    assert frm in N and to in N, (frm, to)
    r = R[rel]
    a, b = N[frm]['kind'], N[to]['kind']
    assert not r.get('from') or a in r['from'], (frm, rel, to, a)
    assert not r.get('to') or b in r['to'], (frm, rel, to, b)
    for x in E:
        assert not (x['from'] == frm and x['to'] == to and x['rel'] == rel), ('duplicate', frm, rel, to)
    e = {'__t': 'Edge', 'from': frm, 'to': to, 'rel': Word(rel), 'year': year}
    if inferred: e['inferred'] = True
    if attrs: e['attrs'] = attrs
    e['cites'] = cites
    E.append(e)
    added['edges'] += 1
    return e

def add_cite(id, c):
    """Another citation on an existing node."""
    N[id]['cites'].append(c)
    added['cites'] += 1

def edge_cite(frm, rel, to, c):
    """Another citation on an existing edge."""
    hits = [x for x in E if x['from'] == frm and x['to'] == to and x['rel'] == rel]
    assert len(hits) == 1, (frm, rel, to, len(hits))
    hits[0]['cites'].append(c)
    added['cites'] += 1

# ============================================================ zhang-lin-2025
ZL = 'zhang-lin-2025'
ZQ = '展望2025年,深圳将如何进一步促进产业科技创新工作?'
# The interviewer's question the five tasks answer: what they are for.
add_cite('five-tasks-2025', cite(ZL, ZQ))
N['five-tasks-2025'].setdefault('attrs', {})['purpose'] = '进一步促进产业科技创新工作 (further promote industrial S&T innovation)'
# Why the R&D figures matter, in the director's words: scale and intensity are the indicators.
add_cite('m-rd-rank-2023-zl', cite(ZL, '研发投入规模和强度是反映一个国家或地区的科技实力的重要指标'))
N['m-rd-rank-2023-zl']['attrs']['significance'] = '研发投入规模和强度是反映一个国家或地区的科技实力的重要指标（张林）'


# ============================================================ wang-youming-2023
WY = 'wang-youming-2023'
H_TECH = '坚决打赢关键核心技术攻坚战'
H_EDU = '强化科技创新的教育和人才支撑'
# [5] [6] Shenzhen's four stages of innovation, in the director's words.
add_cite('shenzhen', cite(WY, '深圳科技创新大致经历引进吸收再创新-集成创新-自主创新-原始创新四个发展阶段'))
add_cite('shenzhen', cite(WY, '在原始创新阶段,时间从党的十八大至今,深圳从应用技术创新加速向基础技术、核心技术、前沿技术创新转变'))
N['shenzhen'].setdefault('attrs', {}).update({
    'innovation_stages': '引进吸收再创新→集成创新→自主创新→原始创新 (four stages; 王有明, 2023)',
    'innovation_stage_now': '原始创新阶段，党的十八大至今 (original innovation, since the 18th Party Congress)',
})
# [11] The interviewer asks how the commission will carry out the congress and the conferences;
# the answer is the 2023–2025 action plan.
Q11 = '如何贯彻落实党的二十大精神和省、市经济工作会议及高质量发展大会相关安排部署,加快建设具有全球重要影响力的科技创新中心?'
A11 = '市科创委制定实施《深圳市建设具有全球重要影响力的科技创新中心行动计划(2023—2025年)》'
for ev in ('ev-20th-party-congress', 'ev-sz-econ-work-conf-2023', 'ev-gd-sz-high-quality-dev-conf-2023'):
    edge('plan-global-sti-centre-2023-2025', 'Implements', ev, 2023, [cite(WY, Q11), cite(WY, A11, context=Q11)],
         attrs={'basis': 'question and answer: the action plan is how the commission carries out the congress and conferences'})
# [27] The 20th Congress report: high-level self-reliance and the battle for key core technologies.
node('goal-high-level-sti-self-reliance', 'Action', '实现高水平科技自立自强', 'High-level self-reliance in science and technology',
     [cite(WY, '加快实现高水平科技自立自强'), cite(WY, '切实担当起实现高水平科技自立自强的‘深圳责任’')], attrs={'type': 'goal'})
edge('ev-20th-party-congress', 'Decided', 'goal-high-level-sti-self-reliance', 2023,
     [cite(WY, '党的二十大报告强调,“加快实现高水平科技自立自强”')], attrs={'how': '报告强调 (stressed in the report)', 'year_basis': 'year of the interview; the text does not date the congress'})
edge('ev-20th-party-congress', 'Decided', 'key-core-tech-tackling', 2023,
     [cite(WY, '“集聚力量进行原创性引领性科技攻关,坚决打赢关键核心技术攻坚战”', context=H_TECH)],
     attrs={'how': '报告强调 (stressed in the report)', 'year_basis': 'year of the interview; the text does not date the congress'})
edge('sz-stic', 'Targets', 'goal-high-level-sti-self-reliance', 2023,
     [cite(WY, '市科创委将持续提升科学技术源头供给能力'), cite(WY, '切实担当起实现高水平科技自立自强的‘深圳责任’')])
# [28] The municipal economic work conference asked for concentrated resources on S&T tackling.
edge('ev-sz-econ-work-conf-2023', 'Decided', 'key-core-tech-tackling', 2023,
     [cite(WY, '集中资源开展科技攻关,努力产出更多原创性成果,是今年市委经济工作会议的重要要求', context=H_TECH)],
     attrs={'how': '重要要求 (an important requirement)'})
# [34] [35] The three national strategies the report names, one organic whole.
node('three-strategies', 'Action', '“三大战略”（科教兴国、人才强国、创新驱动发展）', 'The three strategies (education, talent, innovation-driven development)',
     [cite(WY, '可见,三大战略是有机统一的整体,需要齐抓共进、相融相促')])
for id, zh, en in (('strat-sci-edu', '科教兴国战略', 'Strategy of invigorating China through science and education'),
                   ('strat-talent-power', '人才强国战略', 'Strategy of strengthening the nation with talent'),
                   ('strat-innovation-driven', '创新驱动发展战略', 'Innovation-driven development strategy')):
    node(id, 'Action', zh, en, [cite(WY, '“深入实施科教兴国战略、人才强国战略、创新驱动发展战略”')], attrs={'level': 'national strategy'})
    edge(id, 'PartOf', 'three-strategies', 2023, [cite(WY, '“深入实施科教兴国战略、人才强国战略、创新驱动发展战略”'),
                                               cite(WY, '三大战略是有机统一的整体')])
edge('ev-20th-party-congress', 'Decided', 'three-strategies', 2023,
     [cite(WY, '党的二十大报告强调,“教育、科技、人才是全面建设社会主义现代化国家的基础性、战略性支撑”,“深入实施科教兴国战略、人才强国战略、创新驱动发展战略”')],
     attrs={'how': '报告强调 (stressed in the report)', 'year_basis': 'year of the interview; the text does not date the congress'})
# [36] The conference's call on finance, education and talent.
node('act-finance-edu-talent-support', 'Action', '强化金融、教育、人才对科技创新的支撑作用', 'Strengthening the support of finance, education and talent for S&T innovation',
     [cite(WY, '强化金融、教育、人才对科技创新的支撑作用')])
edge('ev-sz-econ-work-conf-2023', 'Decided', 'act-finance-edu-talent-support', 2023,
     [cite(WY, '市委经济工作会议明确提出,强化金融、教育、人才对科技创新的支撑作用')], attrs={'how': '明确提出 (explicitly put forward)'})
edge('shenzhen', 'Implements', 'act-finance-edu-talent-support', 2023,
     [cite(WY, '接下来,深圳将持续强化科技创新的教育、人才支撑', context=H_EDU)],
     attrs={'scope': '教育、人才 (education and talent)'})
# [42] Project managers trained in major projects.
node('act-train-project-managers', 'Action', '在重大科技项目实施过程中培养项目经理人', 'Training project managers in the course of major S&T projects',
     [cite(WY, '在重大科技项目实施过程中培养一批科研管理能力突出的项目经理人')])
edge('shenzhen', 'Implements', 'act-train-project-managers', 2023,
     [cite(WY, '在重大科技项目实施过程中培养一批科研管理能力突出的项目经理人', context=H_EDU)])

# ============================================================ work-report-2022
WR = 'work-report-2022'
R21 = '一、2021年工作成效'
R22 = '二、2022年工作思路'
# [12] 2021 results, part (三): the items listed under it.
H3 = '(三)聚焦四个面向,推进科技创新支撑超大型城市可持续发展'
node('wr21-megacity-sustainability', 'Action', '推进科技创新支撑超大型城市可持续发展（2021年工作成效）',
     'S&T innovation supporting the megacity\'s sustainable development (2021 results)',
     [cite(WR, H3, context=R21)], attrs={'orientation': '聚焦四个面向', 'year': '2021'})
for id, q in (('covid-sti-special', '一是全力推进科技支撑新冠疫情防控。设立科技抗疫专项'),
              ('covid-vaccine', '二是推动自主研发疫苗取得突破性进展'),
              ('isolation-site-tech', '三是推进隔离场所科技赋能')):
    edge(id, 'PartOf', 'wr21-megacity-sustainability', 2021, [cite(WR, q, context=R21 + ' › ' + H3)])
edge('wr21-megacity-sustainability', 'Targets', 'lab-clinical-research-centres', 2021,
     [cite(WR, '四是推进临床医学研究中心建设', context=R21 + ' › ' + H3)])
# [30] 2021 results, part (五).
H5 = '(五)深化人才机制创新,激活全球人才蓄水池动力'
node('wr21-talent-mechanism', 'Action', '深化人才机制创新，激活全球人才蓄水池动力（2021年工作成效）',
     'Deepening talent mechanism innovation, activating the global talent pool (2021 results)',
     [cite(WR, H5, context=R21)], attrs={'year': '2021'})
for id, q in (('plan-central-talent-work-scheme', '一是贯彻落实中央人才工作会议精神。印发实施《深圳市科技创新委员会关于贯彻落实中央人才工作会议精神的工作方案》'),
              ('act-outstanding-sti-talent-program', '二是阶梯式培养优秀科技创新人才,组织实施首批深圳市优秀科技创新人才培养项目'),
              ('plan-overseas-talent-iit-subsidy', '三是做好外国人来华服务管理,落实深圳市境外高端人才和紧缺人才2019年度个人所得税财政补贴政策'),
              ('ev-19th-talent-exchange-conf', '四是成功举办第十九届中国国际人才交流大会')):
    edge(id, 'PartOf', 'wr21-talent-mechanism', 2021, [cite(WR, q, context=R21 + ' › ' + H5)])
# [48] [50] 2022 plan, (一) basic research.
P1 = R22 + ' › ' + '(一)加强基础研究和应用基础研究'
node('wp22-basic-research-funding', 'Action', '健全基础研究多元机制，加大基础研究投入（2022）',
     'Diversified mechanisms and more funding for basic research (2022)',
     [cite(WR, '抓好基础研究顶层设计,健全基础研究多元机制,持续加大基础研究财政投入,鼓励企业、社会组织以捐赠和建立基金等方式多渠道投入', context=P1)],
     attrs={'channels': '财政投入；企业、社会组织捐赠和建立基金 (public funding; donations and funds of firms and social organisations)', 'year': '2022'})
edge('wp22-basic-research-funding', 'PartOf', 'wp22-basic-research', 2022,
     [cite(WR, '抓好基础研究顶层设计,健全基础研究多元机制', context=P1)])
node('wp22-city-district-linkage', 'Action', '完善市区联动工作机制，推进创新资源向重大科技创新平台集聚（2022）',
     'City–district linkage: more innovation resources into major S&T platforms (2022)',
     [cite(WR, '完善市区联动工作机制,推进更多创新资源向我市重大科技创新平台集聚', context=P1)], attrs={'year': '2022'})
edge('wp22-city-district-linkage', 'PartOf', 'wp22-basic-research', 2022,
     [cite(WR, '完善市区联动工作机制,推进更多创新资源向我市重大科技创新平台集聚', context=P1)])
# [59] 2022 plan, (三): open sharing of S&T resources.
P3 = R22 + ' › ' + '(三)畅通成果产业化链条'
node('wp22-sti-resource-sharing', 'Action', '科技资源开放共享（2022）', 'Open sharing of S&T resources (2022)',
     [cite(WR, '稳步推进科技资源开放共享,完善科技基础设施、大科学装置和科学仪器设备开放共享机制', context=P3)],
     attrs={'scope': '科技基础设施、大科学装置和科学仪器设备 (S&T infrastructure, big-science facilities, instruments)', 'year': '2022'})
edge('wp22-sti-resource-sharing', 'PartOf', 'wp22-commercialization', 2022,
     [cite(WR, '稳步推进科技资源开放共享', context=P3)])

# ============================================================ wang-weizhong-2021
WW = 'wang-weizhong-2021'
PL = 'plan-14fyp'
QM = '深圳如何理解并担负好这一伟大使命？'
# [5] [8] The historic mission given at the 40th anniversary: the "1" of 1+10+10.
node('sz-new-era-mission', 'Action', '深圳新时代历史使命', 'Shenzhen\'s historic mission for the new era',
     [cite(WW, '习近平总书记亲自出席深圳经济特区建立40周年庆祝大会并发表重要讲话，赋予深圳新时代历史使命'),
      cite(WW, '“1”管方向，即习近平总书记、党中央赋予深圳的新时代历史使命')],
     attrs={'requirements': '建设好中国特色社会主义先行示范区；创建社会主义现代化强国的城市范例；率先实现社会主义现代化',
            'type': 'mission'})
edge('ev-sez-40th-anniversary', 'Decided', 'sz-new-era-mission', 2020,
     [cite(WW, '习近平总书记亲自出席深圳经济特区建立40周年庆祝大会并发表重要讲话，赋予深圳新时代历史使命')],
     attrs={'how': '在大会上发表重要讲话，赋予 (given in the speech at the ceremony)'})
edge('sz-new-era-mission', 'Targets', 'pilot-demonstration-zone', 2020,
     [cite(WW, '赋予深圳新时代历史使命，要求深圳建设好中国特色社会主义先行示范区')])
edge('sz-new-era-mission', 'PartOf', 'plan-1-10-10', 2021,
     [cite(WW, '其中，“1”管方向，即习近平总书记、党中央赋予深圳的新时代历史使命')], attrs={'role': '“1”管方向 (the “1”: direction)'})
# [10] The second "10".
node('sz-annual-ten-tasks', 'Action', '年度十项重点工作（市委“1+10+10”第二个“10”）', 'The ten key tasks of the year (the second “10” of 1+10+10)',
     [cite(WW, '第二个“10”管当前，指年度十项重点工作')])
edge('sz-annual-ten-tasks', 'PartOf', 'plan-1-10-10', 2021,
     [cite(WW, '第二个“10”管当前，指年度十项重点工作')], attrs={'role': '第二个“10”管当前 (the second “10”: the present)'})
# [11] [13] The two "double zones" and the city's pledge to use them (the plan says the same).
node('dual-zone-drive', 'Action', '“双区”驱动（粤港澳大湾区、深圳先行示范区）', 'Dual-zone drive (Greater Bay Area and Pilot Demonstration Zone)',
     [cite(WW, '深圳进入了粤港澳大湾区、深圳先行示范区“双区”驱动'),
      cite(PL, '深圳进入粤港澳大湾区、深圳先行示范区“双区”驱动')])
node('dual-zone-overlay', 'Action', '“双区”叠加（深圳经济特区、深圳先行示范区）', 'Dual-zone overlay (Special Economic Zone and Pilot Demonstration Zone)',
     [cite(WW, '深圳经济特区、深圳先行示范区“双区”叠加的黄金发展期'),
      cite(PL, '深圳经济特区、深圳先行示范区“双区”叠加')])
for a in ('area-gba', 'pilot-demonstration-zone'):
    edge(a, 'PartOf', 'dual-zone-drive', 2021, [cite(WW, '深圳进入了粤港澳大湾区、深圳先行示范区“双区”驱动'),
                                               cite(PL, '深圳进入粤港澳大湾区、深圳先行示范区“双区”驱动')])
for a in ('sz-sez', 'pilot-demonstration-zone'):
    edge(a, 'PartOf', 'dual-zone-overlay', 2021, [cite(WW, '深圳经济特区、深圳先行示范区“双区”叠加的黄金发展期'),
                                                 cite(PL, '深圳经济特区、深圳先行示范区“双区”叠加')])
for b in ('dual-zone-drive', 'dual-zone-overlay'):
    edge('shenzhen', 'Implements', b, 2021, [cite(WW, '充分发挥“双区”驱动、“双区”叠加效应', context=QM)],
         attrs={'how': '充分发挥…效应 (make full use of the effect)'})
# [16] Why the full-process chain: innovation is a system.
add_cite('full-chain-innovation-ecosystem', cite(WW, '创新是一个系统工程，需要研发、产业、人才等各环节全面衔接、相互支撑'))
N['full-chain-innovation-ecosystem']['attrs']['rationale'] = '创新是一个系统工程，需要研发、产业、人才等各环节全面衔接、相互支撑（王伟中）'
# [21] Why basic research, in the answer the question asks for.
add_cite('ww21-basic-research', cite(WW, '作为一座城市，也要强化基础研究和应用基础研究，否则我们的科技创新就是无源之水'))
N['ww21-basic-research'].setdefault('attrs', {})['rationale'] = '强化基础研究和应用基础研究，否则科技创新就是无源之水（王伟中）'
# [35] [37] The US Entity List and the answer to it.
QE = '深圳如何应对，在关键核心技术攻关上有哪些举措？'
node('us-entity-list', 'Plan', '美国“实体清单”', 'US Entity List',
     [cite(WW, '深圳一批高技术企业被美国列入“实体清单”')], attrs={'issuer': '美国 (the text names only the country)'})
node('co-sz-entity-listed-firms', 'Company', '被列入“实体清单”的深圳高技术企业（一批，文中未具名）', 'Shenzhen high-tech firms on the Entity List (a batch, unnamed)',
     [cite(WW, '深圳一批高技术企业被美国列入“实体清单”，较早也较多遇到“卡脖子”问题')])
edge('us-entity-list', 'Targets', 'co-sz-entity-listed-firms', 2021,
     [cite(WW, '深圳一批高技术企业被美国列入“实体清单”，较早也较多遇到“卡脖子”问题')])
edge('co-sz-entity-listed-firms', 'LocatedIn', 'shenzhen', 2021, [cite(WW, '深圳一批高技术企业被美国列入“实体清单”')])
edge('us-entity-list', 'RelatedTo', 'ww21-key-tech-tackling', 2021,
     [cite(WW, '深圳一批高技术企业被美国列入“实体清单”，较早也较多遇到“卡脖子”问题。深圳如何应对，在关键核心技术攻关上有哪些举措？'),
      cite(WW, '在应对美国无理极限打压我高技术重点企业中，我们深刻感受到，只有把关键核心技术掌握在自己手中，才能牢牢掌握创新主动权、发展主动权', context=QE)],
     attrs={'how': 'the answer to the Entity List question is the tackling of key core technologies (问答)'})
# [42] [44] [47] High-tech industry: a national flag, and the system behind it.
QH = '请问深圳在科技和产业联动发展，尤其是科技成果产业化方面有什么独门秘籍？'
node('ind-high-tech', 'Industry', '高新技术产业', 'High-tech industry',
     [cite(WW, '深圳作为全国高新技术产业发展的一面旗帜，一个重要的优势就是科技创新与产业的结合非常紧密'),
      cite(WW, '习近平总书记指出深圳高新技术产业发展成为全国的一面旗帜，要求我们发挥示范带动作用')],
     attrs={'standing': '全国的一面旗帜 (a national flag; 习近平总书记指出)'})
node('sz-tech-innovation-system', 'Action', '以企业为主体、市场为导向、政产学研资深度融合的技术创新体系',
     'Enterprise-led, market-oriented technology innovation system integrating government, industry, academia, research and capital',
     [cite(WW, '深圳形成了以企业为主体、市场为导向、政产学研资深度融合的技术创新体系')])
edge('shenzhen', 'Builds', 'sz-tech-innovation-system', 2021,
     [cite(WW, '深圳形成了以企业为主体、市场为导向、政产学研资深度融合的技术创新体系')], attrs={'how': '形成 (formed)'})
edge('sz-tech-innovation-system', 'Supports', 'ind-high-tech', 2021,
     [cite(WW, '深圳形成了以企业为主体、市场为导向、政产学研资深度融合的技术创新体系，科技创新有力支撑高新技术产业发展，高新技术产业发展又反哺支持科技创新')])
# [71] [73] The talent strategy as the city's core strategy.
add_cite('act-talent-strong-city', cite(WW, '始终把人才作为第一资源，把人才战略作为城市发展的核心战略'))
add_cite('act-talent-strong-city', cite(WW, '深圳的人才政策和举措一直是全国领先'))
N['act-talent-strong-city'].setdefault('attrs', {}).update({
    'role': '城市发展的核心战略；人才是第一资源 (the city\'s core strategy; talent the first resource)',
    'standing': '人才政策和举措一直是全国领先（记者）'})

# ============================================================ plan-14fyp
P = 'plan-14fyp'
S1 = '一、发展基础与面临形势'
SIT = S1 + ' › (二)面临形势'
GOALS = '二、总体思路 › (三)发展目标'
S3 = '三、高质量建设国家重大战略平台'
S4 = '四、高水平打造国家战略科技力量'
S5 = '五、全力推进重点领域自主创新突破'
S6 = '六、深入实施“十大行动”'
def plan_node(id, kind, zh, en, quotes, ctx=None, attrs=None):
    return node(id, kind, zh, en, [cite(P, q, context=ctx) for q in quotes], attrs=attrs)
def plan_edge(frm, rel, to, quotes, ctx=None, attrs=None):
    return edge(frm, rel, to, 2022, [cite(P, q, context=ctx) for q in quotes], attrs=attrs)

# [4] Xi's speech at the 40th anniversary, as the plan's preamble quotes it: a more open talent policy.
LEAD = '2020年10月14日,习近平总书记出席深圳经济特区建立40周年庆祝大会并发表重要讲话'
plan_node('act-open-talent-policy', 'Action', '实施更加开放的人才政策', 'A more open talent policy',
          ['要实施更加开放的人才政策,引进培养一批具有国际水平的战略科技人才、科技领军人才、青年科技人才和高水平创新团队,聚天下英才而用之'], ctx=LEAD)
edge('ev-sez-40th-anniversary', 'Decided', 'act-open-talent-policy', 2020,
     [cite(P, '要实施更加开放的人才政策,引进培养一批具有国际水平的战略科技人才、科技领军人才、青年科技人才和高水平创新团队', context=LEAD)],
     attrs={'how': '在讲话中强调 (stressed in the speech)'})
# [26] [27] What the plan says Shenzhen still lacks.
add_cite('shenzhen', cite(P, '在总结科技创新发展成绩的同时,对照国家战略需求、深圳高质量发展需要和全球最优最好最强,深圳科技创新仍存在一些不足', context=S1 + ' › (一)发展基础'))
add_cite('shenzhen', cite(P, '一是核心引擎功能不强,服务国家战略作用有待增强', context=S1 + ' › (一)发展基础'))
N['shenzhen']['attrs']['weaknesses'] = ('核心引擎功能不强；关键核心技术供给能力不足；产业链创新链人才链教育链衔接不畅；'
                                        '创新空间特色专业发展不够；创新资源配置存在重复、分散、封闭、低效 (科技创新“十四五”规划, 2022)')
# [34]–[45] The situation: each pair of opportunities, risks, challenges and shifts ends in what is needed.
plan_node('plan14-innovation-advantage', 'Action', '构筑创新优势（把握“两大机遇”）', 'Building innovation advantages (seizing the two opportunities)',
          ['“两大机遇”交汇叠加,亟须构筑创新优势',
           '新一轮科技革命和产业变革正在重构全球创新版图、重塑全球经济结构,为创新领跑提供了机遇',
           '深圳迎来国家战略科技力量布局建设的重大机遇',
           '“十四五”期间,亟须把握两大机遇,提升创新能力,抢占产业技术制高点,引领全球创新网络'], ctx=SIT,
          attrs={'opportunities': '新一轮科技革命和产业变革；国家战略科技力量布局建设 (the S&T and industrial revolution; the national strategic S&T force being laid out)'})
plan_node('plan14-self-reliance', 'Action', '增强自主能力（应对“两大风险”）', 'Strengthening self-reliance (against the two risks)',
          ['“两大风险”迫在眉睫,亟须增强自主能力',
           '新冠肺炎疫情全球大流行,经济全球化遭遇逆流,国际产业链供应链循环受阻',
           '深圳产业转型发展领先国内,面临更为严峻的关键核心技术“断供”、重点产业链“断裂”两大风险'], ctx=SIT,
          attrs={'risks': '关键核心技术“断供”；重点产业链“断裂” (cut-off of key core technologies; breaks in key industrial chains)'})
plan_node('plan14-governance', 'Action', '提升治理水平（应对“两大挑战”）', 'Raising governance (against the two challenges)',
          ['“两大挑战”日趋严峻,亟须提升治理水平',
           '人工智能、细胞和基因等新兴科技快速发展,大数据成为数字经济时代的基础性战略资源'], ctx=SIT,
          attrs={'challenges': '科技伦理风险管理；数据安全保护 (S&T ethics risk management; data security)'})
plan_node('plan14-reorganisation', 'Action', '重构创新组织模式（顺应“两大转变”）', 'Reorganising innovation (following the two shifts)',
          ['“两大转变”趋势凸显,亟须重构组织模式', '深圳亟须重构创新组织模式'], ctx=SIT,
          attrs={'shifts': '研发组织由“单兵式”向“兵团式”转变；创新模式从需求驱动向需求和供给交互驱动转变'})
for id, q in (('plan14-innovation-advantage', '“两大机遇”交汇叠加,亟须构筑创新优势'),
              ('plan14-self-reliance', '“两大风险”迫在眉睫,亟须增强自主能力'),
              ('plan14-governance', '“两大挑战”日趋严峻,亟须提升治理水平'),
              ('plan14-reorganisation', '“两大转变”趋势凸显,亟须重构组织模式')):
    plan_edge('plan-14fyp-sti', 'Defines', id, [q], ctx=SIT)
for id in ('act-research-ethics-governance', 'act-data-governance'):
    plan_edge(id, 'PartOf', 'plan14-governance', ['“十四五”期间,深圳面临科技伦理风险管理、数据安全保护的挑战日趋严峻,亟须健全科技伦理治理体制和数据治理体系'], ctx=SIT)
plan_edge('act-new-national-system-sz-path', 'PartOf', 'plan14-reorganisation',
          ['深圳亟须重构创新组织模式,探索关键核心技术攻关新型举国体制的深圳路径'], ctx=SIT)
# [78] The 2025 goal for talent.
plan_node('plan14-talent-goal-2025', 'Action', '集聚杰出人才和高层次创新创业团队（2025年目标）', 'Gathering outstanding talent and high-level teams (2025 goal)',
          ['集聚一批拥有关键核心技术和自主知识产权的杰出人才、高层次创新创业团队,为我国建设世界重要人才中心和创新高地贡献深圳力量'], ctx=GOALS,
          attrs={'aim': '为我国建设世界重要人才中心和创新高地贡献深圳力量', 'type': 'goal', 'year': '2025'})
plan_edge('plan-14fyp-sti', 'Defines', 'plan14-talent-goal-2025', ['创新源动力更为强劲。集聚一批拥有关键核心技术和自主知识产权的杰出人才'], ctx=GOALS)
# [81] [83] [96] [109] [128] Part three and the four platforms under its headings.
add_cite('four-platforms', cite(P, S3))
for id, h in (('guangming-science-city', '(一)光明科学城'), ('hetao', '(二)河套深港科技创新合作区'),
              ('qianhai', '(三)前海深港现代服务业合作区'), ('xili-lake', '(四)西丽湖国际科教城')):
    edge_cite(id, 'PartOf', 'four-platforms', cite(P, h, context=S3))
# [105] Hetao's application demonstrations in its future-industry fields.
for f in ('fut-blockchain', 'fut-quantum-information', 'fut-brain-science'):
    edge_cite('hetao', 'FocusesOn', f, cite(P, '在区块链、量子信息、脑科学与类脑智能等领域开展应用示范,催生一批具有国际影响力的新技术新产品',
                                            context=S3 + ' › (二)河套深港科技创新合作区 › 5.创建开放创新示范区'))
# [114] [120] Qianhai.
QH7 = S3 + ' › (三)前海深港现代服务业合作区 › 7.打造数字经济发展高地'
QH8 = S3 + ' › (三)前海深港现代服务业合作区 › 8.打造科技服务业集群'
plan_node('lab-qianhai-city-scenario-labs', 'Lab', '城市创新应用实验室和场景实验室（前海）', 'Urban innovation application labs and scenario labs (Qianhai)',
          ['加快智慧城市应用示范,引进建设一批城市创新应用实验室和场景实验室'], ctx=QH7, attrs={'purpose': '智慧城市应用示范 (smart-city demonstration)'})
plan_edge('qianhai', 'Hosts', 'lab-qianhai-city-scenario-labs', ['加快智慧城市应用示范,引进建设一批城市创新应用实验室和场景实验室'], ctx=QH7)
plan_node('plat-qianhai-tech-transfer-services', 'Platform', '科技成果转化服务平台（前海）', 'S&T results transfer service platform (Qianhai)',
          ['引进国内外知名孵化器、众创空间等运营机构,搭建科技成果转化服务平台,建立先进技术“引进来”、创新成果“走出去”的双向对流通道'], ctx=QH8)
plan_edge('qianhai', 'Hosts', 'plat-qianhai-tech-transfer-services', ['引进国内外知名孵化器、众创空间等运营机构,搭建科技成果转化服务平台'], ctx=QH8)
# [141] Part four as a whole, and its four sections.
plan_node('plan14-national-strategic-force', 'Action', '高水平打造国家战略科技力量（“十四五”规划第四部分）', 'Building national strategic S&T strength (part four of the plan)',
          [S4, '加快构建国家战略科技力量,勇当国家战略科技力量第一方阵,加快推动解决重大科学问题和关键技术攻关,实现技术领先、安全和自主可控'],
          attrs={'aim': '勇当国家战略科技力量第一方阵 (to be in the first rank of the national strategic S&T force)'})
plan_edge('plan-14fyp-sti', 'Defines', 'plan14-national-strategic-force', [S4])
for id, h in (('act-lab-system', '(一)构建实验室体系'), ('act-research-institutions', '(二)高水平建设科研机构'),
              ('act-research-universities', '(三)加快发展高水平研究型大学'), ('act-world-class-enterprises', '(四)培育世界级科技领军企业群')):
    plan_edge(id, 'PartOf', 'plan14-national-strategic-force', [h], ctx=S4)
# [146] [147] Guangdong provincial labs.
GL = S4 + ' › (一)构建实验室体系 › 1.高标准建设广东省实验室'
add_cite('lab-gd-provincial-labs', cite(P, '按照“战略急需、支撑产业”的总体要求,继续推进广东省实验室建设', context=GL))
N['lab-gd-provincial-labs'].setdefault('attrs', {})['requirement'] = '战略急需、支撑产业 (urgent strategic need, supporting industry)'
plan_edge('plan-14fyp-sti', 'Supports', 'lab-gd-provincial-labs',
          ['加强省实验室学科和队伍建设,支持承接国家和省、市重大项目,开展以目标为导向的跨学科、大协同攻关,解决关键核心技术“卡脖子”问题'], ctx=GL)
# [172] [175]–[177] [181] Universities: the numbered items of section (三).
UN = S4 + ' › (三)加快发展高水平研究型大学'
plan_node('act-univ-first-class-disciplines', 'Action', '持续推进高校一流学科建设', 'Building first-class university disciplines',
          ['6.持续推进高校一流学科建设', '整合高校基础研究优势特色,主动对接国家重大项目和工程,组建大团队、培育大项目、建设大平台,力争在关键领域产生原始创新重大突破'], ctx=UN)
plan_edge('act-univ-first-class-disciplines', 'PartOf', 'act-research-universities', ['6.持续推进高校一流学科建设'], ctx=UN)
plan_node('act-univ-research-foundation', 'Action', '着力夯实高校科研基础', 'Strengthening the research base of universities',
          ['7.着力夯实高校科研基础', '推动高校优化整合重点实验室,创建一批国家和省、市重点实验室以及校企联合实验室',
           '支持高校牵头或参与国家重大科技基础设施、广东省实验室等重大创新平台建设',
           '支持高校整合优势学科创建学科国家研究中心,组建一批跨学科研究中心、跨学科重点实验室等'], ctx=UN)
plan_edge('act-univ-research-foundation', 'PartOf', 'act-research-universities', ['7.着力夯实高校科研基础'], ctx=UN)
plan_node('act-sci-edu-integration-plan14', 'Action', '深化科教融合（“十四五”规划）', 'Deepening the integration of science and education (14th FYP)',
          ['8.深化科教融合', '促进高校、科研机构和创新平台要素开放共享,联合开展重大科研探索和核心技术攻关,搭建对接高校的企业技术需求平台'], ctx=UN)
plan_edge('act-sci-edu-integration-plan14', 'PartOf', 'act-research-universities', ['8.深化科教融合'], ctx=UN)
# [184] [189] [192]–[194] Enterprises: section (四).
EN = S4 + ' › (四)培育世界级科技领军企业群'
add_cite('act-world-class-enterprises', cite(P, '促进各类创新要素向企业集聚,提升企业自主创新能力,加快发展一批具有国际竞争力的科技领军企业', context=EN))
plan_node('plat-postdoc-stations', 'Platform', '博士后工作站、博士后创新基地等产教融合平台', 'Postdoctoral workstations and innovation bases (industry-education platforms)',
          ['鼓励企业设立博士后工作站、博士后创新基地等产教融合平台,大力汇聚高层次人才'], ctx=EN + ' › 9.促进创新要素向企业集聚')
plan_edge('plat-postdoc-stations', 'PartOf', 'act-world-class-enterprises', ['鼓励企业设立博士后工作站、博士后创新基地等产教融合平台'], ctx=EN + ' › 9.促进创新要素向企业集聚')
plan_node('act-enterprise-hard-power', 'Action', '增强企业自主创新硬实力', 'Strengthening enterprises\' own innovation capacity',
          ['10.增强企业自主创新硬实力', '推动企业研发创新链条前移,鼓励龙头企业成立研究院',
           '鼓励企业参与重大科技基础设施、新型基础设施建设,承担关键技术和设备研发,承接国家科技重大专项和重点研发计划'], ctx=EN)
plan_edge('act-enterprise-hard-power', 'PartOf', 'act-world-class-enterprises', ['10.增强企业自主创新硬实力'], ctx=EN)
plan_node('lab-enterprise-joint-offshore-labs', 'Lab', '企业与境内外高校、科研机构的联合实验室、离岸实验室', 'Joint and offshore labs of enterprises with universities and institutes',
          ['支持企业与境内外高等院校、科研机构成立联合实验室、离岸实验室,提升原创技术和前沿技术研发实力'], ctx=EN + ' › 10.增强企业自主创新硬实力')
plan_edge('act-enterprise-hard-power', 'Supports', 'lab-enterprise-joint-offshore-labs',
          ['支持企业与境内外高等院校、科研机构成立联合实验室、离岸实验室'], ctx=EN + ' › 10.增强企业自主创新硬实力')
# [200] [202] Part five as a whole.
plan_node('plan14-key-field-breakthroughs', 'Action', '全力推进重点领域自主创新突破（“十四五”规划第五部分）', 'Breakthroughs in key fields (part five of the plan)',
          [S5, '以增强产业链供应链竞争力和引领力为导向,集中力量攻克一批产业瓶颈技术、攻坚一批前沿引领技术'])
plan_edge('plan-14fyp-sti', 'Defines', 'plan14-key-field-breakthroughs', [S5])
plan_edge('plan14-key-field-breakthroughs', 'FocusesOn', 'strategic-emerging-industries',
          ['(一)战略性新兴产业技术布局', '聚焦战略性新兴产业领域最紧急、最紧迫的技术瓶颈问题,全力开展科技攻关,突破一批关键核心技术,打造一批自主可控的战略性新兴产业集群'], ctx=S5)
plan_edge('plan14-key-field-breakthroughs', 'FocusesOn', 'future-industries', ['(二)未来产业技术布局'], ctx=S5)
# [250] [254] [265] [268] Ten actions (二)(三)(四).
plan_node('act-autonomous-industrial-ecosystem', 'Action', '构建自主可控的产业生态', 'An autonomous, controllable industrial ecosystem',
          ['构建自主可控的产业生态,支持领军企业牵头组织实施重大项目'], ctx=S6 + ' › (二)关键技术“攻坚行动”')
plan_edge('act-autonomous-industrial-ecosystem', 'PartOf', 'act-key-tech-tackling', ['构建自主可控的产业生态,支持领军企业牵头组织实施重大项目'], ctx=S6 + ' › (二)关键技术“攻坚行动”')
ACC = S6 + ' › (三)成果产业化“加速行动”'
plan_node('plat-incubation-carriers', 'Platform', '众创空间、孵化器、加速器、科技园区', 'Maker spaces, incubators, accelerators and science parks',
          ['加强众创空间、孵化器、加速器、科技园区布局建设'], ctx=ACC)
plan_edge('act-full-chain-incubation-system', 'Targets', 'plat-incubation-carriers', ['加强众创空间、孵化器、加速器、科技园区布局建设'], ctx=ACC + ' › 构建全链条孵化育成体系')
FIN = S6 + ' › (四)科技金融“融合行动”'
plan_node('act-ip-pricing-trading', 'Action', '知识产权和科技成果产权市场化定价和交易机制', 'Market pricing and trading of IP and S&T results',
          ['探索完善知识产权和科技成果产权市场化定价和交易机制,建立连接技术市场与资本市场的全国性综合服务平台'], ctx=FIN)
plan_edge('act-ip-pricing-trading', 'PartOf', 'act-sci-tech-finance-integration',
          ['探索完善知识产权和科技成果产权市场化定价和交易机制'], ctx=FIN)
plan_node('plan-guidance-fund-co-investment', 'Plan', '引导基金跟投、财政风险补偿等政策', 'Guidance-fund co-investment and fiscal risk-compensation policies',
          ['完善引导基金跟投、财政风险补偿等政策'], ctx=FIN)
plan_edge('plan-guidance-fund-co-investment', 'PartOf', 'act-full-chain-finance-for-sti',
          ['建立全链条金融支持科技创新体系。鼓励设立中小试转化投资基金,试行成果转化贷款风险补偿制度。完善引导基金跟投、财政风险补偿等政策'], ctx=FIN)
# [274] [286] [287] Ten actions (五)(六).
add_cite('act-youth-talent-cultivation', cite(P, '深入实施有关人才工程,把培育国家战略人才力量的政策重心放在青年科技人才上,支持青年人才挑大梁、当主角',
                                              context=S6 + ' › (五)创新人才“汇聚行动”'))
CH = S6 + ' › (六)四链衔接“畅通行动”'
plan_node('act-list-based-talent-recruitment', 'Action', '清单式引进战略科学家、高精尖缺人才', 'List-based recruitment of strategic scientists and scarce talent',
          ['发挥重大平台载体、行业领军企业的作用,清单式引进战略科学家、高精尖缺人才,提升引才精准度和产业适配度'], ctx=CH)
plan_edge('act-list-based-talent-recruitment', 'PartOf', 'act-talent-chain-around-innovation-chain',
          ['围绕创新链配置人才链。发挥重大平台载体、行业领军企业的作用,清单式引进战略科学家、高精尖缺人才'], ctx=CH)
plan_node('act-proactive-talent-search', 'Action', '“主动寻才”与人才跟踪培养机制', 'Seeking talent proactively; tracking and training young talent',
          ['以任务和需求为导向“主动寻才”,建立人才跟踪培养机制,长期稳定支持一批取得突出成绩且具有明显创新潜力的青年人才'], ctx=CH)
plan_edge('act-proactive-talent-search', 'PartOf', 'act-talent-chain-around-innovation-chain',
          ['以任务和需求为导向“主动寻才”,建立人才跟踪培养机制'], ctx=CH + ' › 围绕创新链配置人才链')
# [297]–[299] Ten actions (七): the global innovation network item. Its PartOf edge quoted the
# phrase at its first place in the text (the preamble's quotation of the speech); now the item.
OP = S6 + ' › (七)开放合作“拓展行动”'
e361 = [x for x in E if x['from'] == 'act-global-innovation-network' and x['rel'] == 'PartOf' and x['to'] == 'act-open-cooperation-expansion']
assert len(e361) == 1 and e361[0]['cites'][0]['quote'] == '主动融入全球创新网络'
e361[0]['cites'][0] = cite(P, '构建关键核心技术攻关新机制。主动融入全球创新网络', context=OP)
add_cite('act-global-innovation-network', cite(P, '构建关键核心技术攻关新机制。主动融入全球创新网络', context=OP))
plan_node('act-innovation-cooperation-orgs', 'Action', '推进创新合作组织建设，吸引国际学术组织在深办会', 'Innovation cooperation organisations; international academic meetings in Shenzhen',
          ['推进创新合作组织建设,吸引国际学术组织在深举办高水平学术会议、高端专业论坛'], ctx=OP)
plan_edge('act-innovation-cooperation-orgs', 'PartOf', 'act-global-innovation-network',
          ['主动融入全球创新网络。推进创新合作组织建设'], ctx=OP)
plan_node('org-intl-industry-standard-orgs', 'Organization', '国际性产业和标准组织', 'International industry and standards organisations',
          ['推动国际性产业和标准组织落户深圳'], ctx=OP, attrs={'status': '推动落户 (to be attracted to Shenzhen)'})
plan_edge('act-global-innovation-network', 'Targets', 'org-intl-industry-standard-orgs', ['推动国际性产业和标准组织落户深圳'], ctx=OP + ' › 主动融入全球创新网络')
# [314] [317] [328] Ten actions (九)(十).
RF = S6 + ' › (九)改革创新“深化行动”'
add_cite('act-sti-project-formation-mechanism', cite(P, '建立从产业发展实际问题中凝练科学问题机制,扩大高等院校、重大创新平台学术自主权和科研人员选题权', context=RF))
plan_node('act-lifecycle-classified-evaluation', 'Action', '科研项目分类管理与全生命周期分类科技评价体系', 'Classified project management and life-cycle S&T evaluation',
          ['推行科研项目分类管理,建立全生命周期分类科技评价体系'], ctx=RF + ' › 深化科技评价改革')
plan_edge('act-lifecycle-classified-evaluation', 'PartOf', 'act-sti-evaluation-reform', ['推行科研项目分类管理,建立全生命周期分类科技评价体系'], ctx=RF + ' › 深化科技评价改革')
add_cite('act-ip-full-chain-legal-services', cite(P, '大力推进公共法律服务进园区,建立政府支持,律师、公证、司法鉴定等法律服务机构参与的“事前+事中+事后”多维度、全方位法律服务链',
                                                  context=S6 + ' › (十)法治建设“保障行动”'))
# [367] The East Coast bio-valley's carriers and platforms.
BV = '七、优化创新空间格局 › (十)东部滨海国际生物谷创新集群区'
plan_node('plat-biovalley-marine-carriers', 'Platform', '海洋生物医药、海洋生物材料、海洋功能性食品等领域创新载体（东部滨海国际生物谷）',
          'Innovation carriers in marine biomedicine, marine biomaterials and marine functional food (East Coast bio-valley)',
          ['建设一批海洋生物医药、海洋生物材料、海洋功能性食品等领域创新载体'], ctx=BV)
plan_edge('ica-east-coast-biovalley', 'Hosts', 'plat-biovalley-marine-carriers', ['建设一批海洋生物医药、海洋生物材料、海洋功能性食品等领域创新载体'], ctx=BV)
plan_node('plat-biovalley-common-platforms', 'Platform', '测试分析、安全检验、认证测试等通用性功能性平台以及中试基地（东部滨海国际生物谷）',
          'Common testing, inspection and certification platforms and pilot bases (East Coast bio-valley)',
          ['布局测试分析、安全检验、认证测试等通用性功能性平台以及中试基地'], ctx=BV)
plan_edge('ica-east-coast-biovalley', 'Hosts', 'plat-biovalley-common-platforms', ['布局测试分析、安全检验、认证测试等通用性功能性平台以及中试基地'], ctx=BV)

# ============================================================ precision fixes (sample seed 2029)
# The city carrying out its own measures (推行, 开展, 实施, 承接, 上线运行) is Implements, not Leads.
for to in ('act-lead-reviewer-system', 'act-milestone-evaluation', 'act-lump-sum-funding', 'act-talent-instant-approval',
           'act-foreign-talent-confirmation', 'act-foreigner-service-platform', 'act-sz-israel-joint-funding',
           'act-chain-leader-system', 'five-actions-2021'):
    hits = [x for x in E if x['from'] == 'shenzhen' and x['to'] == to and x['rel'] == 'Leads']
    assert len(hits) == 1, to
    assert not [x for x in E if x['from'] == 'shenzhen' and x['to'] == to and x['rel'] == 'Implements'], to
    hits[0]['rel'] = Word('Implements')
# “人才方面,深圳将推动…人才高地建设”: the city drives it, not the commission.
hits = [x for x in E if x['from'] == 'sz-stic' and x['to'] == 'talent-highland' and x['rel'] == 'Leads']
assert len(hits) == 1
hits[0]['from'] = 'shenzhen'; hits[0]['rel'] = Word('Supports')
hits[0].setdefault('attrs', {})['verb'] = '推动 (drives)'
# Contexts whose last step named the item before the quote's own item (“二是…” for a 四是 quote).
for x in d['nodes'] + E:
    for c in x['cites']:
        ctx = c.get('context')
        if not ctx: continue
        parts = ctx.split(' › ')
        if not re.match(r'^[一二三四五六七八九十]是', parts[-1]): continue
        t = FLAT[c['source']]; q = re.sub(r'\s', '', c['quote']); qi = t.find(q)
        last = re.sub(r'\s', '', parts[-1]); li = t.find(last)
        items = list(re.finditer(r'[一二三四五六七八九十]是[^,，。;；]*', t[li + len(last):qi]))
        if items:
            own = items[-1].group(0)
            assert own in t
            c['context'] = ' › '.join(parts[:-1] + [own])
            added['contexts fixed'] = added.get('contexts fixed', 0) + 1

# ============================================================ write
for x in d['nodes'] + E:
    if x.get('attrs'): x['attrs'] = dict(sorted(x['attrs'].items()))
ORDER = {'Node': ['__t', 'id', 'kind', 'name', 'aliases', 'attrs', 'cites'],
         'Edge': ['__t', 'from', 'to', 'rel', 'year', 'inferred', 'attrs', 'cites']}
d['nodes'] = [{k: n[k] for k in ORDER['Node'] if k in n} for n in d['nodes']]
d['edges'] = E = [{k: e[k] for k in ORDER['Edge'] if k in e} for e in E]
text = '#![enable(implicit_some)]\n' + ronpy.dump(d) + '\n'
open(out, 'w', encoding='utf-8').write(text.replace("'", "\\'"))
print(added, file=sys.stderr)
