#!/usr/bin/env python3
"""Red-team catalogue of bad inputs, run against the real `scorecard` binary (not part of the
test suite: it starts about 150 processes).

    scripts/redteam-inputs.py [BINARY] [--verbose]      # default: .build/debug/scorecard

Each case writes one hostile or broken input into a fresh folder (evidence in every format the
tool reads, framework files, determinations, card configurations, archives) and runs the command
a user would. A case that expects refusal passes when the tool exits 2 and its message names the
offending file; a case that expects acceptance (a byte-order mark, CRLF line ends) passes on exit
0. Every case fails on a crash (a signal, a Swift "Fatal error"), on a hang (over 30 s) and on a
message that carries a raw control character from the input. Prints one line per failing case
(every case with --verbose) and the totals; exits 1 when any case failed.
"""
import gzip, io, json, os, shutil, struct, subprocess, sys, tempfile, zipfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
VERBOSE = "--verbose" in sys.argv
BINARY = os.path.abspath(args[0]) if args else os.path.join(ROOT, ".build/debug/scorecard")
FRAMEWORK = os.path.join(ROOT, "frameworks/openai-preparedness-beta.yaml")
if not os.access(BINARY, os.X_OK):
    sys.exit(f"no executable at {BINARY} (swift build first)")

GOOD = {"model": "M", "stage": "pre_mitigation", "eval": "ctf_professional",
        "metric": "pass@10", "value": 0.2, "source": "redteam"}

def line(**changes):
    record = dict(GOOD)
    for key, value in changes.items():
        if value is DROP:
            record.pop(key, None)
        else:
            record[key] = value
    return json.dumps(record, ensure_ascii=False)

DROP = object()
CASES = []   # (name, expect, files {name: bytes}, command builder(dir) -> argv, target file)

def case(name, files, command="import", target=None, expect="refuse"):
    if isinstance(files, (str, bytes)):
        files = {target or "evidence.jsonl": files}
    files = {k: (v.encode() if isinstance(v, str) else v) for k, v in files.items()}
    CASES.append((name, expect, files, command, target or next(iter(files))))

# --- our own evidence format (JSON Lines) -------------------------------------------------
case("jsonl: empty file", "")
case("jsonl: only white space", " \n\t\n")
case("jsonl: not JSON", "model=M value=0.2\n")
case("jsonl: truncated record", line()[:-5] + "\n")
case("jsonl: two records on one line", line() + line() + "\n")
case("jsonl: top-level number", "42\n")
case("jsonl: top-level string", '"M"\n')
case("jsonl: value is a string", line(value="high") + "\n")
case("jsonl: value is true", line(value=True) + "\n")
case("jsonl: value is null", line(value=None) + "\n")
case("jsonl: value is an object", line(value={"x": 1}) + "\n")
case("jsonl: value is NaN", line().replace("0.2", "NaN") + "\n")
case("jsonl: value is Infinity", line().replace("0.2", "Infinity") + "\n")
case("jsonl: value overflows a double", line().replace("0.2", "1e999") + "\n")
case("jsonl: value missing", line(value=DROP) + "\n")
case("jsonl: model missing", line(model=DROP) + "\n")
case("jsonl: eval missing", line(eval=DROP) + "\n")
case("jsonl: model empty", line(model="") + "\n")
case("jsonl: model only white space", line(model="   ") + "\n")
case("jsonl: eval is an array", line(eval=["a"]) + "\n")
case("jsonl: n negative", line(n=-3, k=1) + "\n")
case("jsonl: k above n", line(n=3, k=5) + "\n")
case("jsonl: k fractional", line(n=3, k=1.5) + "\n")
case("jsonl: n beyond Int64", line(k=1).replace('"source"', '"n": 9223372036854775808, "source"') + "\n")
case("jsonl: n is Int64.max", line(n=9223372036854775807, k=1) + "\n")
case("jsonl: interval reversed", line(ci_low=0.5, ci_high=0.1) + "\n")
case("jsonl: interval excludes the value", line(ci_low=0.5, ci_high=0.6) + "\n")
case("jsonl: duplicate key", line()[:-1] + ', "value": 0.9}\n')
case("jsonl: NUL in model name", line(model="M\u0000x") + "\n")
case("jsonl: invalid UTF-8", line().encode().replace(b'"M"', b'"M\xff\xfe"') + b"\n")
case("jsonl: lone surrogate escape", line().replace('"M"', '"M\\ud800"') + "\n")
case("jsonl: UTF-16 file", ("\ufeff" + line() + "\n").encode("utf-16-le"))
case("jsonl: deep nesting", '{"model": "M", "x": ' + "[" * 100000 + "]" * 100000 + "}\n")
case("jsonl: unterminated string", '{"model": "M\n')
case("jsonl: stage matches no stage", line(stage="pre-mitigaton") + "\n", command="assess")
case("jsonl: stage empty", line(stage="") + "\n", command="assess")
case("jsonl: spoofed model (leading space)",
     line(model="GPT-4o") + "\n" + line(model=" GPT-4o", value=0.9) + "\n", command="assess")
