#!/usr/bin/env python3
"""Checks a translation of the help centre's content against its English sources, for what the
build does not compare: usage `scripts/check-translation.py [PROJECT_DIR] [LANG]` (defaults: `.`
and `fr`), with Python 3 and PyYAML.

- policy/vocabulary.LANG.yaml: the English file's sections plus `rules:`; exactly the English
  keys in starting/actions/results/diagram with the same {placeholders}; `labels:` mapping each
  English label (same kinds, same order) to a distinct translation; `rules:` giving every rule id
  of policy/backup-policy.yaml, in order, a title and a sentence.
- every content/**/NAME.md has a NAME.LANG.md whose front matter parses, has the source's keys
  plus `translation_of` (equal to the source's `updated` when it has one), the same author,
  updated, order, featured, tags, rules, draft, aliases and toc_depth, and a translated title
  and description;
- the same structure as its source: heading levels, list items, table rows, callouts in order
  (kinds, RULE ids that exist, EXAMPLE scenario names that exist), link targets in order, each
  #fragment a heading id of the translated target (slugged as HeadingSlugger does), images as
  NAME.LANG.svg copies that exist with alt text, and [[labels]] that are translations of the
  source's labels, in the same order;
- French typography (LANG fr): no ordinary space before : ; ? ! or inside « »;
- every images/NAME.LANG.svg: parses, keeps title/desc, role, aria-labelledby and size, and
  shows the translation of each vocabulary label the English screen shows.
Exit status 1 when anything is found, each problem on a line.
"""
import glob, os, re, sys, unicodedata
import xml.etree.ElementTree as ET
import yaml

ROOT = sys.argv[1] if len(sys.argv) > 1 else '.'
LANG = sys.argv[2] if len(sys.argv) > 2 else 'fr'
SUFFIX = f'.{LANG}.md'
os.chdir(ROOT)
problems = []
def bad(where, msg): problems.append(f'{where}: {msg}')

def split(path):
    text = open(path, encoding='utf-8').read()
    m = re.match(r'---\n(.*?)\n---\n(.*)', text, re.S)
    if not m:
        bad(path, 'no front matter'); return {}, text, 0
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        bad(path, f'front matter YAML: {e}'); fm = {}
    return fm, m.group(2), m.group(1).count('\n') + 3

def slug(text):  # HeadingSlugger.characterSlug
    out = ''
    for ch in text.lower():
        if ch.isalpha() or ch.isnumeric() or ch in '-_': out += ch
        elif ch == ' ': out += '-'
    return out or 'section'

def headings(body):
    hs, used, in_code = [], set(), False
    for line in body.split('\n'):
        if line.startswith('```'): in_code = not in_code
        if in_code: continue
        m = re.match(r'(#{1,6}) (.*)', line)
        if m:
            base = slug(m.group(2).strip()); cand, n = base, 1
            while cand in used: cand = f'{base}-{n}'; n += 1
            used.add(cand); hs.append((len(m.group(1)), cand))
    return hs

def structure(body):
    return {
        'levels': [l for l, _ in headings(body)],
        'callouts': re.findall(r'^> \[!(\w+)\](.*)$', body, re.M),
        'links': [t for t in re.findall(r'(?<!!)\[[^\]]*\]\(([^)\s]+)\)', body)],
        'images': re.findall(r'!\[([^\]]*)\]\(([^)\s]+)', body),
        'labels': re.findall(r'\[\[([^\]]+)\]\]', body),
        'lists': len(re.findall(r'^\s*(?:[-*]|\d+\.) ', body, re.M)),
        'tables': len(re.findall(r'^\|', body, re.M)),
    }

policy = yaml.safe_load(open('policy/backup-policy.yaml'))
rule_ids = [r['id'] for r in policy['rules']]
voc_en = yaml.safe_load(open('policy/vocabulary.yaml'))
VOC = f'vocabulary.{LANG}.yaml'
if not os.path.exists(f'policy/{VOC}'):
    sys.exit(f'policy/{VOC}: no such file (is {ROOT!r} the project folder, {LANG!r} the language?)')
try:
    voc_fr = yaml.safe_load(open(f'policy/{VOC}', encoding='utf-8'))
