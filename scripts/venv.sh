# Shared by scripts/serve and scripts/test: a virtualenv in .venv with the
# project's requirements, made with the first Python 3.11+ found.

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "$candidate"
            return
        fi
    done
    echo "Python 3.11 or newer is needed." >&2
    exit 1
}

ensure_venv() {
    requirements=$1
    if [ ! -x .venv/bin/python ]; then
        "$(find_python)" -m venv .venv
    fi
    PY=.venv/bin/python
    stamp=".venv/.installed-$(basename "$requirements")"
    # Reinstall only when a requirements file changed since the last install.
    if [ ! -f "$stamp" ] || [ -n "$(find requirements*.txt -newer "$stamp")" ]; then
        $PY -m pip install --quiet --upgrade pip
        $PY -m pip install --quiet -r "$requirements"
        touch "$stamp"
    fi
}
