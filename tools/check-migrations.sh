#!/usr/bin/env bash
# Fails when the model has changes that some provider's migrations do not capture.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
status=0
for provider in Sqlite SqlServer PostgreSQL; do
  project=src/TongkuangAlliance.Migrations.$provider
  if dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" --no-build; then
    echo "migrations up to date: $provider"
  else
    echo "MIGRATIONS LAG THE MODEL: $provider (run tools/add-migration.sh <Name>)"
    status=1
  fi
done
exit $status
