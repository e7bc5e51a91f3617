#!/usr/bin/env bash
# Mutation testing of the rule modules with mutmut 3, run by hand (it takes long: every
# mutant runs the tests that cover its function). Works on a copy of the tracked files in
# a temporary folder, so the worktree gets no mutants/ folder and no [mutmut] config.
#
#   bench/mutation.sh                          # the default modules below
#   bench/mutation.sh shared/deadlines.py      # one or more modules of shared/ or printing/
#   KEEP=1 bench/mutation.sh ...               # keep the copy to browse (mutmut browse)
#
# Needs mutmut 3 in the venv: .venv/bin/pip install 'mutmut>=3,<4'.
# Prints the score (killed / all, and killed / not-equivalent once bench/mutation.md lists
# the equivalent survivors) and the time it took. Survivors go in bench/mutation.md.
set -euo pipefail

repo=${REPO:-$(cd "$(dirname "$0")/.." && pwd)}
python=${PYTHON:-$repo/.venv/bin/python}
children=${CHILDREN:-1}  # the build machine is shared: one mutant at a time by default
# module -> the tests that hold its rules (the whole suite per mutant would take days)
declare -A TESTS=(
    [shared/deadlines.py]="tests/unit/test_deadlines.py tests/unit/test_properties_workdays.py tests/unit/test_boundaries.py tests/unit/test_followup.py"
    [shared/workdays.py]="tests/unit/test_rules_exact.py tests/unit/test_properties_workdays.py tests/unit/test_deadlines.py"
    [shared/speaking.py]="tests/unit/test_speaking.py tests/unit/test_properties_speaking.py tests/unit/test_boundaries.py tests/unit/test_queue_undo_positions.py tests/unit/test_queue_rows.py tests/unit/test_rules_exact.py"
    [shared/tokens.py]="tests/unit/test_tokens.py tests/unit/test_properties_tokens.py tests/unit/test_tokens_exact.py"
    [shared/questions.py]="tests/unit/test_questions.py tests/unit/test_boundaries.py tests/unit/test_followup.py tests/unit/test_rules_exact.py"
    [shared/registrations.py]="tests/unit/test_registrations.py tests/unit/test_boundaries.py tests/unit/test_store.py tests/unit/test_rules_exact.py"
    [shared/overview.py]="tests/unit/test_questions.py tests/unit/test_boundaries.py tests/unit/test_rules_exact.py"
    [shared/reports.py]="tests/unit/test_followup.py tests/unit/test_boundaries.py tests/unit/test_rules_exact.py"
    [shared/retention.py]="tests/unit/test_followup.py tests/unit/test_boundaries.py tests/unit/test_rules_exact.py"
    [shared/followup.py]="tests/unit/test_followup.py tests/unit/test_boundaries.py tests/unit/test_rules_exact.py"
    [shared/specs.py]="tests/unit/test_rules_exact.py tests/unit/test_specs_copies.py tests/unit/test_columns.py"
    [shared/public.py]="tests/web/test_public_exact.py tests/web/test_pages.py tests/web/test_hostile.py"
    [printing/jobs.py]="tests/printing/test_jobs_exact.py tests/printing/test_jobs_sending.py tests/printing/test_attempts_readme.py tests/printing/test_leases.py tests/printing/test_connections.py tests/printing/test_fault_injection.py"
    [web/ratelimit.py]="tests/web/test_ratelimit.py tests/web/test_hostile.py"
    [session_console/web/ratelimit.py]="tests/web/test_ratelimit.py tests/web/test_hostile.py"
)
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    modules=(shared/deadlines.py shared/speaking.py)
fi
selected=()
for module in "${modules[@]}"; do
    if [ ! -f "$repo/$module" ]; then
        echo "$module: no such file (moved?)" >&2
        exit 2
    fi
    if [ -z "${TESTS[$module]:-}" ]; then
        echo "no tests listed for $module: add it to TESTS in $0" >&2
        exit 2
    fi
    read -r -a tests <<< "${TESTS[$module]}"
    for test in "${tests[@]}"; do
        if [ -f "$repo/$test" ]; then selected+=("$test"); fi
    done
done