except yaml.YAMLError as e:
    sys.exit(f'policy/{VOC}: {e}')
scenario_names = set()
for f in glob.glob('scenarios/*.yaml'):
    for s in (yaml.safe_load(open(f)) or {}).get('scenarios', []): scenario_names.add(s['name'])

# --- vocabulary.fr.yaml
if set(voc_fr) != set(voc_en) | {'rules'}:
    bad(VOC, f'sections {sorted(voc_fr)} != {sorted(set(voc_en) | {"rules"})}')
for sec in ['starting', 'actions', 'results', 'diagram']:
    en, fr = voc_en.get(sec, {}), voc_fr.get(sec, {})
    if set(en) != set(fr):
        bad(VOC, f'{sec}: missing {sorted(set(en) - set(fr))}, extra {sorted(set(fr) - set(en))}')
    for k in en:
        if k in fr:
            if sorted(re.findall(r'\{\w+\}', en[k])) != sorted(re.findall(r'\{\w+\}', fr[k])):
                bad(VOC, f'{sec}.{k}: placeholders differ')
            if not isinstance(fr[k], str) or not fr[k].strip():
                bad(VOC, f'{sec}.{k}: empty')
if set(voc_en['labels']) != set(voc_fr['labels']):
    bad(VOC, 'label kinds differ')
en2fr = {}
for kind, items in voc_en['labels'].items():
    fr = voc_fr['labels'].get(kind) or {}
    if not isinstance(fr, dict): bad(VOC, f'labels.{kind} is not a mapping'); continue
    if list(fr) != items: bad(VOC, f'labels.{kind}: English keys {list(fr)} != {items}')
    en2fr.update(fr)
if len(set(en2fr.values())) != len(en2fr): bad(VOC, 'two English labels share a French label')
rules_fr = voc_fr.get('rules', {})
if list(rules_fr) != rule_ids:
    bad(VOC, f'rules: {list(rules_fr)} != policy ids {rule_ids}')
for rid, r in rules_fr.items():
    if set(r) != {'title', 'sentence'} or not all(isinstance(v, str) and v.strip() for v in r.values()):
        bad(VOC, f'rules.{rid}: needs exactly a non-empty title and sentence')
fr2en = {v: k for k, v in en2fr.items()}

# --- articles and indexes
pairs = [(p, p[:-len(SUFFIX)] + '.md') for p in sorted(glob.glob(f'content/**/*{SUFFIX}', recursive=True))]
sources = sorted(p for p in glob.glob('content/**/*.md', recursive=True) if not re.search(r'\.[a-z]{2}(-[A-Za-z]{2})?\.md$', p))
missing = [s for s in sources if s[:-3] + SUFFIX not in dict(pairs)]
if missing: bad('content', f'sources without a French translation: {missing}')
fr_headings = {}
for fr, en in pairs:
    fr_headings[fr] = {h for _, h in headings(split(fr)[1])}
