#!/usr/bin/env python3
"""PyTorch side of `npm run bench` (spawned by bench/run.ts with Debian's /usr/bin/python3).

    python3 bench/torch_bench.py JOB.json

JOB.json: {"input": path of float64 little-endian samples, "sizes": [...], "dtypes": [...],
"cases": [{"key", "id", "params"}...], "timing": {"warmup_ms", "min_sample_ms", "samples"},
"accuracy": {"n": size, "refs": {case key: path of the float32 little-endian exact values}}}.
Prints one JSON object on stdout: versions and, per case/dtype/size, the median ns per element (or
null with a reason); and per case, the largest distance of the float32 output at size n from the
exact values, in float32 ulps (as bench/lib/stats.ts ulps32). Single thread, inference mode; the
PyTorch calls are the reference generator's (test/fixtures/reference_table.py), with the parameters
bench/run.ts passes (the module's defaults). The same timing scheme as
bench/lib/timer.ts.
"""
import json
import math
import os
import platform
import sys
import time


def fail(msg):
    print(json.dumps({"error": msg}))
    sys.exit(0)


try:
    import numpy as np
    import torch
except Exception as e:  # noqa: BLE001 - report whatever stops the import
    fail(f"cannot import torch/numpy: {e} (on Debian: apt-get install python3-torch)")

# The PyTorch expressions shared with the reference generator.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures"))
sys.dont_write_bytecode = True  # no __pycache__ in test/fixtures/
from reference_table import torch_call  # noqa: E402 - after the path is set


def mapping(case_id, p):
    """The PyTorch call for a function id at parameters p (our names), or a string saying why there is
    none. The calls are the reference generator's: test/fixtures/reference_table.py reads each
    activation's `reference.torch` expression from test/fixtures/functions.json (`npm run fixtures`)."""
    try:
        return torch_call(case_id, p)
    except KeyError:
        return f"no PyTorch expression for {case_id} in test/fixtures/functions.json (run npm run fixtures)"


def measure(fn, x, n, timing):
    """Median ns per element: warm-up, calls per sample so a sample lasts min_sample_ms, median of samples."""
    warm_ns = timing["warmup_ms"] * 1e6
    start = time.perf_counter_ns()
    calls = 0
    while calls < 2 or time.perf_counter_ns() - start < warm_ns:
        fn(x)
        calls += 1
    per_call_ms = (time.perf_counter_ns() - start) / calls / 1e6
    k = max(1, min(1_000_000, math.ceil(timing["min_sample_ms"] / per_call_ms))) if per_call_ms > 0 else 1_000_000
    samples = []
    for _ in range(timing["samples"]):
        t0 = time.perf_counter_ns()
        for _ in range(k):
            fn(x)
        samples.append((time.perf_counter_ns() - t0) / k / n)
    samples.sort()
    m = len(samples) // 2
    med = samples[m] if len(samples) % 2 else (samples[m - 1] + samples[m]) / 2
    return med, k, len(samples)


def cpu_capability():
    """The vector instruction set PyTorch's CPU kernels dispatch to (e.g. AVX2), from its build summary."""
    try:
        for line in torch.__config__.show().splitlines():
            if "CPU capability usage:" in line:
                return line.split(":", 1)[1].strip()
    except Exception:  # noqa: BLE001 - only a label
        pass
    return None


def max_ulps32(got, want):
    """The largest ulps32 distance between two float32 arrays, and whether NaNs disagree somewhere."""
    g = got.view(np.int32).astype(np.int64)
    w = want.view(np.int32).astype(np.int64)
    order = lambda b: np.where(b < 0, -(b & 0x7FFFFFFF), b)  # noqa: E731 - bit patterns ordered across zero
    gn = np.isnan(got)
    wn = np.isnan(want)
    both = gn & wn
    d = np.abs(order(g) - order(w))
    d[both] = 0
    nan_mismatch = bool(np.any(gn != wn))
    d[gn != wn] = 0
    return int(d.max()) if d.size else 0, nan_mismatch


def accuracy_entries(job, cases, base):
    """float32 accuracy per case at the job's size, against the exact values bench/run.ts wrote."""
    acc = job.get("accuracy")
    if not acc:
        return []
    n = acc["n"]
    x = torch.from_numpy(base[:n].astype(np.float32).copy())
    out = []
    for c in cases:
        entry = {"case": c["key"], "dtype": "float32", "n": n, "engine": "torch"}
        ref_path = acc["refs"].get(c["key"])
        try:
            fn = mapping(c["id"], c["params"])
            if isinstance(fn, str):
                entry.update(maxUlps=None, reason=fn)
            elif ref_path is None:
                entry.update(maxUlps=None, reason="no exact values written for this case")
            else:
                want = np.fromfile(ref_path, dtype="<f4")
                got = fn(x).numpy().astype(np.float32, copy=False)
                ulps, nan_mismatch = max_ulps32(got, want)
                if nan_mismatch:
                    entry.update(maxUlps=None, nanMismatch=True)
                else:
                    entry.update(maxUlps=ulps)
        except Exception as e:  # noqa: BLE001 - recorded as n/a with the reason
            entry.update(maxUlps=None, reason=f"{type(e).__name__}: {e}")
        out.append(entry)
    return out


def main():
    if len(sys.argv) != 2:
        fail("usage: torch_bench.py JOB.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    torch.set_num_threads(1)
    base = np.fromfile(job["input"], dtype="<f8")
    results = []
    dtypes = {"float32": torch.float32, "float64": torch.float64}
    with torch.inference_mode():
        for dtype_name in job["dtypes"]:
            dtype = dtypes[dtype_name]
            for n in job["sizes"]:
                x = torch.from_numpy(base[:n].astype(np.float32 if dtype_name == "float32" else np.float64).copy())
                assert x.dtype == dtype
                for c in job["cases"]:
                    entry = {"case": c["key"], "dtype": dtype_name, "n": n, "engine": "torch"}
                    try:
                        fn = mapping(c["id"], c["params"])
                        if isinstance(fn, str):
                            entry.update(nsPerElement=None, reason=fn)
                        else:
                            ns, k, s = measure(fn, x, n, job["timing"])
                            entry.update(nsPerElement=ns, callsPerSample=k, samples=s)
                    except Exception as e:  # noqa: BLE001 - recorded as n/a with the reason
                        entry.update(nsPerElement=None, reason=f"{type(e).__name__}: {e}")
                    results.append(entry)
                print(f"[bench] PyTorch {dtype_name} n={n} done", file=sys.stderr, flush=True)
        accuracy = accuracy_entries(job, job["cases"], base)
    print(
        json.dumps(
            {
                "versions": {"torch": torch.__version__, "numpy": np.__version__, "python": platform.python_version()},
                "threads": torch.get_num_threads(),
                "cpuCapability": cpu_capability(),
                "accuracy": accuracy,
                "measurements": results,
            }
        )
    )


main()
