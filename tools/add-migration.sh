#!/usr/bin/env bash
# Adds a migration with the same name for every database provider, all from the one model in Core.
#   tools/add-migration.sh AddCases
set -euo pipefail
name=${1:?usage: tools/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSQL; do
  project=src/TongkuangAlliance.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
