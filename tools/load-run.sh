#!/usr/bin/env bash
# Issue 10's load run: publishes the portal (Release), starts it on loopback with a fresh SQLite database and the
# demo data, signs in 50 users and runs 60 s of mixed reads and writes, then checks no 5xx and no lost write.
#   tools/load-run.sh [--port 5104] [--users 50] [--seconds 60]
# Exits non-zero on any 5xx, a lost write, or when the whole run exceeds its bound (seconds + 150 s).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/tk-loadrun-publish.XXXXXX)
trap 'rm -rf "$out"' EXIT
dotnet publish src/TongkuangAlliance.Web -c Release -o "$out/app" --nologo -v quiet
dotnet build tools/TongkuangAlliance.LoadRun -c Release --nologo -v quiet
dotnet tools/TongkuangAlliance.LoadRun/bin/Release/net10.0/TongkuangAlliance.LoadRun.dll --app "$out/app/TongkuangAlliance.Web.dll" "$@"