for fr, en in pairs:
    fm_fr, body_fr, _ = split(fr); fm_en, body_en, _ = split(en)
    if set(fm_fr) != set(fm_en) | {'translation_of'}:
        bad(fr, f'front matter keys {sorted(fm_fr)} vs source {sorted(fm_en)} + translation_of')
    if 'updated' in fm_en and fm_fr.get('translation_of') != fm_en['updated']:
        bad(fr, f"translation_of {fm_fr.get('translation_of')} != source updated {fm_en['updated']}")
    for k in ['author', 'updated', 'order', 'featured', 'tags', 'rules', 'draft', 'aliases', 'toc_depth']:
        if fm_en.get(k) != fm_fr.get(k): bad(fr, f'{k}: {fm_fr.get(k)!r} != source {fm_en.get(k)!r}')
    for k in ['title', 'description']:
        if not isinstance(fm_fr.get(k), str) or fm_fr.get(k) == fm_en.get(k): bad(fr, f'{k} missing or untranslated')
    for rid in fm_fr.get('rules') or []:
        if rid not in rule_ids: bad(fr, f'unknown rule {rid} in front matter')
    s_fr, s_en = structure(body_fr), structure(body_en)
    for k in ['levels', 'lists', 'tables']:
        if s_fr[k] != s_en[k]: bad(fr, f'{k} differ: {s_fr[k]} vs {s_en[k]}')
    if [(c, a.strip()) for c, a in s_fr['callouts']] != [(c, a.strip()) for c, a in s_en['callouts']]:
        bad(fr, f"callouts differ: {s_fr['callouts']} vs {s_en['callouts']}")
    for kind, arg in s_fr['callouts']:
        if kind == 'RULE' and arg.strip() not in rule_ids: bad(fr, f'unknown rule {arg}')
        if kind == 'EXAMPLE' and arg.strip() not in scenario_names: bad(fr, f'unknown scenario {arg}')
    if [l.split('#')[0] for l in s_fr['links']] != [l.split('#')[0] for l in s_en['links']]:
        bad(fr, f"link targets differ:\n  {s_fr['links']}\n  {s_en['links']}")
    here = os.path.dirname(fr)
    for link in s_fr['links']:
        path, _, frag = link.partition('#')
        target = fr if not path else os.path.normpath(os.path.join(here, path[:-3] + SUFFIX))
        if path and not os.path.exists(os.path.join(here, path)): bad(fr, f'link to missing {path}')
        if frag and frag not in fr_headings.get(target, set()):
            bad(fr, f'#{frag} is not a heading of {target}')
    if [os.path.basename(i[1]).replace('.svg', '') for i in s_en['images']] != [os.path.basename(i[1]).replace(f'.{LANG}.svg', '') for i in s_fr['images']]:
        bad(fr, 'images differ')
    for alt, src in s_fr['images']:
        if not src.endswith(f'.{LANG}.svg') or not os.path.exists(os.path.join(here, src)): bad(fr, f'image {src} not a French copy that exists')
        if not alt.strip(): bad(fr, 'empty alt')
    for lab in s_fr['labels']:
        if lab not in fr2en: bad(fr, f'[[{lab}]] is not a label of {VOC}')
    if [fr2en.get(l) for l in s_fr['labels']] != s_en['labels']:
        bad(fr, f"labels do not match the source's in order: {[fr2en.get(l) for l in s_fr['labels']]} vs {s_en['labels']}")
    text = open(fr, encoding='utf-8').read()
    for m in re.finditer(r' [:;?!]|« | »', text) if LANG == 'fr' else []:
        line = text[:m.start()].count('\n') + 1
        bad(fr, f'line {line}: ordinary space where a non-breaking one belongs ({m.group()!r})')

# --- screens
for svg in sorted(glob.glob(f'content/**/images/*.{LANG}.svg', recursive=True)):
    en_svg = svg.replace(f'.{LANG}.svg', '.svg')
    try:
        t_fr, t_en = ET.parse(svg).getroot(), ET.parse(en_svg).getroot()
    except ET.ParseError as e:
        bad(svg, f'XML: {e}'); continue
    ns = '{http://www.w3.org/2000/svg}'
    for tag in ['title', 'desc']:
        if (t_fr.find(ns + tag) is None) != (t_en.find(ns + tag) is None): bad(svg, f'{tag} missing')
    for a in ['role', 'aria-labelledby', 'width', 'height', 'viewBox']:
        if t_fr.get(a) != t_en.get(a): bad(svg, f'attribute {a} differs')
    texts_fr = [e.text for e in t_fr.iter(ns + 'text')]; texts_en = [e.text for e in t_en.iter(ns + 'text')]
    if len(texts_fr) != len(texts_en): bad(svg, 'not the same number of texts')
    same = [t for t, u in zip(texts_fr, texts_en) if t == u]
    print(f'{svg}: {len(texts_fr)} texts, unchanged from English: {same}')
    for lab_en, lab_fr in en2fr.items():
        if any(lab_en == t for t in texts_en) and lab_fr not in texts_fr: bad(svg, f'label {lab_en!r} not shown as {lab_fr!r}')

print(f'{len(pairs)} {LANG} pages, {len(rules_fr)} rules, {len(en2fr)} labels, '
      + ', '.join(f'{s}: {len(voc_fr.get(s, {}))} keys' for s in ['starting', 'actions', 'results', 'diagram']))
print('\n'.join(problems) if problems else 'no problems')
sys.exit(1 if problems else 0)
