#!/usr/bin/env bash
# iPgb 2.3 cutover conformance from a plain shell: Jenkins, Azure DevOps, or any CI that runs a
# script. Installs the suite's npm package (its tarball) into a folder of its own, runs it against
# your party and leaves the evidence in OUT (junit.xml for the test pane). Exit status is the
# suite's: 0 passed, 1 a requirement failed, 2 the run could not be done.
#
#   SUITE_TARBALL=vendor/ipgb-cutover-conformance-0.1.0.tgz \
#   PARTY_URL=http://127.0.0.1:8080 PARTY_ROLE=gemeente PARTY_IDENTITY=0363 \
#   docs/ci/run-conformance.sh [more ipgb-conformance flags, e.g. --switch-listen 0.0.0.0:9300 --switch-url http://ci-host:9300]
#
# Run it once per Node version, 20 and 22 (a separate OUT each):
# Jenkins (declarative, a matrix over the NodeJS plugin's tools named node20 and node22):
#   matrix { axes { axis { name 'NODE'; values '20', '22' } }
#     stages { stage('conformance') { steps { nodejs("node${NODE}") {
#       sh 'OUT=out/ipgb-node$NODE docs/ci/run-conformance.sh' } }
#       post { always { junit "out/ipgb-node${NODE}/junit.xml" } } } } }
# Azure DevOps:
#   strategy: { matrix: { node20: { NODE: '20.x' }, node22: { NODE: '22.x' } } }
#   steps:
#     - task: NodeTool@0
#       inputs: { versionSpec: $(NODE) }
#     - script: OUT=out/ipgb-$(NODE) docs/ci/run-conformance.sh
#     - task: PublishTestResults@2
#       condition: always()
#       inputs: { testResultsFormat: JUnit, testResultsFiles: out/ipgb-$(NODE)/junit.xml }
set -euo pipefail
: "${SUITE_TARBALL:?set SUITE_TARBALL to the suite's npm tarball}"
: "${PARTY_URL:?set PARTY_URL to your party's base URL}"
: "${PARTY_ROLE:?set PARTY_ROLE to gemeente, zorgkantoor or svb}"
: "${PARTY_IDENTITY:?set PARTY_IDENTITY to your gemeentecode, zorgkantoorcode or SVB}"
OUT="${OUT:-out/ipgb}"
SUITE_HOME="${SUITE_HOME:-.ipgb-suite}"

node -e 'const [major] = process.versions.node.split("."); if (major !== "20" && major < 22) { console.error(`Node ${process.version}: the suite runs on Node 20 or 22 and later`); process.exit(2); }'
tarball="$(cd "$(dirname "$SUITE_TARBALL")" && pwd)/$(basename "$SUITE_TARBALL")"
mkdir -p "$SUITE_HOME"
if [[ ! -x "$SUITE_HOME/node_modules/.bin/ipgb-conformance" ]]; then
  (cd "$SUITE_HOME" && echo '{"name":"suite-runner","version":"1.0.0","private":true}' > package.json \
    && npm install --no-audit --no-fund "$tarball")
fi
exec "$SUITE_HOME/node_modules/.bin/ipgb-conformance" \
  --endpoint "$PARTY_URL" --role "$PARTY_ROLE" --identity "$PARTY_IDENTITY" --out "$OUT" "$@"
