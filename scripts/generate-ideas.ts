// Generates large idea files for benchmarks and tests: a seed-like header, then project sections
// repeated until the wanted size, every project and idea title made unique by a number.
// The sections come from the seed file when it is given (the corpus is never copied into the repo),
// else from a built-in seed-like sample written for this project.
//
//   node --import tsx scripts/generate-ideas.ts 3000000 [SEED.md] > big.md
import { readFileSync } from 'node:fs';

export const BUILTIN_SECTIONS = `### Harborline

Harborline is a container registry mirror. Questions go to #harborline-gsoc on slack.

#### Garbage collection for unreferenced layers

-	Description: Deleted images leave their layers on disk. The goal is a mark-and-sweep collector that runs without stopping the registry, with metrics that show what was reclaimed.
-	Recommended Skills: Golang, Kubernetes, storage
-	Mentor(s): Ravi Kumar (@rkumar)
-	Issue: https://github.com/harborline/harborline/issues/128

#### Signed manifests in the mirror API

-	Description: Mirrors drop signatures today. Keep them, and verify them on pull when the client asks for it.
-	Recommended Skills: golang, cryptography
-	Mentors: Jane Doe (@jdoe)
-	Issue: https://github.com/harborline/harborline/issues/131

#### Web UI for replication rules

-	Description: Replication rules are edited as YAML. A small web page that lists, edits and tests them would help new users.
-	Recommended Skills: TypeScript, React
-	Mentor(s): Ana Souza (@asouza), Ravi Kumar (@rkumar)

### Kestrel Mesh

Kestrel Mesh is a service mesh data plane. See the [contributor guide](https://example.org/kestrel/contributing) first.

#### Benchmarks for the proxy

-	Description: Measure latency and memory of the proxy under realistic load and publish the results on every release.
-	Mentor(s): [Jane Doe](https://github.com/jdoe)
-	Recommended Skills: Rust, Golang, benchmarking
-	Issue: https://github.com/kestrel-mesh/kestrel/issues/77

#### Retry budgets per route

* Description: Retries can overload a sick service. Add a budget per route that caps retries as a share of requests.
* Recommended Skills: Rust, networking
* Mentor(s): Li Wei (@liwei-dev)
* Issue: https://github.com/kestrel-mesh/kestrel/issues/80

### Tidepool

#### Export metrics in OpenMetrics format

-	Description: Tidepool exports its own metrics format. Add an OpenMetrics endpoint and a migration guide.
-	Recommended Skills: Golang, Prometheus
-	Mentor(s): Tom Becker (@tbecker)
-	Issue: https://github.com/tidepool-io/tidepool/issues/12

`;

const HEADER = `Open Source Mentoring + Summer of Code
======================================

A generated project-ideas file (SoC Ideas benchmarks): project sections repeated with unique titles.

Project Ideas
-------------

`;

/** The project sections of a seed file: from its first \`### \` heading on (the header stays out). */
export function sectionsOf(seedText: string): string {
  const first = seedText.search(/^### /m);
  const body = first >= 0 ? seedText.slice(first) : seedText;
  return body.endsWith('\n') ? body : `${body}\n`;
}

/**
 * An idea file of about `targetBytes` UTF-16 code units (≈ bytes for these ASCII-heavy files).
 * Copy n of the sections has every \`###\`/\`####\` title suffixed with \` n\`, so titles stay unique.
 */
export function generateIdeaFile(targetBytes: number, seedText?: string): string {
  const sections = seedText !== undefined ? sectionsOf(seedText) : BUILTIN_SECTIONS;
  const parts: string[] = [HEADER];
  let size = HEADER.length;
  for (let copy = 1; size < targetBytes; copy++) {
    const numbered = sections.replace(/^(#{3,5} .*?)[ \t]*$/gm, `$1 ${copy}`);
    parts.push(numbered);
    size += numbered.length;
  }
  return parts.join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = Number(process.argv[2] ?? 300_000);
  const seedPath = process.argv[3];
  process.stdout.write(generateIdeaFile(target, seedPath ? readFileSync(seedPath, 'utf8') : undefined));
}
