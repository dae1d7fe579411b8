#!/usr/bin/env python3
"""Executes notebooks with Jupyter's own nbclient, for scripts/run-notebooks.mjs.

Reads a JSON list of jobs on stdin:
  [{"id": "...", "input": "in.ipynb", "output": "out.ipynb", "cwd": "dir", "kernel": "tslab", "timeout": 120}]
runs up to --jobs notebooks at a time (one kernel each), writes every executed notebook to its
"output" path (also when a cell failed: the caller reads the failing cell's outputs from it), and
prints one JSON line per finished job on stdout:
  {"id": "...", "ok": true, "seconds": 7.1}
  {"id": "...", "ok": false, "seconds": 3.2, "cell_index": 7, "error_type": "CellExecutionError", "error": "..."}
tslab reports a failing cell only through the cell's stderr stream, so the caller reads it there;
cell_index is the index of the cell that was executing (0-based, in the input notebook).
"""
import argparse
import asyncio
import json
import sys
import time

import nbformat
from nbclient import NotebookClient


async def run_job(job, semaphore):
    async with semaphore:
        started = time.monotonic()
        nb = nbformat.read(job["input"], as_version=4)
        current = {"index": None}

        def on_cell_execute(cell, cell_index):
            current["index"] = cell_index

        client = NotebookClient(
            nb,
            timeout=job.get("timeout", 120),
            kernel_name=job.get("kernel", "tslab"),
            resources={"metadata": {"path": job["cwd"]}},
            on_cell_execute=on_cell_execute,
            record_timing=False,
        )
        result = {"id": job["id"], "ok": True}
        try:
            await client.async_execute()
        except Exception as error:  # noqa: BLE001 - every failure is reported to the caller
            result.update(
                ok=False,
                cell_index=current["index"],
                error_type=type(error).__name__,
                error=str(error),
            )
        nbformat.write(nb, job["output"])
        result["seconds"] = round(time.monotonic() - started, 3)
        print(json.dumps(result), flush=True)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1, help="notebooks executed at the same time")
    args = parser.parse_args()
    jobs = json.load(sys.stdin)
    semaphore = asyncio.Semaphore(max(1, args.jobs))
    await asyncio.gather(*(run_job(job, semaphore) for job in jobs))


if __name__ == "__main__":
    asyncio.run(main())