case("jsonl: spoofed model (zero-width space)",
     line(model="GPT-4o") + "\n" + line(model="GPT-4o\u200b", value=0.9) + "\n", command="assess")
case("jsonl: spoofed model (case)",
     line(model="GPT-4o") + "\n" + line(model="GPT-4O", value=0.9) + "\n", command="assess")
case("jsonl: same record twice, different values",
     line() + "\n" + line(value=0.9) + "\n", command="assess")
case("jsonl: a JSON array of records", "[" + line() + "]\n", expect="accept")
case("jsonl: model given as a JSON number (read as its text)", line(model=7) + "\n", expect="accept")
case("jsonl: byte-order mark", "\ufeff" + line() + "\n", expect="accept")
case("jsonl: CRLF line ends", line() + "\r\n" + line(eval="ctf_collegiate") + "\r\n", expect="accept")

# --- CSV ---------------------------------------------------------------------------------
HEADER = "model,stage,eval,metric,value\n"
case("csv: header only", HEADER, target="e.csv")
case("csv: no header", "M,pre_mitigation,ctf_professional,pass@10,0.2\n", target="e.csv")
case("csv: ragged row", HEADER + "M,pre_mitigation,ctf_professional\n", target="e.csv")
case("csv: extra field", HEADER + "M,pre_mitigation,ctf_professional,pass@10,0.2,9\n", target="e.csv")
case("csv: duplicate column", "model,stage,eval,metric,value,value\nM,pre_mitigation,x,m,0.2,0.9\n", target="e.csv")
case("csv: unterminated quote", HEADER + 'M,pre_mitigation,"ctf_professional,pass@10,0.2\n', target="e.csv")
case("csv: value not a number", HEADER + "M,pre_mitigation,ctf_professional,pass@10,high\n", target="e.csv")
case("csv: value empty", HEADER + "M,pre_mitigation,ctf_professional,pass@10,\n", target="e.csv")
case("csv: NUL in a field", HEADER + "M\0,pre_mitigation,ctf_professional,pass@10,0.2\n", target="e.csv")
case("csv: invalid UTF-8", (HEADER + "M\xff,pre_mitigation,ctf_professional,pass@10,0.2\n").encode("latin-1"), target="e.csv")
case("csv: empty file", "", target="e.csv")
case("csv: byte-order mark", "\ufeff" + HEADER + "M,pre_mitigation,ctf_professional,pass@10,0.2\n", target="e.csv", expect="accept")

# --- Inspect logs (.json) ----------------------------------------------------------------
def inspect_log(**changes):
    log = {"version": 2, "status": "success",
           "eval": {"task": "ctf", "model": "openai/m", "created": "2024-01-01T00:00:00Z",
                    "dataset": {"samples": 2}, "task_id": "t", "run_id": "r"},
           "results": {"total_samples": 2, "completed_samples": 2,
                       "scores": [{"name": "match", "scorer": "match",
                                   "metrics": {"accuracy": {"name": "accuracy", "value": 0.5}}}]}}
    for key, value in changes.items():
        if value is DROP:
            log.pop(key, None)
        else:
            log[key] = value
    return json.dumps(log)

