#!/usr/bin/env bash
# Adds an EF Core migration NAME for both database providers. The model is one, the migration histories are two
# (SQLite's and PostgreSQL's SQL differ), so every change to the model needs both (CompiledModelTests checks it).
# The compiled models are then made again for the changed model.
set -euo pipefail
if [ $# -ne 1 ]; then echo "Usage: scripts/add-migration.sh NAME" >&2; exit 2; fi
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Service -v quiet -nologo
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$1" --no-build --project src/Service \
    --context "${provider}KoostooDbContext" --output-dir "Persistence/Migrations/$provider"
done
scripts/compile-models.sh
