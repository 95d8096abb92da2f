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

# ============================================================ write
for x in d['nodes'] + E:
    if x.get('attrs'): x['attrs'] = dict(sorted(x['attrs'].items()))
text = '#![enable(implicit_some)]\n' + ronpy.dump(d) + '\n'
open(out, 'w', encoding='utf-8').write(text.replace("'", "\\'"))
print(added, file=sys.stderr)
