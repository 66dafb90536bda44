import type { Command } from '../command';
import { type CommandName, USAGE } from '../usage';

export interface CommandEntry {
  name: CommandName;
  usage: string;
  /** The command's module, loaded only when the command runs: each pulls in only the part of the core it needs. */
  load: () => Promise<Command>;
}

const entry = (name: CommandName, load: () => Promise<Command>): CommandEntry => ({
  name,
  usage: USAGE[name],
  load,
});

// Every CLI command, in the order --help lists them; an area of the product adds its commands in its own module
// and lists them here.
export const commands: CommandEntry[] = [
  entry('init', async () => (await import('./project')).init),
  entry('import', async () => (await import('./importExport')).importCommand),
  entry('search', async () => (await import('./corpus')).search),
  entry('attrs', async () => (await import('./corpus')).attrs),
  entry('docs', async () => (await import('./project')).docs),
  entry('show', async () => (await import('./project')).show),
  entry('domains', async () => (await import('./project')).domains),
  entry('domain', async () => (await import('./codebook')).domain),
  entry('codebook', async () => (await import('./codebook')).codebook),
  entry('analyst', async () => (await import('./codebook')).analyst),
  entry('tag', async () => (await import('./claims')).tag),
  entry('claims', async () => (await import('./claims')).claims),
  entry('autocode', async () => (await import('./codebook')).autocode),
  entry('grid', async () => (await import('./analysis')).grid),
  entry('compare', async () => (await import('./analysis')).compare),
  entry('cooccurrence', async () => (await import('./analysis')).cooccurrence),
  entry('export', async () => (await import('./exchange')).exportCommand),
  entry('import-qdpx', async () => (await import('./exchange')).importQdpxCommand),
  entry('import-qdc', async () => (await import('./exchange')).importQdcCommand),
  entry('agreement', async () => (await import('./teamwork')).agreement),
  entry('merge', async () => (await import('./teamwork')).merge),
  entry('copy-for', async () => (await import('./teamwork')).copyFor),
  entry('projects', async () => (await import('./projects')).projects),
  entry('serve', async () => (await import('./project')).serve),
  entry('backup', async () => (await import('./backups')).backup),
  entry('backups', async () => (await import('./backups')).backups),
  entry('restore', async () => (await import('./backups')).restore),
  entry('memo', async () => (await import('./memos')).memo),
  entry('memos', async () => (await import('./memos')).memos),
  entry('set', async () => (await import('./sets')).set),
  entry('sets', async () => (await import('./sets')).sets),
  entry('suggest', async () => (await import('./suggest')).suggest),
  entry('model', async () => (await import('./suggest')).model),
];
