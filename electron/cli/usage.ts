// Every command's usage line, here rather than in the command's module: `dossier --help` prints them all without
// loading any command (each is loaded only when it runs, see commands/index.ts) nor the contract (zod). The export
// formats and position units are therefore spelled out; tests/unit/cli/usage.test.ts checks them against
// EXPORT_FORMATS and QDPX_POSITIONS.
export const USAGE_EXPORT_FORMATS = 'csv|xlsx|w3c|md|html|docx|qdpx|qdc';
export const USAGE_QDPX_POSITIONS = 'codepoints|utf16';

export const DOMAIN_USAGE = [
  'dossier domain add <project> <name> [--parent <name>] [--color #rrggbb] [--description <text>]',
  'dossier domain rename <project> <name> <new name>',
  'dossier domain merge <project> <source> <target> [--dry-run]',
  'dossier domain delete <project> <name> [--dry-run] [--force]   (--force also deletes claims left with no domain)',
];

export const USAGE = {
  init: 'dossier init <project> [--codebook defence-diplomacy|empty]',
  import:
    'dossier import <project> <file-or-folder>… [--attrs-from-path "{country}_{year}.txt"] [--metadata sheet.csv] [--max-size 200MB] [--password <p>] [--ocr-lang eng,ukr]',
  search: 'dossier search <project> <query> [--limit N] [--claims]',
  attrs: 'dossier attrs <project> [--doc <id> [name=value…]]',
  docs: 'dossier docs <project>',
  show: 'dossier show <project> <docId>',
  domains: 'dossier domains <project>',
  domain: DOMAIN_USAGE.join('\n  '),
  codebook:
    'dossier codebook export <project> [--out <file.json>] | dossier codebook apply <project> <template name | file.json>',
  analyst: 'dossier analyst <project> [<name>]   (shows or sets the analyst recorded on claims and edits)',
  tag: 'dossier tag <project> --doc <id> --quote <text> [--occurrence N] --domain <name>… [--note <text>] [--actor <name>] [--stance supports|opposes|neutral] [--grading <B2|B|2>]',
  claims: 'dossier claims <project> [--doc <id>] [--domain <name>]',
  autocode:
    'dossier autocode <project> --pattern <text> [--regex] [--case-sensitive] [--whole-word] [--doc <id>] [--context hit|sentence|paragraph|words:N (what each claim is; default the hit)] --domain <name>… [--note <text>] [--limit N] [--dry-run]',
  grid: 'dossier grid <project> [--rows documents|source|published[:month]|set|set:<id>,<id>|attr:<name>[:year|:month]] [--measure count|docs|coverage|words] [--json|--csv]',
  compare: 'dossier compare <project> <docA> <docB> [<docC> <docD>]',
  cooccurrence: 'dossier cooccurrence <project> [--json]',
  export: `dossier export <project> --format ${USAGE_EXPORT_FORMATS} --out <file> [--domain <name>…] [--doc <id>…] [--attr <name=value>…] [--analyst <name>…] [--grading <B2|B|2>…] [--bom] [--memos (md, html, docx: add the memos)] [--positions ${USAGE_QDPX_POSITIONS} (qdpx: codepoints for QualCoder, the default; utf16 for NVivo, MAXQDA, ATLAS.ti)]`,
  'import-qdpx': 'dossier import-qdpx <file.qdpx> <new-project>',
  'import-qdc': 'dossier import-qdc <project> <file.qdc>',
  agreement:
    'dossier agreement <project> --analysts <A> <B> [<C>…] [--domain <name>…] [--doc <id>…] [--threshold 90] [--json]',
  merge:
    'dossier merge <project> <other.dossier|other.qdpx> [--dry-run] [--domains keep-ours|take-theirs] [--json]   (one undoable step)',
  'copy-for':
    'dossier copy-for <project> <new.dossier> [--analyst <name>]   (same documents and codebook; that analyst’s claims, or none)',
  backup: 'dossier backup <project>   (into the backups folder beside the project)',
  backups: 'dossier backups <project> [--json]   (newest first: path, date, documents, claims)',
  restore: 'dossier restore <project> <backup path>   (the state before is kept as a backup first)',
  memo: 'dossier memo add <project> --title <t> --text <markdown> [--doc <id>] [--claim <id>]',
  memos: 'dossier memos <project> [--doc <id>] [--claim <id>] [--json]   (most recently changed first)',
  set: [
    'dossier set add <project> <name> [--doc <id>…]',
    'dossier set assign <project> <name> --doc <id>…   (also unassign)',
    'dossier set rename <project> <name> <new name>',
    'dossier set delete <project> <name>   (its documents stay)',
  ].join('\n  '),
  sets: 'dossier sets <project> [--json]   (document sets by name, with documents and claims)',
  suggest:
    'dossier suggest <project> [--doc <id>…] [--domain <name>…] [--min-score X] [--json]   (sentences the model learnt from your claims scores as likely claims)',
  model:
    'dossier model <project> [--json]   (the suggestion model: per domain, claims and cross-validated precision and recall)',
  projects:
    "dossier projects [--data-dir <dir>] [--json]   (the data folder's projects: name, path, documents, claims, modified)",
  serve:
    'dossier serve [<project>] [--port N] [--data-dir <dir>]   (no project: the last one opened; the sample on a first start)',
} as const;

export type CommandName = keyof typeof USAGE;