case("inspect: empty object", "{}", target="log.json")
case("inspect: version 99", inspect_log(version=99), target="log.json")
case("inspect: eval missing", inspect_log(eval=DROP), target="log.json")
case("inspect: results is a string", inspect_log(results="x"), target="log.json")
case("inspect: status unknown", inspect_log(status="exploded"), target="log.json")
case("inspect: metric value a string",
     inspect_log().replace('"value": 0.5', '"value": "half"'), target="log.json")
case("inspect: truncated", inspect_log()[:80], target="log.json")
case("inspect: samples of the wrong type", inspect_log(samples="many"), target="log.json")
case("inspect: sample scores wrong type",
     inspect_log(samples=[{"id": 1, "epoch": 1, "scores": 5}]), target="log.json")
case("inspect: gzip, not JSON", gzip.compress(inspect_log().encode()), target="log.json")

# --- Inspect archives (.eval) ------------------------------------------------------------
def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()

HEADER_JSON = json.loads(inspect_log())
good_eval = zip_bytes({"header.json": json.dumps(HEADER_JSON), "_journal/start.json": "{}"})
case("eval: not a ZIP", b"PK\x03\x04 not really", target="log.eval")
case("eval: empty file", b"", target="log.eval")
case("eval: truncated archive", good_eval[: len(good_eval) // 2], target="log.eval")
case("eval: no header.json", zip_bytes({"other.txt": "x"}), target="log.eval")
case("eval: header.json not JSON", zip_bytes({"header.json": "{nope"}), target="log.eval")
case("eval: header.json an array", zip_bytes({"header.json": "[]"}), target="log.eval")
case("eval: member name with ..", zip_bytes({"../header.json": json.dumps(HEADER_JSON)}), target="log.eval")
case("eval: end record only", b"PK\x05\x06" + b"\0" * 18, target="log.eval")
def corrupt_crc(data):
    data = bytearray(data)
    at = data.find(b"PK\x01\x02")
    data[at + 16: at + 20] = b"\xde\xad\xbe\xef"
    return bytes(data)
case("eval: central CRC wrong", corrupt_crc(good_eval), target="log.eval")
def inflated_size_lie(data):
    data = bytearray(data)
    at = data.find(b"PK\x01\x02")
    data[at + 24: at + 28] = struct.pack("<I", 0xFFFFFFF0)
    return bytes(data)
case("eval: declared size a lie", inflated_size_lie(good_eval), target="log.eval")
bomb = zip_bytes({"header.json": json.dumps(HEADER_JSON),
                  "summaries.json": "[" + " " * (200 * 1024 * 1024) + "]"})
case("eval: 200 MB of spaces in summaries", bomb, target="log.eval")
def repeated_entries(data, copies):
    start = data.find(b"PK\x01\x02")
    end = data.find(b"PK\x05\x06")
    entry = data[start:end]
    directory = entry * copies
    eocd = bytearray(data[end:end + 22])
    eocd[8:10] = struct.pack("<H", copies)
    eocd[10:12] = struct.pack("<H", copies)
    eocd[12:16] = struct.pack("<I", len(directory))
    eocd[16:20] = struct.pack("<I", start)
    return data[:start] + directory + bytes(eocd)
case("eval: 2000 entries over one member",
     repeated_entries(zip_bytes({"header.json": json.dumps(HEADER_JSON) + " " * 1_000_000}), 2000),
     target="log.eval")

# --- lm-eval ------------------------------------------------------------------------------
def lm_eval(results):
    return json.dumps({"results": results, "config": {"model": "hf", "model_args": "pretrained=m"},
                       "versions": {"arc_easy": 1}, "n-samples": {"arc_easy": {"effective": 10}}})
case("lm-eval: metric a string", lm_eval({"arc_easy": {"acc,none": "high"}}), target="results_x.json")
case("lm-eval: metric true", lm_eval({"arc_easy": {"acc,none": True}}), target="results_x.json")
case("lm-eval: metric null", lm_eval({"arc_easy": {"acc,none": None}}), target="results_x.json")
case("lm-eval: results an array", lm_eval([1, 2]), target="results_x.json")
case("lm-eval: task not an object", lm_eval({"arc_easy": 3}), target="results_x.json")

# --- JUnit XML ----------------------------------------------------------------------------
case("junit: not XML", "<testsuite><testcase", target="report.xml", command="import-junit")
case("junit: no testsuite", "<html><body/></html>", target="report.xml", command="import-junit")
case("junit: external entity", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     '<testsuite name="s"><testcase name="&e;"/></testsuite>', target="report.xml", command="import-junit")
case("junit: billion laughs", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
     + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
     + ']><testsuite name="s"><testcase name="&i;"/></testsuite>', target="report.xml", command="import-junit")
case("junit: testcase without name", '<testsuite name="s"><testcase/></testsuite>',
     target="report.xml", command="import-junit")
case("junit: invalid UTF-8", b'<testsuite name="s\xff"><testcase name="t"/></testsuite>',
     target="report.xml", command="import-junit")

# --- framework files (frameworks lint) ------------------------------------------------------
BASE = open(FRAMEWORK, encoding="utf-8").read()
def framework(name, text):
    case(name, {"framework.yaml": text}, command="lint")
framework("framework: empty", "")
framework("framework: a list", "- a\n- b\n")
framework("framework: a scalar", "hello\n")
framework("framework: not YAML", "levels: [low, medium\n")
framework("framework: tab indentation", "schema_version: 2\nlevels:\n\t- id: low\n")
framework("framework: unknown top-level key", BASE + "\nsurprise: true\n")
framework("framework: duplicate top-level key", BASE + "\nid: again\n")
framework("framework: schema_version 99", BASE.replace("schema_version: 2", "schema_version: 99", 1))
framework("framework: schema_version a string", BASE.replace("schema_version: 2", "schema_version: two", 1))
framework("framework: no levels", BASE.replace("levels:", "levels_gone:", 1))
framework("framework: duplicate level id", BASE.replace("  - id: medium\n", "  - id: low\n", 1))
framework("framework: aggregation unknown", BASE.replace("aggregation: max", "aggregation: mean", 1))
framework("framework: uncertainty unknown", BASE.replace("uncertainty: conservative_bound", "uncertainty: vibes", 1))
framework("framework: margin negative", BASE.replace("early_warning_margin: 0.10", "early_warning_margin: -1", 1))
framework("framework: margin NaN", BASE.replace("early_warning_margin: 0.10", "early_warning_margin: .nan", 1))
framework("framework: gate stage unknown", BASE.replace("stage: post_mitigation\n    passes_if_at_most: medium",
                                                          "stage: post_mitgation\n    passes_if_at_most: medium", 1))
framework("framework: gate level unknown", BASE.replace("passes_if_at_most: medium", "passes_if_at_most: meduim", 1))
framework("framework: gate level not a level", BASE.replace("required_if_at_least: high", "required_if_at_least: lots", 1))
framework("framework: threshold not a number", BASE.replace("value: 0.50", "value: lots", 1))
framework("framework: threshold infinite", BASE.replace("value: 0.50", "value: .inf", 1))
framework("framework: threshold above the unit range", BASE.replace("value: 0.50", "value: 50", 1))
framework("framework: direction unknown", BASE.replace("metric: pass@10\n", "metric: pass@10\n        direction: sideways\n", 1))
framework("framework: indicator evaluator unknown", BASE.replace("evaluator: ctf\n", "evaluator: cft\n", 1))
framework("framework: rule_out key misspelt", BASE.replace("\n    rule_out:", "\n    rule_out_typo:", 1))
framework("framework: YAML alias bomb",
          "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
              f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)))
