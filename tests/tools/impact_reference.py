#!/usr/bin/env python3
"""Reference implementation of Faultline's impact rules (DESIGN.md), stdlib only.

An independent oracle for tests: it computes states by a plain synchronous fixed-point
iteration and the causes exactly as DESIGN.md defines them.

    impact_reference.py MAP.json --scenario NAME [--json]
    impact_reference.py MAP.json --fail ID [--fail ID ...] [--degrade ID ...] [--json]
    impact_reference.py MAP.json --all          # every saved scenario, text
    impact_reference.py --batch RUNS.json       # many maps at once, JSON (see batch())

Exit codes: 0 success, 1 bad input (invalid map, unknown id or scenario), 2 usage.
"""
import argparse
import json
import sys

UP, AT_RISK, DEGRADED, DOWN = 0, 1, 2, 3
STATE_NAMES = ["up", "at-risk", "degraded", "down"]


class MapError(Exception):
    pass


def load_map(path):
    """Load and validate an interchange file; raise MapError naming the offending entry."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise MapError(f"{path}: {e}")
    return validate(doc, path)


def validate(doc, path):
    if not isinstance(doc, dict) or doc.get("format") != "faultline-map":
        raise MapError(f"{path}: format is not faultline-map")
    if not isinstance(doc.get("version"), int) or doc["version"] > 1:
        raise MapError(f"{path}: version {doc.get('version')!r} is not supported (max 1)")
    comps = doc.get("components", [])
    deps = doc.get("dependencies", [])
    scens = doc.get("scenarios", [])
    ids = {}
    for i, c in enumerate(comps):
        cid = c.get("id")
        if not isinstance(cid, str) or not cid:
            raise MapError(f"components[{i}]: missing id")
        if cid in ids:
            raise MapError(f"components[{i}]: duplicate id {cid!r}")
        ids[cid] = c
        if "require" in c and (not isinstance(c["require"], int) or c["require"] < 0):
            raise MapError(f"component {cid!r}: require must be a non-negative integer")
        if "business" in c and not isinstance(c["business"], bool):
            raise MapError(f"component {cid!r}: business must be true or false")
    for cid, c in ids.items():
        p = c.get("parent")
        if p is not None and p not in ids:
            raise MapError(f"component {cid!r}: unknown parent {p!r}")
        seen, q = {cid}, p
        while q is not None:
            if q in seen:
                raise MapError(f"component {cid!r}: parent chain loops")
            seen.add(q)
            q = ids[q].get("parent")
    pairs = set()
    hard_count = {cid: 0 for cid in ids}
    for i, d in enumerate(deps):
        f, t, ty = d.get("from"), d.get("to"), d.get("type", "hard")
        for end in (f, t):
            if end not in ids:
                raise MapError(f"dependencies[{i}]: unknown id {end!r}")
        if f == t:
            raise MapError(f"dependencies[{i}]: {f!r} depends on itself")
        if (f, t) in pairs:
            raise MapError(f"dependencies[{i}]: {f!r} -> {t!r} listed twice")
        if ty not in ("hard", "soft"):
            raise MapError(f"dependencies[{i}]: type {ty!r} is not hard or soft")
        pairs.add((f, t))
        hard_count[f] += ty == "hard"
    for cid, c in ids.items():
        if c.get("require", 0) > hard_count[cid]:
            raise MapError(f"component {cid!r}: require {c['require']} > "
                           f"{hard_count[cid]} hard dependencies")
    names = set()
    for i, s in enumerate(scens):
        n = s.get("name")
        if not isinstance(n, str) or n in names:
            raise MapError(f"scenarios[{i}]: missing or duplicate name {n!r}")
        names.add(n)
        for cid in s.get("fail", []) + s.get("degrade", []):
            if cid not in ids:
                raise MapError(f"scenario {n!r}: unknown id {cid!r}")
    return doc


def compute(doc, fail, degrade):
    """Return (order, states, causes, rounds): states[id] in 0..3, causes[id] an id or None,
    rounds[id] the round of the final rise (0 for the scenario's own), None where up."""
    comps = doc["components"]
    order = [c["id"] for c in comps]
    parent = {c["id"]: c.get("parent") for c in comps}
    deps = {cid: [] for cid in order}  # (to, type) in file order
    for d in doc.get("dependencies", []):
        deps[d["from"]].append((d["to"], d.get("type", "hard")))
    require = {}
    for c in comps:
        n = sum(1 for _, ty in deps[c["id"]] if ty == "hard")
        require[c["id"]] = c.get("require", n)

    def rules(cid, s):
        """States rules 2-5 give cid from the states s of the previous round."""
        best = UP
        p = parent[cid]
        if p is not None:
            best = max(best, DOWN if s[p] == DOWN else DEGRADED if s[p] == DEGRADED else UP)
        hard = [s[t] for t, ty in deps[cid] if ty == "hard"]
        soft = [s[t] for t, ty in deps[cid] if ty == "soft"]
        if sum(1 for x in hard if x != DOWN) < require[cid]:
            return DOWN
        if DEGRADED in hard or any(x >= DEGRADED for x in soft):
            return max(best, DEGRADED)
        if DOWN in hard:
            return max(best, AT_RISK)
        return best

    # Round 0: rule 1.
    state = {cid: UP for cid in order}
    for cid in degrade:
        state[cid] = max(state[cid], DEGRADED)
    for cid in fail:
        state[cid] = DOWN
    history = [dict(state)]          # history[r] = states after round r
    rise = {cid: 0 for cid in order}  # round of each component's final rise
    while True:
        prev = history[-1]
        new = {cid: max(prev[cid], rules(cid, prev)) for cid in order}
        if new == prev:
            break
        for cid in order:
            if new[cid] > prev[cid]:
                rise[cid] = len(history)
        history.append(new)
    final = history[-1]

    def justifies(cid, nb, is_parent, ty, s):
        st, x = final[cid], s[nb]
        if st == DOWN:
            if is_parent:
                return x == DOWN
            hard = [s[t] for t, t2 in deps[cid] if t2 == "hard"]
            fires = sum(1 for v in hard if v != DOWN) < require[cid]
            return fires and ty == "hard" and x == DOWN
        if st == DEGRADED:
            if is_parent:
                return x == DEGRADED
            return x == DEGRADED if ty == "hard" else x >= DEGRADED
        if st == AT_RISK:
            return not is_parent and ty == "hard" and x == DOWN
        return False

    causes = {}
    for cid in order:
        if final[cid] == UP or rise[cid] == 0:
            causes[cid] = None
            continue
        s = history[rise[cid] - 1]
        cands = ([(parent[cid], True, None)] if parent[cid] else []) + \
                [(t, False, ty) for t, ty in deps[cid]]
        causes[cid] = next(nb for nb, is_p, ty in cands if justifies(cid, nb, is_p, ty, s))
    rounds = {cid: (None if final[cid] == UP else rise[cid]) for cid in order}
    return order, final, causes, rounds


def exposed(doc, states):
    """Components that are up and whose hard-dependency cone (hard dependencies and parent,
    followed transitively, whatever their states) holds an at-risk component; map order.
    Walked forwards from each component separately: slow and obvious."""
    order = [c["id"] for c in doc["components"]]
    parent = {c["id"]: c.get("parent") for c in doc["components"]}
    hard = {cid: [] for cid in order}
    for d in doc.get("dependencies", []):
        if d.get("type", "hard") == "hard":
            hard[d["from"]].append(d["to"])
    out = []
    for cid in order:
        if states[cid] != UP:
            continue
        seen, stack, found = set(), [cid], False
        while stack and not found:
            x = stack.pop()
            for y in hard[x] + ([parent[x]] if parent[x] else []):
                if y in seen:
                    continue
                seen.add(y)
                if states[y] == AT_RISK:
                    found = True
                    break
                stack.append(y)
        if found:
            out.append(cid)
    return out


def result(doc, fail, degrade):
    """The result in the shape of `faultline impact --format json`."""
    order, states, causes, rounds = compute(doc, fail, degrade)
    byid = {c["id"]: c for c in doc["components"]}
    exp = exposed(doc, states)
    out, summary = [], {"down": 0, "degraded": 0, "at_risk": 0, "exposed": len(exp),
                        "cost_per_hour": 0}
    for cid in order:
        st = states[cid]
        if st == UP:
            continue
        path = [cid]
        while causes[path[-1]] is not None:
            path.append(causes[path[-1]])
        out.append({"id": cid, "name": byid[cid].get("name", cid),
                    "state": STATE_NAMES[st], "round": rounds[cid], "cause": causes[cid],
                    "path": path})
        summary[["", "at_risk", "degraded", "down"][st]] += 1
        if st == DOWN:
            summary["cost_per_hour"] += byid[cid].get("cost_per_hour", 0)
    business = {name: [] for name in STATE_NAMES}
    for cid in order:
        if byid[cid].get("business"):
            business[STATE_NAMES[states[cid]]].append(cid)
    return {"scenario": {"fail": list(fail), "degrade": list(degrade)},
            "summary": summary, "components": out, "exposed": exp, "business": business,
            "states": {cid: STATE_NAMES[states[cid]] for cid in order}}


def dependency_key(d):
    """A dependency as compare sees it: its target, type, label and any other keys."""
    rest = {k: v for k, v in d.items() if k not in ("from", "to", "type", "label")}
    return (d["to"], d.get("type", "hard"), d.get("label", ""),
            json.dumps(rest, sort_keys=True))


def compare(doc_a, fail_a, degrade_a, doc_b, fail_b, degrade_b):
    """The result in the shape of `faultline compare --format json`."""
    ra = result(doc_a, fail_a, degrade_a)
    rb = result(doc_b, fail_b, degrade_b)
    comps_a = {c["id"]: c for c in doc_a["components"]}
    comps_b = {c["id"]: c for c in doc_b["components"]}
    order_a = [c["id"] for c in doc_a["components"]]
    order_b = [c["id"] for c in doc_b["components"]]

    def deps_of(doc):
        out = {}
        for d in doc.get("dependencies", []):
            out.setdefault(d["from"], set()).add(dependency_key(d))
        return out

    deps_a, deps_b = deps_of(doc_a), deps_of(doc_b)
    components = []
    for cid in order_b:
        if cid in comps_a and ra["states"][cid] != rb["states"][cid]:
            components.append({"id": cid, "name": comps_b[cid].get("name", cid),
                               "a": ra["states"][cid], "b": rb["states"][cid]})
    changed = [cid for cid in order_b if cid in comps_a and
               (comps_a[cid] != comps_b[cid] or
                deps_a.get(cid, set()) != deps_b.get(cid, set()))]

    def summary(res, doc):
        s = dict(res["summary"])
        business = {c["id"] for c in doc["components"] if c.get("business")}
        s["exposed_business"] = [cid for cid in res["exposed"] if cid in business]
        return s

    return {"a": ra["scenario"], "b": rb["scenario"], "components": components,
            "added": [cid for cid in order_b if cid not in comps_a],
            "removed": [cid for cid in order_a if cid not in comps_b],
            "changed": changed,
            "summary": {"a": summary(ra, doc_a), "b": summary(rb, doc_b)}}


def batch(path):
    """Many maps at once, for tests that would otherwise start this program thousands of times.
    RUNS.json is {"impact": [{"map": MAP, "fail": [...], "degrade": [...]}, ...],
    "compare": [{"a": {"map", "fail", "degrade"}, "b": {...}}, ...]}, each MAP an interchange
    document; the answer is {"impact": [impact JSON, ...], "compare": [compare JSON, ...]}."""
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    out = {"impact": [], "compare": []}
    for i, r in enumerate(runs.get("impact", [])):
        doc = validate(r["map"], f"impact[{i}]")
        out["impact"].append(result(doc, r.get("fail", []), r.get("degrade", [])))
    for i, r in enumerate(runs.get("compare", [])):
        a, b = r["a"], r["b"]
        doc_a = validate(a["map"], f"compare[{i}].a")
        doc_b = validate(b["map"], f"compare[{i}].b")
        out["compare"].append(compare(doc_a, a.get("fail", []), a.get("degrade", []),
                                      doc_b, b.get("fail", []), b.get("degrade", [])))
    return out


def print_text(res, title=None):
    if title:
        print(f"== {title}")
    print(f"fail: {' '.join(res['scenario']['fail']) or '-'}   "
          f"degrade: {' '.join(res['scenario']['degrade']) or '-'}")
    for c in res["components"]:
        print(f"  {c['state']:<9} {c['id']:<24} cause: {c['cause'] or '(scenario)'}")
    s = res["summary"]
    print(f"summary: down={s['down']} degraded={s['degraded']} at-risk={s['at_risk']} "
          f"cost_per_hour={s['cost_per_hour']:g}")
    for st in ("down", "degraded", "at-risk", "up"):
        print(f"business {st}: {', '.join(res['business'][st]) or '-'}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("map", nargs="?")
    ap.add_argument("--batch", metavar="RUNS.json")
    ap.add_argument("--scenario")
    ap.add_argument("--fail", action="append", default=[])
    ap.add_argument("--degrade", action="append", default=[])
    ap.add_argument("--all", action="store_true", help="run every saved scenario")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.batch:
        try:
            print(json.dumps(batch(a.batch), ensure_ascii=False))
        except (MapError, OSError, ValueError, KeyError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        return 0
    if not a.map:
        ap.error("give MAP or --batch")
    if sum(map(bool, (a.scenario, a.fail or a.degrade, a.all))) != 1:
        ap.error("give exactly one of --scenario, --fail/--degrade, --all")
    try:
        doc = load_map(a.map)
        runs = []
        scens = {s["name"]: s for s in doc.get("scenarios", [])}
        if a.all:
            runs = [(n, s.get("fail", []), s.get("degrade", [])) for n, s in scens.items()]
        elif a.scenario:
            if a.scenario not in scens:
                raise MapError(f"{a.map}: no scenario named {a.scenario!r}")
            s = scens[a.scenario]
            runs = [(a.scenario, s.get("fail", []), s.get("degrade", []))]
        else:
            ids = {c["id"] for c in doc["components"]}
            for cid in a.fail + a.degrade:
                if cid not in ids:
                    raise MapError(f"{a.map}: unknown id {cid!r}")
            runs = [(None, a.fail, a.degrade)]
    except MapError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for title, fail, degrade in runs:
        res = result(doc, fail, degrade)
        if a.json:
            print(json.dumps(res, ensure_ascii=False, indent=1))
        else:
            print_text(res, title)
    return 0


if __name__ == "__main__":
    sys.exit(main())
