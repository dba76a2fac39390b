"""Score predictions against gold, with exactly the rules of the reference scorer
(``shared/eval/score.py``): entity matching on normalised surface forms within a class
(Method vs Dataset/Benchmark), optional gold entities neither rewarded nor penalised, relations
and results resolved through the entity matching. Micro-averaged over papers.

Besides the figures, :func:`score` can list the errors behind them (``errors=True``): every
false positive and false negative per paper and kind, which is what one reads to improve an
extractor.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Optional, Union

from kg.errors import InputError

__all__ = ["load_records", "score", "evaluate_files", "KINDS", "format_errors"]

_SEP = re.compile(r"[\s\-_\u2010-\u2015]+")
KINDS = ("entities", "method", "data", "proposed", "evaluated_on", "outperforms", "results")


def _norm(s: str) -> str:
    return _SEP.sub("", unicodedata.normalize("NFKC", s).casefold()).strip(".,;:()[]{}'\"")


def _cls(t) -> str:
    t = (t or "").lower()
    return "method" if t == "method" else ("data" if t in ("dataset", "benchmark") else t)


def _forms(e: dict) -> set[str]:
    names = [e.get("name", "")] + list(e.get("aliases") or [])
    return {_norm(n) for n in names if n and _norm(n)}


def _number(value) -> Optional[float]:
    """A result value as a number: "85.3%" -> 85.3; None when it is not one."""
    try:
        return float(str(value).strip().rstrip("%").replace(",", ""))
    except ValueError:
        return None


def load_records(path: Union[str, Path], *, kind: str = "records") -> dict[str, dict]:
    """Records of a JSON Lines file keyed by ``id``; a line that is not a JSON object with an
    ``id`` is an :class:`~kg.errors.InputError` naming the file and line."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: {kind}: invalid JSON ({exc.msg})") from None
            if not isinstance(record, dict) or "id" not in record:
                raise InputError(f"{path}:{number}: {kind}: a record needs an \"id\"")
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


def _entity_text(e: dict) -> str:
    aliases = [a for a in e.get("aliases") or [] if a]
    return f"{e.get('name')} ({e.get('type')})" + (f" aka {', '.join(aliases)}" if aliases else "")