CASES.append(("framework: control characters in the name (shown escaped)", "accept", {"framework.yaml":
              BASE.replace("name: OpenAI Preparedness Framework", 'name: "Evil\\e[31m\\u0007"', 1).encode()}, "lint", "framework.yaml"))
framework("framework: invalid UTF-8", BASE.encode().replace(b"Preparedness", b"Prepared\xffness", 1))
CASES.append(("framework: byte-order mark", "accept", {"framework.yaml": ("\ufeff" + BASE).encode()}, "lint", "framework.yaml"))

# --- determinations (assess --determinations) ----------------------------------------------
def determination(**changes):
    entry = {"model": "M", "category": "cybersecurity", "stage": "pre_mitigation", "level": "low",
             "rationale": "r", "author": "a", "date": "2024-01-01"}
    entry.update({k: v for k, v in changes.items() if v is not DROP})
    for key in [k for k, v in changes.items() if v is DROP]:
        entry.pop(key)
    return json.dumps({"schema_version": 1, "determinations": [entry]})   # JSON is YAML
def determinations(name, text, expect="refuse"):
    case(name, {"determinations.yaml": text, "evidence.jsonl": line() + "\n"},
         command="assess-determinations", target="determinations.yaml", expect=expect)
determinations("determinations: model matches nothing", determination(model="Acme-2"))
determinations("determinations: category unknown", determination(category="cyber"))
determinations("determinations: stage unknown", determination(stage="post-mitigation"))
determinations("determinations: level unknown", determination(level="severe"))
determinations("determinations: rationale missing", determination(rationale=DROP))
determinations("determinations: author missing", determination(author=DROP))
determinations("determinations: date not a date", determination(date="yesterday"))
determinations("determinations: date impossible", determination(date="2024-02-30"))
determinations("determinations: unknown key", determination(surprise=1))
determinations("determinations: schema_version 7", determination().replace('"schema_version": 1', '"schema_version": 7'))
determinations("determinations: not a mapping", "[1, 2]")
determinations("determinations: same category twice",
               json.dumps({"schema_version": 1, "determinations": [json.loads(determination())["determinations"][0]] * 2}))
