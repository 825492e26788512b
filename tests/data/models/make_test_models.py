#!/usr/bin/env python3
"""Writes the small ONNX models the loader tests use (tests/data/models/*.onnx).

Each is a one-layer softmax classifier with seeded random weights; what differs is what a
model loader must notice: the metadata, the input width, the operators, the label count.
Run from the repo root with the training venv:
  ~/.cache/datacloak/venv/bin/python tests/data/models/make_test_models.py target/debug/datacloak
"""
import json
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

OUT = os.path.dirname(os.path.abspath(__file__))
TAXONOMY = json.load(open(os.path.join(OUT, "..", "..", "..", "src", "taxonomy.json")))
LABELS = [l["name"] for l in TAXONOMY["labels"]]


def model(n_features, labels, meta, op="Softmax", layout=None, favour=None):
    rng = np.random.default_rng(7)
    w = rng.normal(0, 0.05, (n_features, len(labels))).astype(np.float32)
    b = np.zeros(len(labels), np.float32)
    if favour is not None:  # this label wins on every input (tests that need a known answer)
        b[labels.index(favour)] = 50.0
    nodes = [
        helper.make_node("MatMul", ["features", "W"], ["z0"]),
        helper.make_node("Add", ["z0", "B"], ["logits"]),
        helper.make_node(op, ["logits"], ["probabilities"], **({"axis": 1} if op == "Softmax" else {}),
                         **({"domain": "com.example.unknown"} if op != "Softmax" else {})),
    ]
    graph = helper.make_graph(
        nodes, "test",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", n_features])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", len(labels)])],
        [onnx.numpy_helper.from_array(w, "W"), onnx.numpy_helper.from_array(b, "B")],
    )
    opsets = [helper.make_opsetid("", 13)]
    if op != "Softmax":
        opsets.append(helper.make_opsetid("com.example.unknown", 1))
    m = helper.make_model(graph, opset_imports=opsets)
    m.ir_version = 8
    props = dict(meta)
    if "labels" in props:
        props["datacloak.labels"] = json.dumps(props.pop("labels"))
    for k, v in props.items():
        e = m.metadata_props.add()
        e.key, e.value = k, str(v)
    return m


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else "target/debug/datacloak"
    names = json.loads(subprocess.check_output([exe, "features", "--names"]))
    layout, n = names["layout"], len(names["names"])
    base = {"labels": LABELS, "datacloak.feature_layout": layout, "datacloak.n_features": n}
    cases = {
        # A custom model with labels the taxonomy does not have: allowed, unknown labels count as high sensitivity.
        # employee_badge wins on every column, so the test always sees the rule at work.
        "extra_labels.onnx": model(n, LABELS + ["employee_badge", "vehicle_plate"],
                                   {**base, "labels": LABELS + ["employee_badge", "vehicle_plate"]},
                                   favour="employee_badge"),
        # Trained for another feature layout size: must be refused on load.
        "wrong_features.onnx": model(n + 5, LABELS, {**base, "datacloak.n_features": n + 5}),
        # Lies about its width in metadata: refused when the graph is typed.
        "lying_width.onnx": model(n + 5, LABELS, base),
        # No DataCloak metadata at all.
        "no_metadata.onnx": model(n, LABELS, {}),
        # An operator tract does not know.
        "unknown_op.onnx": model(n, LABELS, base, op="MysteryOp"),
    }
    for name, m in cases.items():
        onnx.save(m, os.path.join(OUT, name))
        print("wrote", name)


if __name__ == "__main__":
    main()
