"""Serves the JupyterLab frontend built in build/ (see scripts/lib/lab.mjs) with Debian's Jupyter
server: jupyterlab_server's LabServerApp, as JupyterLab's examples/app does.

    /usr/bin/python3 lab/main.py [Jupyter server options, e.g. --port=9999 --no-browser]
"""
import json
import os
import sys

from jupyter_core.paths import jupyter_data_dir
from jupyterlab_server import LabServerApp

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")

if not os.path.exists(os.path.join(BUILD, "bundle.js")):
    sys.exit(f"{BUILD}/bundle.js is missing: build the app first (npm run notebook builds it)")

with open(os.path.join(HERE, "package.json"), encoding="utf-8") as f:
    VERSION = json.load(f)["dependencies"]["@jupyterlab/application"]


def _jupyter_server_extension_points():
    # Jupyter server finds the app through this module (run as __main__), as in examples/app.
    return [{"module": __name__, "app": ActivationsLab}]


class ActivationsLab(LabServerApp):
    name = __name__
    app_name = "JupyterLab"
    app_version = VERSION
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    static_dir = BUILD
    templates_dir = os.path.join(HERE, "templates")
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    app_settings_dir = os.path.join(BUILD, "application_settings")
    # What the user changes (theme, workspace) outlives a rebuild: it is kept with Jupyter's data.
    user_settings_dir = os.path.join(jupyter_data_dir(), "activations-lab", "user-settings")
    workspaces_dir = os.path.join(jupyter_data_dir(), "activations-lab", "workspaces")


if __name__ == "__main__":
    ActivationsLab.launch_instance()
