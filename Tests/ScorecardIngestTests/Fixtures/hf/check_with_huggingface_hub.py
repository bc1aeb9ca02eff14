"""Loads a Scorecard Hugging Face export with huggingface_hub's own readers and prints what they saw.

Usage: python check_with_huggingface_hub.py EXPORT_DIR
Prints one JSON object: model folder -> {"model_index": [...], "eval_results": {file: [...]}}.
Run by HuggingFaceExporterTests when huggingface_hub is importable; exit status 3 when it is not.
"""

import json
import pathlib
import sys

try:
    import yaml
    from huggingface_hub import ModelCard, parse_eval_result_entries
except ImportError:
    sys.exit(3)

root = pathlib.Path(sys.argv[1])
seen = {}
for card_path in sorted(root.glob("*/*/README.md")):
    folder = card_path.parent
    card = ModelCard.load(card_path)
    model_index = [
        {"model": card.data.model_name, "dataset": r.dataset_type, "metric": r.metric_type, "value": r.metric_value,
         "source_url": r.source_url}
        for r in card.data.eval_results or []
    ]
    eval_results = {}
    for results_path in sorted((folder / ".eval_results").glob("*.yaml")):
        entries = parse_eval_result_entries(yaml.safe_load(results_path.read_text()))
        eval_results[results_path.name] = [
            {"dataset": e.dataset_id, "task": e.task_id, "value": e.value, "source_url": e.source_url, "notes": e.notes}
            for e in entries
        ]
    seen[str(folder.relative_to(root))] = {"model_index": model_index, "eval_results": eval_results}
print(json.dumps(seen, sort_keys=True))
