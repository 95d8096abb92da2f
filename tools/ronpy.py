"""Minimal reader/writer for the RON subset of graph-data/*.ron (curation scripts only).

Structs become dicts with a '__t' key holding the struct name; enum words become Word(str)."""
import re, json

class Word(str):
    pass

TOK = re.compile(r'\s*(?://[^\n]*\n\s*)*(?:(?P<s>"(?:[^"\\]|\\.)*")|(?P<n>-?\d+(?:\.\d+)?)|(?P<w>[A-Za-z_][A-Za-z0-9_]*)|(?P<p>[()\[\]{}:,]))', re.S)

def unescape(s):
    return json.loads(s.replace("\\'", "'"))

def parse(text):
    text = re.sub(r'^#!\[enable\([^)]*\)\]\s*', '', text)
    toks = []
    pos = 0
    while True:
        m = TOK.match(text, pos)
        if not m:
            if text[pos:].strip() == '' or re.fullmatch(r'(\s*//[^\n]*)*\s*', text[pos:]):
                break
            raise ValueError('bad token at %d: %r' % (pos, text[pos:pos+40]))
        pos = m.end()
        if m.group('s') is not None: toks.append(('s', unescape(m.group('s'))))
        elif m.group('n') is not None:
            v = m.group('n'); toks.append(('n', float(v) if '.' in v else int(v)))
        elif m.group('w') is not None: toks.append(('w', m.group('w')))
        else: toks.append(('p', m.group('p')))
    i = 0
    def val():
        nonlocal i
        t, v = toks[i]; i += 1
        if t in ('s', 'n'): return v
        if t == 'w':
            if v in ('true', 'false'): return v == 'true'
            if i < len(toks) and toks[i] == ('p', '('):
                i += 1
                d = {'__t': v}
                while toks[i] != ('p', ')'):
                    k = toks[i][1]; i += 1
                    assert toks[i] == ('p', ':'), toks[i]; i += 1
                    d[k] = val()
                    if toks[i] == ('p', ','): i += 1
                i += 1
                return d
            return Word(v)
        if v == '[':
            l = []
            while toks[i] != ('p', ']'):
                l.append(val())
                if toks[i] == ('p', ','): i += 1
            i += 1
            return l
        if v == '{':
            d = {}
            while toks[i] != ('p', '}'):
                k = val(); assert toks[i] == ('p', ':'); i += 1
                d[k] = val()
                if toks[i] == ('p', ','): i += 1
            i += 1
            return d
        raise ValueError(v)
    return val()

def q(s):
    return json.dumps(s, ensure_ascii=False)

def dump(v, ind=0):
    sp = '    ' * (ind + 1)
    if isinstance(v, bool): return 'true' if v else 'false'
    if isinstance(v, Word): return str(v)
    if isinstance(v, str): return q(v)
    if isinstance(v, (int, float)): return str(v)
    if isinstance(v, list):
        if not v: return '[]'
        return '[\n' + ''.join(sp + dump(x, ind + 1) + ',\n' for x in v) + '    ' * ind + ']'
    if isinstance(v, dict) and '__t' in v:
        items = [(k, x) for k, x in v.items() if k != '__t']
        return v['__t'] + '(\n' + ''.join(sp + k + ': ' + dump(x, ind + 1) + ',\n' for k, x in items) + '    ' * ind + ')'
    if isinstance(v, dict):
        if not v: return '{}'
        return '{\n' + ''.join(sp + q(k) + ': ' + dump(x, ind + 1) + ',\n' for k, x in v.items()) + '    ' * ind + '}'
    raise TypeError(type(v))

def load(path):
    return parse(open(path, encoding='utf-8').read())

def save(path, data):
    open(path, 'w', encoding='utf-8').write('#![enable(implicit_some)]\n' + dump(data) + '\n')
