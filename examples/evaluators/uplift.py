#!/usr/bin/env python3
"""Example external evaluator for Scorecard: the uplift of an uplift trial.

Speaks the evaluator protocol, version 1 (docs/evaluator-protocol.md): reads one JSON request
on standard input, writes one JSON reply on standard output. Standard library only.

For every item it measures treated ÷ control: the treated arm is the indicator's metric (the
first of its metrics that the evaluation has), the control arm is the metric named by the
parameter `control`. When both arms have n and k, it adds a 95% interval for the ratio of two
proportions (Katz's log method). Per-sample records, when sent, give the treated arm's k and n
if the summary lacks them: the number of problems whose every attempt succeeded.
"""
import json
import math
import sys

PROTOCOL_VERSION = 1
Z_95 = 1.959963984540054


def worst(records, metric, direction):
    """The riskiest record of `metric` (several variants: the worst case)."""
    matching = [r for r in records if r["metric"] == metric]
    if not matching:
        return None
    riskier = max if direction == "higher" else min
    return riskier(matching, key=lambda r: r["value"])


def katz_interval(k1, n1, k0, n0):
    """95% interval of (k1/n1) / (k0/n0); None when a count is 0 or n is unknown."""
    if not (n1 and n0 and k1 and k0):
        return None
    ratio = (k1 / n1) / (k0 / n0)
    spread = Z_95 * math.sqrt(1 / k1 - 1 / n1 + 1 / k0 - 1 / n0)
    return {"low": ratio * math.exp(-spread), "high": ratio * math.exp(spread), "level": 0.95, "method": "katz log"}


def measure(item):
    indicator = item["indicator"]
    base = {"id": item["id"], "indicator": indicator["id"]}
    control_metric = indicator["params"].get("control")
    if not isinstance(control_metric, str):
        return {**base, "status": "error", "message": "parameter 'control' must name the control arm's metric"}
    records = [r for r in item["records"] if r["eval"] == indicator["eval"]]
    treated = None
    for metric in indicator["metrics"]:
        treated = worst(records, metric, indicator["direction"])
        if treated:
            break
    control = worst(records, control_metric, "lower" if indicator["direction"] == "higher" else "higher")
    if treated is None or control is None:
        wanted = " or ".join(indicator["metrics"])
        return {**base, "status": "missing",
                "reason": f"needs {wanted} and {control_metric} of '{indicator['eval']}' at {item['stage']}"}
    if control["value"] <= 0:
        return {**base, "status": "missing", "reason": f"control arm {control_metric} is 0: the uplift is undefined"}
    k1, n1 = treated["k"], treated["n"]
    notes = []
    problems = [p for p in item["problems"] if p["eval"] == indicator["eval"]]
    if (k1 is None or n1 is None) and problems:
        n1 = len(problems)
        k1 = sum(1 for p in problems if p["scores"] and all(s == 1 for s in p["scores"]))
        notes.append(f"treated arm counted from {n1} problems' attempts")
    ratio = treated["value"] / control["value"]
    notes.append(f"{treated['metric']} {treated['value']:g} ÷ {control_metric} {control['value']:g}")
    return {**base, "status": "measured", "value": ratio, "metric": f"{treated['metric']} ÷ {control_metric}",
            "basis": "summary", "interval": katz_interval(k1, n1, control["k"], control["n"]),
            "n": n1, "k": None, "used": [treated["ref"], control["ref"]], "notes": notes}


def main():
    try:
        request = json.load(sys.stdin)
    except ValueError as error:
        reply = {"protocol_version": PROTOCOL_VERSION, "error": f"the request is not JSON: {error}"}
    else:
        if request.get("protocol_version") != PROTOCOL_VERSION:
            reply = {"protocol_version": PROTOCOL_VERSION,
                     "error": f"speaks protocol {PROTOCOL_VERSION}, asked for {request.get('protocol_version')}"}
        else:
            reply = {"protocol_version": PROTOCOL_VERSION, "results": [measure(item) for item in request["items"]]}
    # allow_nan=False: a NaN would be refused by Scorecard anyway; fail here, loudly.
    json.dump(reply, sys.stdout, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
