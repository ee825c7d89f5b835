#!/usr/bin/env bash
# Runs every Tessera test project on a fresh machine and ends with one plain line:
#   N passed, N failed[, N skipped]
# Set-up it does itself: Debian packages the tests need (only when missing and running as root),
# NuGet restore, Release build. Exits non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the test projects need: Go and mesos-go's v1 client for the third-party
# scheduler compatibility test (tests/compat/); a C compiler and static libc for the agent's
# native launcher (src/Tessera.Agent/Native/); util-linux for nsenter (health checks in containers);
# procps for ps (isolation tests); python3 for test executors and tasks.
APT_PACKAGES=(golang-go golang-github-mesos-mesos-go-dev gcc libc6-dev util-linux procps python3)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing Debian packages (${missing[*]}); run as root to install them" >&2
    return 0
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
install_packages

if ! dotnet build Tessera.slnx -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
# Only test projects: tests/Tessera.Testing holds shared helpers (the fuzzer), not tests.
for proj in tests/*/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  echo "== $name"
  # A test that hangs fails its project after 10 minutes instead of holding CI to its limit.
  dotnet test "$proj" -c Release --no-build -nologo --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal" || status=1
  [ -f "$results/$name.trx" ] || { echo "$name produced no results"; status=1; }
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && { failed=1; status=1; echo "no test ran"; }

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