def score(gold: dict[str, dict], pred: dict[str, dict], *, errors: bool = False) -> dict:
    """Precision, recall and F1 per kind; the same numbers as the reference scorer.

    With ``errors=True`` the result also holds ``"errors"``: a list of
    ``{"paper", "kind", "error" ("fp"|"fn"), "what"}`` records.
    """
    c = {k: [0, 0, 0] for k in KINDS}
    found: list[dict] = []

    def note(paper: str, kind: str, error: str, what: str) -> None:
        if errors:
            found.append({"paper": paper, "kind": kind, "error": error, "what": what})

    missing = 0
    scored_results = any("results" in g for g in gold.values())
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
            note(pid, "entities", "fp", _entity_text(pe))
        for ge in gents:
            if not ge.get("optional") and id(ge) not in matched:
                c["entities"][2] += 1
                c[_cls(ge["type"])][2] += 1
                note(pid, "entities", "fn", _entity_text(ge))
        gold_proposed = [ge for ge in gents if ge.get("role") == "proposed" and not ge.get("optional")]
        gold_proposed_optional = [ge for ge in gents if ge.get("role") == "proposed" and ge.get("optional")]
        pred_proposed = [pe for pe in pents if pe.get("role") == "proposed"]
        pr_pairs, pr_rest = _match(pred_proposed, gold_proposed + gold_proposed_optional)
        tp = sum(1 for _, ge in pr_pairs if not ge.get("optional"))
        c["proposed"][0] += tp
        c["proposed"][1] += len(pr_rest)
        c["proposed"][2] += len(gold_proposed) - tp
        for pe in pr_rest:
            note(pid, "proposed", "fp", _entity_text(pe))
        hit = {id(ge) for _, ge in pr_pairs}
        for ge in gold_proposed:
            if id(ge) not in hit:
                note(pid, "proposed", "fn", _entity_text(ge))
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
                note(pid, "evaluated_on", "fp", n if ge is not None else f"{n} (entity not matched)")
        c["evaluated_on"][2] += len(geval) - len(seen)
        for n in g.get("evaluated_on", []):
            ge = gname.get(_norm(n))
            if ge is not None and id(ge) not in seen:
                note(pid, "evaluated_on", "fn", n)
        gout = {
            (id(gname[_norm(a)]), id(gname[_norm(b)])): (a, b)
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
                note(pid, "outperforms", "fp", f"{a} > {b}")
        c["outperforms"][2] += len(gout) - len(seen)
        for key, (a, b) in gout.items():
            if key not in seen:
                note(pid, "outperforms", "fn", f"{a} > {b}")
        gres = []
        for r in g.get("results", []):
            gm = gname.get(_norm(r["method"])) if r.get("method") else None
            gb = gname.get(_norm(r.get("benchmark") or ""))
            if gb is not None and (gm is not None or not r.get("method")):
                gres.append(((id(gm) if gm is not None else None, id(gb), _number(r.get("value"))), r))
        for r in p.get("results") or []:
            pm = by_form.get(_norm(r["method"])) if r.get("method") else None
            pb = by_form.get(_norm(r.get("benchmark") or ""))
            key = (id(pm) if pm is not None else None, id(pb) if pb is not None else None, _number(r.get("value")))
            position = next((i for i, (k, _) in enumerate(gres) if k == key), None)
            if (pm is not None or not r.get("method")) and pb is not None and position is not None:
                del gres[position]
                c["results"][0] += 1
            else:
                c["results"][1] += 1
                note(pid, "results", "fp", _result_text(r))
        c["results"][2] += len(gres)
        for _, r in gres:
            note(pid, "results", "fn", _result_text(r))
    if not scored_results:
        del c["results"]
    result: dict = {k: _prf(*v) for k, v in c.items()}
    result["papers"] = len(gold)
    result["missing_predictions"] = missing
    if errors:
        result["errors"] = found
    return result


def _result_text(r: dict) -> str:
    metric = f" {r['metric']}" if r.get("metric") else ""
    return f"{r.get('method') or '(own method)'} on {r.get('benchmark')}: {r.get('value')}{metric}"


def _has_entities(records: dict[str, dict]) -> bool:
    return all(isinstance(r.get("entities"), list) for r in records.values())


def _has_titles(records: dict[str, dict]) -> bool:
    """Gold records carry the paper's title (the guideline's format); predictions do not."""
    return bool(records) and all("title" in r for r in records.values())


def evaluate_files(gold_path: Union[str, Path], pred_path: Union[str, Path], *, errors: bool = False) -> dict:
    """Score a predictions file against a gold file (both JSON Lines keyed by ``id``).

    A gold file whose records lack ``entities`` (most likely the two files given the wrong way
    round, or a papers file given as gold) is an :class:`~kg.errors.InputError`.
    """
    gold = load_records(gold_path, kind="gold")
    pred = load_records(pred_path, kind="predictions")
    if not gold:
        raise InputError(f"{gold_path}: gold: no records")
    if not _has_entities(gold):
        raise InputError(f"{gold_path}: gold: records have no \"entities\" list; usage: kg eval GOLD PRED")
    if _has_titles(pred) and not _has_titles(gold):
        raise InputError(f"{gold_path}: looks like predictions and {pred_path} like gold: usage is kg eval GOLD PRED")
    return score(gold, pred, errors=errors)


def format_errors(errors: list[dict]) -> list[str]:
    """One line per error, grouped by paper: ``D07  entities  FP  GPT-3 (Method)``."""
    lines = []
    for e in sorted(errors, key=lambda e: (e["paper"], KINDS.index(e["kind"]), e["error"], e["what"])):
        lines.append(f"{e['paper']}\t{e['kind']}\t{e['error'].upper()}\t{e['what']}")
    return lines
