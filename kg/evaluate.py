"""Score predictions against gold, with exactly the rules of the reference scorer
(``shared/eval/score.py``): entity matching on normalised surface forms within a class
(Method vs Dataset/Benchmark), optional gold entities neither rewarded nor penalised, and
relations resolved through the entity matching. Micro-averaged over papers."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Union

__all__ = ["load_records", "score", "evaluate_files"]

_SEP = re.compile(r"[\s\-_\u2010-\u2015]+")
KINDS = ("entities", "method", "data", "proposed", "evaluated_on", "outperforms")


def _norm(s: str) -> str:
    return _SEP.sub("", unicodedata.normalize("NFKC", s).casefold()).strip(".,;:()[]{}'\"")


def _cls(t) -> str:
    t = (t or "").lower()
    return "method" if t == "method" else ("data" if t in ("dataset", "benchmark") else t)


def _forms(e: dict) -> set[str]:
    names = [e.get("name", "")] + list(e.get("aliases") or [])
    return {_norm(n) for n in names if n and _norm(n)}


def load_records(path: Union[str, Path]) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                out[str(record["id"])] = record
    return out


def _match(pred: list[dict], gold: list[dict]):
    pairs, used, rest = [], set(), []
    for p in pred:
        pf, pc = _forms(p), _cls(p.get("type"))
        hit = next((i for i, g in enumerate(gold) if i not in used and pf & _forms(g) and pc == _cls(g.get("type"))), None)
        if hit is None:
            rest.append(p)
        else:
            used.add(hit)
            pairs.append((p, gold[hit]))
    return pairs, rest


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(p=round(p, 3), r=round(r, 3), f1=round(f, 3), tp=tp, fp=fp, fn=fn)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    """Precision, recall and F1 per kind; the same numbers as the reference scorer."""
    c = {k: [0, 0, 0] for k in KINDS}
    missing = 0
    for pid, g in gold.items():
        p = pred.get(pid)
        if p is None:
            missing += 1
            p = {}
        gents = g["entities"]
        pents = [e for e in (p.get("entities") or []) if _cls(e.get("type")) in ("method", "data")]
        pairs, rest = _match(pents, gents)
        matched = {id(ge) for _, ge in pairs}
        for _, ge in pairs:
            if not ge.get("optional"):
                c["entities"][0] += 1
                c[_cls(ge["type"])][0] += 1
        for pe in rest:
            c["entities"][1] += 1
            if _cls(pe.get("type")) in c:
                c[_cls(pe.get("type"))][1] += 1
        for ge in gents:
            if not ge.get("optional") and id(ge) not in matched:
                c["entities"][2] += 1
                c[_cls(ge["type"])][2] += 1
        gold_proposed = [ge for ge in gents if ge.get("role") == "proposed" and not ge.get("optional")]
        gold_proposed_optional = [ge for ge in gents if ge.get("role") == "proposed" and ge.get("optional")]
        pred_proposed = [pe for pe in pents if pe.get("role") == "proposed"]
        pr_pairs, pr_rest = _match(pred_proposed, gold_proposed + gold_proposed_optional)
        tp = sum(1 for _, ge in pr_pairs if not ge.get("optional"))
        c["proposed"][0] += tp
        c["proposed"][1] += len(pr_rest)
        c["proposed"][2] += len(gold_proposed) - tp
        by_form = {f: ge for pe, ge in pairs for f in _forms(pe)}
        gname = {_norm(ge["name"]): ge for ge in gents}
        geval = {id(gname[_norm(n)]) for n in g.get("evaluated_on", []) if _norm(n) in gname}
        seen: set = set()
        for n in p.get("evaluated_on") or []:
            ge = by_form.get(_norm(n))
            if ge is not None and id(ge) in geval and id(ge) not in seen:
                seen.add(id(ge))
                c["evaluated_on"][0] += 1
            elif ge is not None and ge.get("optional"):
                continue
            elif ge is None or id(ge) not in seen:
                c["evaluated_on"][1] += 1
        c["evaluated_on"][2] += len(geval) - len(seen)
        gout = {
            (id(gname[_norm(a)]), id(gname[_norm(b)]))
            for a, b in g.get("outperforms", [])
            if _norm(a) in gname and _norm(b) in gname
        }
        seen = set()
        for a, b in p.get("outperforms") or []:
            ga, gb = by_form.get(_norm(a)), by_form.get(_norm(b))
            key = (id(ga), id(gb)) if ga is not None and gb is not None else None
            if key in gout and key not in seen:
                seen.add(key)
                c["outperforms"][0] += 1
            else:
                c["outperforms"][1] += 1
        c["outperforms"][2] += len(gout) - len(seen)
    result: dict = {k: _prf(*v) for k, v in c.items()}
    result["papers"] = len(gold)
    result["missing_predictions"] = missing
    return result


def evaluate_files(gold_path: Union[str, Path], pred_path: Union[str, Path]) -> dict:
    return score(load_records(gold_path), load_records(pred_path))
