#!/bin/sh
# Applies the GitHub security advisory bodies beside this script with the GitHub CLI, which
# must be signed in with admin rights on each repository. An advisory GitHub has (its GHSA
# ID is an alias) is updated in place; one it has not is created as a draft, whose new GHSA
# ID to add to the advisory's aliases so that the next run updates it instead.
# GHSA_REPOSITORY=owner/name names the repository for advisories that do not name one.
set -eu
cd "$(dirname "$0")"

update() {
  gh api --method PATCH "repos/$1/security-advisories/$2" --input "$3" > /dev/null
  echo "updated $2 in $1"
}

create() {
  ghsa=$(gh api --method POST "repos/$1/security-advisories" --input "$3" --jq .ghsa_id)
  echo "created draft $ghsa in $1 for $2: add $ghsa to its aliases, then review and publish it"
}

create 'corvid-dev/corvid-vmm' 'DEMO-2026-0003' 'create/DEMO-2026-0003.json'
update 'corvid-dev/corvid-client' 'GHSA-4vrj-q8r5-34mp' 'update/GHSA-4vrj-q8r5-34mp.json'
update 'corvid-dev/corvid-serve' 'GHSA-7656-q5jr-hcqv' 'update/GHSA-7656-q5jr-hcqv.json'
update 'corvid-dev/corvid-vmm' 'GHSA-vfg9-r774-xhjr' 'update/GHSA-vfg9-r774-xhjr.json'
update 'corvid-dev/console' 'GHSA-r86c-jvhr-v86p' 'update/GHSA-r86c-jvhr-v86p.json'
update 'corvid-dev/corvid-serve' 'GHSA-2hqq-7hrr-8x7f' 'update/GHSA-2hqq-7hrr-8x7f.json'
update 'corvid-dev/corvid-serve' 'GHSA-7q2x-4m9f-r3vc' 'update/GHSA-7q2x-4m9f-r3vc.json'
update 'corvid-dev/corvid-operator' 'GHSA-x654-87j7-ccq8' 'update/GHSA-x654-87j7-ccq8.json'
update 'corvid-dev/corvid-vmm' 'GHSA-25pw-22q5-h43p' 'update/GHSA-25pw-22q5-h43p.json'
update 'corvid-dev/console' 'GHSA-869m-pcrf-pvrc' 'update/GHSA-869m-pcrf-pvrc.json'
update 'corvid-dev/corvid-client' 'GHSA-88gw-qcpv-6f78' 'update/GHSA-88gw-qcpv-6f78.json'
update 'corvid-dev/corvid-vmm' 'GHSA-qvv9-jx2q-g853' 'update/GHSA-qvv9-jx2q-g853.json'
update 'corvid-dev/corvid-serve' 'GHSA-4xmm-c2q9-g9p2' 'update/GHSA-4xmm-c2q9-g9p2.json'
update 'corvid-dev/corvid-operator' 'GHSA-pxwh-hm2j-8m76' 'update/GHSA-pxwh-hm2j-8m76.json'
update 'corvid-dev/corvid-serve' 'GHSA-wr9j-x33j-27mq' 'update/GHSA-wr9j-x33j-27mq.json'