work=$(mktemp -d "${TMPDIR:-/tmp}/hallkit-mutation.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
(cd "$repo" && git ls-files -z | tar --null -T - -cf -) | tar -C "$work" -xf -

{
    echo "[mutmut]"
    echo "source_paths ="
    echo "    shared/"
    echo "    printing/"
    # the web rate limiter: web/ at the top since the folder move, session_console/web/
    # before it (mutmut copies a whole package so its __init__ files come along)
    if [ -d "$work/web" ]; then echo "    web/"; fi
    if [ -d "$work/session_console/web" ]; then echo "    session_console/"; fi
    # tests that hold the code to what the README promises read it from the copy
    echo "also_copy ="
    echo "    README.md"
    echo "only_mutate ="
    for module in "${modules[@]}"; do echo "    $module"; done
    echo "pytest_add_cli_args_test_selection ="
    printf '    %s\n' "${selected[@]}" | sort -u
    echo "pytest_add_cli_args ="
    echo "    -p"
    echo "    no:cacheprovider"
    echo "    -n0"  # no xdist workers (pyproject's addopts asks for four): mutmut forks its own
    echo "    -x"
    echo "    -q"
} > "$work/setup.cfg"

# In the copy only: hypothesis stops at the first failure (no shrinking, no saved
# examples): a mutant needs a red test, not its smallest example.
cat > "$work/conftest.py" <<'PY'
from hypothesis import Phase, settings

settings.register_profile("mutation", phases=[Phase.generate], database=None)
settings.load_profile("mutation")
PY

cd "$work"
started=$(date +%s)
nice -n 10 "$python" -m mutmut run --max-children "$children" > mutmut-run.log 2>&1 || {
    tail -30 mutmut-run.log
    exit 1
}
elapsed=$(( $(date +%s) - started ))
"$python" -m mutmut results --all true > mutmut-results.txt 2>&1 || true
"$python" - "$elapsed" "$repo/bench/mutation.md" "${modules[@]}" <<'EOF'
import collections, re, subprocess, sys
elapsed, note, modules = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
counts = collections.Counter()
survivors = []
for line in open("mutmut-results.txt"):
    found = re.match(r"\s*(\S+): (.+)$", line)
    if not found:
        continue
    name, status = found.group(1), found.group(2).strip()
    counts[status] += 1
    if status in ("survived", "no tests"):
        survivors.append(name)


def changed(name):
    """The mutant's removed and added lines."""
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name], capture_output=True, text=True
    ).stdout.splitlines()
    minus = [l[1:] for l in shown if l.startswith("-") and not l.startswith("---")]
    plus = [l[1:] for l in shown if l.startswith("+") and not l.startswith("+++")]
    return minus, plus


SQL = re.compile(r"(?i)\b(select|update|delete|insert|where|from|join|order by|group by)\b")


def sql_case_only(minus, plus):
    """Only the case of SQL keywords or names changed: SQLite reads them alike. Not when a
    quoted value or a SELECT list (the names of the row's keys) changed."""
    if not minus or len(minus) != len(plus) or minus == plus:
        return False
    if any(a.lower() != b.lower() for a, b in zip(minus, plus)):
        return False
    before = re.findall(r'"([^"]*)"', " ".join(minus))
    after = re.findall(r'"([^"]*)"', " ".join(plus))
    if len(before) != len(after):
        return False
    # every string that changed is SQL (not a message, a key or a value)
    if not all(a == b or SQL.search(a) for a, b in zip(before, after)):
        return False

    def quoted(lines):
        return re.findall(r"'[^']*'", " ".join(lines))

    def selected(lines):
        return re.findall(r"(?i)select (.*?) from", " ".join(lines))

    return quoted(minus) == quoted(plus) and selected(minus) == selected(plus)


# equivalent mutants argued in bench/mutation.md: a table row starting with `name`
explained = set(re.findall(r"^\| `([^`]+)` \|", open(note, encoding="utf-8").read(), re.M))
sql_case, argued, left = [], [], []
for name in survivors:
    if sql_case_only(*changed(name)):
        sql_case.append(name)
    elif name in explained or name.split(".")[-1] in explained:
        argued.append(name)
    else:
        left.append(name)
total = sum(counts.values())
killed = counts["killed"] + counts["timeout"]
equivalent = len(sql_case) + len(argued)
print(f"modules: {' '.join(modules)}")
print(f"mutants: {total}  " + "  ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
print(f"score: {killed}/{total} = {100 * killed / max(total, 1):.1f} % killed")
print(
    f"equivalent: {len(sql_case)} SQL case only, {len(argued)} argued in bench/mutation.md;"
    f" non-equivalent killed: {killed}/{total - equivalent}"
    f" = {100 * killed / max(total - equivalent, 1):.1f} %"
)
print(f"run time: {elapsed // 60} min {elapsed % 60} s")
for name in sql_case:
    print("equivalent (SQL case):", name)
for name in argued:
    print("equivalent (argued):", name)
for name in left:
    print("survived:", name)
EOF
if [ -n "${KEEP:-}" ]; then echo "kept in $work (cd there; $python -m mutmut show NAME)"; fi