determinations("determinations: empty file", "")
determinations("determinations: the valid one", determination(), expect="accept")

# --- card configurations (regenerate --config) ---------------------------------------------
def card(changes=None, drop=()):
    config = {"schema_version": 1, "framework": FRAMEWORK, "store": "store.sqlite", "models": ["M"],
              "evidence": [{"path": "evidence.jsonl"}],
              "reports": {"directory": "out", "formats": ["md"]}}
    config.update(changes or {})
    for key in drop:
        config.pop(key)
    return json.dumps(config)
def card_case(name, text, expect="refuse", extra=None):
    files = {"card.yaml": text, "evidence.jsonl": line() + "\n"}
    files.update(extra or {})
    case(name, files, command="regenerate", target="card.yaml", expect=expect)
card_case("card: framework missing", card(drop=["framework"]))
card_case("card: framework file absent", card({"framework": "nowhere.yaml"}))
card_case("card: evidence file absent", card({"evidence": [{"path": "gone.jsonl"}]}))
card_case("card: evidence not a list", card({"evidence": "evidence.jsonl"}))
card_case("card: unknown key", card({"surprise": True}))
card_case("card: unknown report format", card({"reports": {"directory": "out", "formats": ["pdf"]}}))
card_case("card: model matches nothing", card({"models": ["Nobody"]}))
card_case("card: models empty", card({"models": []}))
card_case("card: generated_at not a time", card({"reports": {"directory": "out", "formats": ["md"], "generated_at": "noon"}}))
card_case("card: schema_version 3", card({"schema_version": 3}))
card_case("card: section unknown", card({"sections": ["preparedness", "horoscope"]}))
card_case("card: compare_with matches nothing", card({"compare_with": ["Nobody"]}))
card_case("card: not a mapping", "just text\n")
card_case("card: the valid one", card(), expect="accept")

# --- keyrings and sign-off records (regenerate --config with signoffs: and keyring:) ----------
DEMO = os.path.join(ROOT, "examples/demo")
KEYRING = open(os.path.join(DEMO, "keyring.yaml"), encoding="utf-8").read()
SIGNOFF = open(os.path.join(DEMO, "signoffs.jsonl"), encoding="utf-8").read().splitlines()[0]
def signed(keyring=KEYRING, signoffs=SIGNOFF + "\n", target="signoffs.jsonl"):
    files = {"card.yaml": card({"keyring": "keyring.yaml", "signoffs": "signoffs.jsonl"}),
             "evidence.jsonl": line() + "\n", "keyring.yaml": keyring, "signoffs.jsonl": signoffs}
    case(f"sign-off: {target} " + signed.name, files, command="regenerate", target=target)
