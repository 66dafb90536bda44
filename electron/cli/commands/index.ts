import type { Command } from '../command';
import { compare, cooccurrence, grid } from './analysis';
import { claims, tag } from './claims';
import { analyst, autocode, codebook, domain } from './codebook';
import { attrs, search } from './corpus';
import { exportCommand, importQdcCommand, importQdpxCommand } from './exchange';
import { importCommand } from './importExport';
import { docs, domains, init, serve, show } from './project';

// Every CLI command; an area of the product adds its commands in its own module and lists them here.
export const commands: Command[] = [
  init,
  importCommand,
  search,
  attrs,
  docs,
  show,
  domains,
  domain,
  codebook,
  analyst,
  tag,
  claims,
  autocode,
  grid,
  compare,
  cooccurrence,
  exportCommand,
  importQdpxCommand,
  importQdcCommand,
  serve,
];
