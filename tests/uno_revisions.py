"""Accept or reject every tracked change of .docx files in LibreOffice, and save each as text.

Run with the Python that has LibreOffice's UNO bridge (Debian: /usr/bin/python3 with python3-uno):
    python3 uno_revisions.py accept|reject|keep PROFILE_DIR IN.docx OUT.txt [IN.docx OUT.txt ...]
One LibreOffice, headless, with its own profile in PROFILE_DIR, serves every file.
"""

import os
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges", "keep": None}


def _property(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def main(action, profile, files):
    pipe = f"resdraft-tests-{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = _connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for source, target in zip(files[::2], files[1::2], strict=True):
            url = uno.systemPathToFileUrl(os.path.abspath(source))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {source}")
            if COMMANDS[action]:
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), COMMANDS[action], "", 0, ())
            options = (_property("FilterName", "Text (encoded)"), _property("FilterOptions", "UTF8,LF"))
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), options)
            doc.close(True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
