#!/usr/bin/env bash
# Makes the compiled EF Core models (CompiledModels/ beside each context) again. The host starts on them instead of
# building its models from the conventions at every start (docs/scale.md, "Start to ready"); after any change to the model they
# must be made again, which CompiledModelTests checks. Run on an unchanged model, it changes only each model's random id
# (EF Core's modelId).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Made from scratch: a compiled model of an entity type that no longer exists would otherwise stay behind.
rm -rf src/Service/Persistence/CompiledModels src/Service/Accounts/CompiledModels
dotnet build src/Service -v quiet -nologo
for context in Koostoo:Persistence Accounts:Accounts; do
  name=${context%%:*}; folder=${context#*:}
  for provider in Sqlite Postgres; do
    dotnet ef dbcontext optimize --no-build --project src/Service --context "${provider}${name}DbContext" \
      --output-dir "$folder/CompiledModels/$provider" --namespace "Koostoo.Service.$folder.CompiledModels.$provider"
  done
done
