#!/usr/bin/env python3
"""Writes specs/endpoints/<product>-<version>.json from two published sources:

- the vendor metadata's `endpoints` table (newest api-docs.json snapshot of the product), and
- the official Python SDK package's endpoint facts: `_endpoint_rule` and `_endpoint_map`, read as
  literals from its client.py (nothing else of the SDK is kept).

Usage (see README.md):
    pip download --no-deps -d WHEELS alibabacloud-ecs20140526==7.11.8
    python3 extract.py --metadata ../../../shared/vendor-metadata/ecs-2014-05-26 --wheel WHEELS/alibabacloud_ecs20140526-7.11.8-py3-none-any.whl
"""
import argparse, ast, collections, json, os, re, sys, zipfile

HOST = re.compile(r'^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$')


def clean_rows(pairs, where):
    """`(region, host)` pairs as rows; surrounding whitespace is removed and reported, anything
    else that is not a host name stops the extraction."""
    rows, repairs = [], []
    for region, host in pairs:
        if host != host.strip():
            repairs.append({'regionId': region, 'published': host,
                            'repair': 'surrounding whitespace removed'})
            host = host.strip()
        if not HOST.match(host) or not HOST.match(region + '.x'):
            sys.exit(f'{where}: region {region!r} host {host!r} is not a host name')
        rows.append({'regionId': region, 'host': host})
    return rows, repairs


def sdk_facts(wheel):
    name = os.path.basename(wheel)
    m = re.match(r'(alibabacloud_[a-z0-9_]+?)-([0-9][0-9a-z.]*)-py3', name)
    if not m:
        sys.exit(f'{wheel}: not an alibabacloud_* wheel name')
    module, version = m.group(1), m.group(2)
    with zipfile.ZipFile(wheel) as z:
        tree = ast.parse(z.read(f'{module}/client.py').decode())
    rule, emap, product_id = None, None, None
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Attribute)):
            continue
        attr = node.targets[0].attr
        if attr == '_endpoint_rule':
            rule = ast.literal_eval(node.value)
        elif attr == '_endpoint_map':
            emap = ast.literal_eval(node.value)
        elif attr == '_endpoint' and isinstance(node.value, ast.Call) and node.value.args:
            product_id = ast.literal_eval(node.value.args[0])
    if rule is None or product_id is None:
        sys.exit(f'{wheel}: no _endpoint_rule / get_endpoint(product_id, ...) in client.py')
    rows, repairs = clean_rows((emap or {}).items(), wheel)
    facts = {
        'package': module.replace('_', '-'),
        'version': version,
        'productId': product_id,
        'endpointRule': rule,
        'endpointMap': rows,
    }
    if repairs:
        facts['repairs'] = repairs
    return facts


def metadata_table(folder):
    files = sorted(f for f in os.listdir(folder) if f.endswith('.api-docs.json'))
    newest = files[-1]
    doc = json.load(open(os.path.join(folder, newest)))
    pairs = ((e['regionId'], e['endpoint']) for e in doc.get('endpoints', []))
    rows, repairs = clean_rows(pairs, f'{folder}/{newest}')
    return doc['info'], newest, rows, repairs


def host_prefix(rows, product_id):
    """The label most regular hosts start with (`<prefix>.<region>.aliyuncs.com`)."""
    counts = collections.Counter()
    for r in rows:
        first, _, rest = r['host'].partition('.')
        if rest in (f"{r['regionId']}.aliyuncs.com", 'aliyuncs.com'):
            counts[first] += 1
    return counts.most_common(1)[0][0] if counts else product_id.lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--metadata', required=True, help='vendor-metadata/<product>-<version> folder')
    ap.add_argument('--wheel', required=True, help='the official SDK wheel (pip download --no-deps)')
    ap.add_argument('--out', default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()
    folder = os.path.basename(os.path.normpath(a.metadata))
    info, newest, rows, repairs = metadata_table(a.metadata)
    sdk = sdk_facts(a.wheel)
    rule = {'regional': 'regional', 'central': 'central'}.get(sdk['endpointRule'], 'none')
    out = {
        '$comment': 'Endpoint facts of this product, written by extract.py (see README.md); do not edit by hand.',
        'product': info['product'],
        'version': info['version'],
        'hostPrefix': host_prefix(rows, sdk['productId']),
        'rule': rule,
        'metadata': {'file': f'{folder}/{newest}', 'date': newest[:10], 'endpoints': rows},
        'officialSdk': sdk,
    }
    if repairs:
        out['metadata']['repairs'] = repairs
    path = os.path.join(a.out, folder + '.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write('\n')
    print(f"{path}: {len(rows)} metadata rows, {len(sdk['endpointMap'])} SDK rows, "
          f"prefix {out['hostPrefix']}, rule {rule}, "
          f"{len(repairs) + len(sdk.get('repairs', []))} repairs")


if __name__ == '__main__':
    main()
