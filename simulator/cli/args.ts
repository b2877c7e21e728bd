/** Command-line arguments for `npm run sim`, parsed without dependencies. */

export interface CliArgs {
  file: string;
  seed?: number;
  json: boolean;
  timing: boolean;
  trace: string[];
  quiet: boolean;
}

export const USAGE = `usage: npm run sim -- <pipeline.yaml> [--seed N] [--json] [--timing] [--trace <record-id>]...

  <pipeline.yaml>   a pipeline spec (YAML or JSON), or a workspace folder of real configuration
                    files (AUTHORING.md, "Workspaces"); - reads standard input
  --seed N          overrides the spec's seed (0 … 4294967295)
  --json            prints the RunResult as one JSON object (byte-identical for the same spec and seed)
  --timing          adds wallMs to the output (makes --json output differ between runs)
  --trace ID        includes the hop-by-hop history of record ID (e.g. access-0.log:42) in the result
  -q, --quiet       prints only the summary line

exit codes: 0 ran · 1 the spec is invalid · 2 usage error`;

export function parseArgs(argv: readonly string[]): CliArgs | string {
  const args: CliArgs = { file: '', json: false, timing: false, trace: [], quiet: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--json') args.json = true;
      else if (a === '--timing') args.timing = true;
      else if (a === '-q' || a === '--quiet') args.quiet = true;
      else if (a === '--seed' || a.startsWith('--seed=')) {
        const raw = a.includes('=') ? a.slice(7) : value();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || n > 4294967295) return `--seed takes a whole number from 0 to 4294967295, not "${raw}"`;
        args.seed = n;
      } else if (a === '--trace' || a.startsWith('--trace=')) args.trace.push(a.includes('=') ? a.slice(8) : value());
      else if (a === '-h' || a === '--help') return 'help';
      else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
      else positional.push(a);
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (positional.length !== 1) return positional.length === 0 ? 'name a pipeline file' : `one pipeline file at a time (got ${positional.length})`;
  args.file = positional[0]!;
  return args;
}
