V = {i: ('supported', 'ok', '') for i in range(1, 61)}
V.update({
6: ('supported', 'ok', '“亟须健全科技伦理治理体制和数据治理体系”'),
19: ('supported', 'ok', 'the zone is named for Shenzhen; “发挥深圳国家高新区…的带动作用”'),
29: ('supported', 'ok', 'the quote also occurs earlier (五、(一)3.高端制造装备); the 燕罗-李西 occurrence states it — quote since extended to “燕罗-李西片区,聚焦…” so it is unique'),
32: ('supported', 'ok', 'the action is named for the “四链衔接” it works on'),
50: ('supported', 'ok', '“亲自谋划、亲自部署、亲自推动粤港澳大湾区…建设”: the role the text states'),
51: ('supported', 'ok', 'labelled weak link (RelatedTo), claims only co-mention'),
52: ('supported', 'ok', 'labelled weak link (RelatedTo), claims only co-mention'),
})
