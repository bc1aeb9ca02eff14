# Reports what it was started with: its arguments and environment variable names, as notes.
import json, os, sys
request = json.load(sys.stdin)
notes = ["argv " + json.dumps(sys.argv[1:]), "env " + " ".join(sorted(os.environ)), "cwd " + os.getcwd(),
         "stdin closed " + str(sys.stdin.read() == "")]
results = [{"id": item["id"], "indicator": item["indicator"]["id"], "status": "measured", "value": 0.5, "metric": "m", "basis": "summary",
            "notes": notes} for item in request["items"]]
print(json.dumps({"protocol_version": 1, "results": results}))
