// The `dovetail` command line. Each command's module is loaded only when that command runs, so
// `dovetail --help` and quick commands start fast.
import { readFileSync } from 'node:fs';
import { Argument, Command, Option } from 'commander';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Loads a command's module. Commands validate each schema a few times only, where compiling zod's
 * fast paths costs more than it saves, so they run zod without them.
 */
async function command<T>(load: () => Promise<T>): Promise<T> {
  const { config } = await import('./zod-config.js');
  config({ jitless: true });
  return load();
}

const formats = (...values: string[]) =>
  new Option('--format <format>', 'output format').choices(values).default(values[0]);

export function program(): Command {
  const cli = new Command('dovetail')
    .description(
      'Find ML mismatch: check what data scientists, software engineers and operations assume about an ML-enabled system.',
    )
    .version(packageVersion())
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });

  cli
    .command('init')
    .description('create a system folder: dovetail.yaml and one commented descriptor per kind')
    .argument('[dir]', 'folder to create or fill', '.')
    .option('--name <name>', 'name of the system (default: the folder name)')
    .action(async (dir: string, opts: { name?: string }) =>
      (await command(() => import('./commands/init.js'))).init(dir, opts),
    );

  cli
    .command('validate')
    .description('validate descriptors: schema, units, references (exit 2 when invalid)')
    .argument('[paths...]', 'system folder, descriptor files, TEC documents, folder or zip', ['.'])
    .addOption(formats('text', 'json'))
    .action(async (paths: string[], opts: { format: 'text' | 'json' }) =>
      (await command(() => import('./commands/validate.js'))).validate(paths, opts),
    );

  cli
    .command('check')
    .description('find mismatches between the descriptors (exit 1 when findings reach --fail-on)')
    .argument('[paths...]', 'system folder, descriptor files, TEC documents, folder or zip', ['.'])
    .addOption(formats('text', 'json', 'markdown', 'html', 'sarif', 'junit'))
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails the run')
        .choices(['error', 'warning', 'info', 'none'])
        .default('error'),
    )
    .option('--rule <id...>', 'run only these rules (category/* for a whole category)')
    .option('--category <category...>', 'run only the rules of these categories')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(async (paths: string[], opts) => (await command(() => import('./commands/check.js'))).check(paths, opts));

  cli
    .command('rules')
    .description('list the rules, or show one in full')
    .argument('[id]', 'rule id, e.g. computing-resource/production-resources')
    .addOption(formats('text', 'json'))
    .option('--write-docs <dir>', 'write the rule reference pages (docs/rules) into this folder')
    .action(async (id: string | undefined, opts) =>
      (await command(() => import('./commands/rules.js'))).rules(id, opts),
    );

  cli
    .command('profile')
    .description('profile a data file (CSV, TSV, Parquet, JSON Lines, Arrow IPC; - for stdin) into a mergeable summary')
    .usage('<data> [options] | merge <profiles...> --out <file>')
    .argument('<data>', 'data file, - for JSON Lines on stdin, or `merge` followed by profile files')
    .argument('[more...]', 'with `merge`: the profiles to merge')
    .addOption(formats('text', 'json'))
    .option('-o, --out <file>', 'write the profile (JSON) to this file')
    .option('--type <column=type...>', 'override a column type, e.g. origin=category')
    .option('--data-format <format>', 'read as csv, tsv, parquet, jsonl or arrow whatever the extension')
    .option('--limit <rows>', 'profile only the first rows')
    .option('--into <descriptor>', 'fill this training-data or production-data descriptor from the profile')
    .option('--label <column>', 'with --into: the label column, whose value shares fill `distribution`')
    .action(async (data: string, more: string[], opts) =>
      (await command(() => import('./commands/profile.js'))).profile(data, more, opts),
    );

  cli
    .command('compare')
    .description('compare current data with reference data, column by column (exit 1 on dataset drift)')
    .argument('<reference>', 'reference data file (CSV, TSV, Parquet, JSON Lines, Arrow IPC) or profile (.json)')
    .argument('<current>', 'current data file or profile')
    .addOption(formats('text', 'json', 'html'))
    .addOption(
      new Option('--method <method>', 'use this method for every column it fits').choices([
        'ks',
        'wasserstein',
        'psi',
        'chi-square',
        'jensen-shannon',
      ]),
    )
    .option('--alpha <alpha>', 'significance level before the Bonferroni correction (default 0.01)')
    .option('--threshold <threshold>', 'threshold of the effect size (tests) or the distance, instead of the default')
    .option('--dataset-threshold <share>', 'share of drifted columns that makes the dataset drift (default 0.5)')
    .option('--type <column=type...>', 'override a column type of the data files, e.g. origin=category')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    // Usage errors exit 2 like other invalid input: 1 means dataset drift.
    .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
    .action(async (reference: string, current: string, opts) =>
      (await command(() => import('./commands/compare.js'))).compare(reference, current, opts),
    );

  cli
    .command('schema')
    .description('print the JSON Schema of a descriptor kind (or of dovetail.yaml)')
    .argument('[kind]', 'descriptor kind, or "project" for dovetail.yaml; omit to list the kinds')
    .option('--out <dir>', 'write every schema into this folder instead')
    .action(async (kind: string | undefined, opts: { out?: string }) =>
      (await command(() => import('./commands/schema.js'))).schema(kind, opts),
    );

  cli
    .command('import')
    .description('convert descriptors from another format into a Dovetail system folder')
    .addArgument(new Argument('<format>', 'source format').choices(['tec']))
    .argument('<path>', 'TEC document, folder of documents or project zip')
    .requiredOption('--out <dir>', 'folder to write the Dovetail system into')
    .option('--name <name>', 'name of the system (default: the folder or zip name)')
    .option('--force', 'overwrite existing files')
    .action(async (_format: string, path: string, opts: { out: string; name?: string; force?: boolean }) =>
      (await command(() => import('./commands/tec.js'))).importTecCommand(path, opts),
    );

  cli
    .command('export')
    .description('write a system in another format')
    .addArgument(new Argument('<format>', 'target format').choices(['tec']))
    .argument('<dir>', 'Dovetail system folder (or any input validate accepts)')
    .requiredOption('--out <file>', 'zip file to write (TEC 1.2 documents, named as TEC names them)')
    .option('--force', 'overwrite an existing file')
    .action(async (_format: string, dir: string, opts: { out: string; force?: boolean }) =>
      (await command(() => import('./commands/tec.js'))).exportTecCommand(dir, opts),
    );

  cli
    .command('serve')
    .description('run the monitor: an HTTP service that ingests events and feedback and tracks findings')
    .argument('[systems...]', 'system folders or TEC input, one system each', ['.'])
    .option('--port <port>', 'port to listen on (0 for any free port)', '7070')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <db>', 'SQLite file or postgres:// URL (default: .dovetail/dovetail.sqlite in each system folder)')
    .option(
      '--instance <name>',
      'name of this instance, kept across restarts, when several share one --db (default: a new random id each start)',
    )
    .option('--window <duration>', "window length, e.g. 5m (default: the system's window setting, else 5m)")
    .option('--window-events <n>', 'close a window after n events, before its end if need be')
    .option(
      '--retain <duration>',
      "delete raw events older than this, hourly (default: the system's retention, or keep)",
    )
    .option('--proxy <url>', 'model server to sit in front of: forward every request to it and record its predictions')
    .option('--protocol <protocol>', "with --proxy: the model server's protocol: kserve-v2, mlflow, tfserving or json")
    .option(
      '--model <name>',
      'with --proxy: the trained model the predictions are recorded for (default: the one the URL names, or the only one)',
    )
    .option(
      '--inputs-path <path>',
      'with --protocol json: where the request holds the inputs, e.g. instances (dotted keys)',
    )
    .option('--outputs-path <path>', 'with --protocol json: where the answer holds the outputs, e.g. result.scores')
    .option(
      '--webhook <url>',
      "POST a message there when a finding opens or resolves, for every system (repeatable; beside the systems' settings.webhooks)",
      (url: string, urls: string[] = []) => [...urls, url],
    )
    .action(async (paths: string[], opts) => (await command(() => import('./commands/serve.js'))).serve(paths, opts));

  return cli;
}

export async function main(argv: string[]): Promise<void> {
  // `dovetail ... | head` closes the pipe early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await program().parseAsync(argv);
  } catch (e) {
    process.stderr.write(`dovetail: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
