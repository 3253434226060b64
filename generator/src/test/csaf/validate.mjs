// Runs the CSAF 2.0 tests of secvisogram's csaf-validator-lib on each document named on the command
// line: the strict schema, every mandatory test (section 6.1), every optional test (6.2) and the
// informative tests (6.3) that need neither the network (6.3.6, 6.3.7) nor hunspell (6.3.8).
// Prints one JSON line per document: {file, errors, warnings, infos}, each a list of
// "test instancePath: message". Exits 0 once every document was read, whatever the findings.
import { readFile } from 'node:fs/promises'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import * as schema from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import * as optional from '@secvisogram/csaf-validator-lib/optionalTests.js'
import * as informative from '@secvisogram/csaf-validator-lib/informativeTests.js'

const offline = ['informativeTest_6_3_6', 'informativeTest_6_3_7', 'informativeTest_6_3_8']
const tests = [schema.csaf_2_0_strict]
  .concat(Object.values(mandatory))
  .concat(Object.values(optional))
  .concat(Object.values(informative).filter((t) => !offline.includes(t.name)))

for (const file of process.argv.slice(2)) {
  const document = JSON.parse(await readFile(file, 'utf8'))
  const result = await validateStrict(tests, document)
  const findings = { errors: [], warnings: [], infos: [] }
  for (const test of result.tests) {
    for (const kind of Object.keys(findings)) {
      for (const f of test[kind] ?? []) {
        findings[kind].push(`${test.name} ${f.instancePath}: ${f.message}`)
      }
    }
  }
  console.log(JSON.stringify({ file, ...findings, tests: result.tests.length }))
}