def signed_case(name, **kw):
    signed.name = name
    signed(**kw)
record = json.loads(SIGNOFF)
signed_case("keyring not YAML", keyring="reviewers: [", target="keyring.yaml")
signed_case("keyring key not base64", keyring=KEYRING.replace("=\n", "!!\n"), target="keyring.yaml")
signed_case("keyring key of the wrong length", keyring=KEYRING.split(": w")[0] + ": AAAA\n", target="keyring.yaml")
signed_case("keyring names a reviewer twice", keyring=KEYRING + KEYRING.splitlines()[-1] + "\n", target="keyring.yaml")
signed_case("record not JSON", signoffs="{nope\n")
signed_case("record with a forged decision", signoffs=json.dumps(dict(record, decision="reject")) + "\n")
signed_case("record signature not base64", signoffs=json.dumps(dict(record, signature="%%%")) + "\n")
signed_case("record by a reviewer not in the keyring", signoffs=json.dumps(dict(record, reviewer="Mallory")) + "\n")
signed_case("record decision unknown", signoffs=json.dumps(dict(record, decision="maybe")) + "\n")

# --- running ---------------------------------------------------------------------------------
def command_for(kind, folder, target):
    path = os.path.join(folder, target)
    out = os.path.join(folder, "out.jsonl")
    if kind == "import":
        return [BINARY, "import", path, "--out", out]
    if kind == "import-junit":
        return [BINARY, "import", path, "--from", "junit", "--as-model", "M", "--out", out]
    if kind == "assess":
        return [BINARY, "assess", "--framework", FRAMEWORK, "--evidence", path, "--strict"]
    if kind == "assess-determinations":
        return [BINARY, "assess", "--framework", FRAMEWORK, "--evidence",
                os.path.join(folder, "evidence.jsonl"), "--determinations", path]
    if kind == "lint":
        return [BINARY, "frameworks", "lint", path]
    if kind == "regenerate":   # the card, whichever of its files the case broke
        return [BINARY, "regenerate", "--config", os.path.join(folder, "card.yaml")]
    raise ValueError(kind)

def judge(expect, rc, stderr, stdout, target):
    if rc is None:
        return "hang"
    if rc < 0 or rc >= 128 or "Fatal error" in stderr:
        return f"crash (exit {rc})"
    if any(c in stderr + stdout for c in "\x1b\x07\x00\u202e"):
        return "raw control character in the message"
    if expect == "accept":
        return None if rc == 0 else f"refused a valid input (exit {rc}): {stderr.strip()[:200]}"
    if rc == 0:
        return "accepted"
    if rc != 2:
        return f"exit {rc}, not 2: {stderr.strip()[:200]}"
    if target not in stderr:
        return f"message does not name {target}: {stderr.strip()[:200]}"
    return None

failures, outcomes = [], {"refused": 0, "accepted": 0}
for name, expect, files, kind, target in CASES:
    folder = tempfile.mkdtemp(prefix="scorecard-redteam-input.")
    try:
        for file_name, data in files.items():
            with open(os.path.join(folder, file_name), "wb") as handle:
                handle.write(data)
        try:
            run = subprocess.run(command_for(kind, folder, target), cwd=folder, capture_output=True,
                                 timeout=30)
            rc, stderr = run.returncode, run.stderr.decode("utf-8", "replace")
            stdout = run.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            rc, stderr, stdout = None, "", ""
        problem = judge(expect, rc, stderr, stdout, target)
        if problem is None:
            outcomes["refused" if expect == "refuse" else "accepted"] += 1
        else:
            failures.append((name, problem))
        if VERBOSE or problem:
            first = stderr.strip().splitlines()[0] if stderr.strip() else ""
            print(f"{'FAIL' if problem else 'ok  '} {name}: {problem or first[:160]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

refusals = sum(1 for c in CASES if c[1] == "refuse")
print(f"{len(CASES)} cases: {outcomes['refused']} of {refusals} bad inputs refused with exit 2 naming the file, "
      f"{outcomes['accepted']} of {len(CASES) - refusals} valid inputs accepted, {len(failures)} failed")
sys.exit(1 if failures else 0)
