import type { LookupAddress } from 'node:dns';
import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';

/**
 * The name → addresses table of a hosts file (`/etc/hosts`), answered in the process: what
 * getaddrinfo's `files` source would answer, without a trip through libuv's threadpool.
 *
 * The file is read when first asked and again whenever its modification time or size changes (one
 * `stat` per question, a few microseconds), so an edit takes effect on the next check. Addresses keep
 * the file's order; names are compared in lower case. A file that cannot be read is an empty table.
 *
 * ## Example
 * ```ts
 * const hosts = new HostsTable('/etc/hosts');
 * hosts.addressesOf('printer.lan'); // [{ address: '10.1.1.1', family: 4 }]
 * hosts.addressesOf('example.com'); // undefined
 * ```
 */
export class HostsTable {
  private names = new Map<string, LookupAddress[]>();
  private version = '';

  /** @param file The hosts file. */
  constructor(private readonly file: string) {}

  /**
   * @param name A host name (any case).
   * @returns Its addresses in file order, or undefined when the file does not list it.
   */
  addressesOf(name: string): readonly LookupAddress[] | undefined {
    this.refresh();
    return this.names.get(name.toLowerCase());
  }

  /** Re-reads the file when its mtime or size changed since the last read. */
  private refresh(): void {
    const stat = statSync(this.file, { throwIfNoEntry: false });
    const version = stat === undefined ? 'missing' : `${stat.mtimeMs}|${stat.size}`;
    if (version === this.version) return;
    this.version = version;
    this.names = parseHosts(readOrEmpty(this.file));
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * @param text A hosts file's text.
 * @returns Each name (lower case) with its addresses, in file order; lines whose first field is not an IP are skipped.
 */
export function parseHosts(text: string): Map<string, LookupAddress[]> {
  const names = new Map<string, LookupAddress[]>();
  for (const line of text.split('\n')) {
    const fields = (line.split('#', 1)[0] ?? '').trim().split(/\s+/);
    const address = fields[0] ?? '';
    const family = isIP(address);
    if (family === 0) continue;
    for (let i = 1; i < fields.length; i++) {
      const name = (fields[i] as string).toLowerCase();
      let list = names.get(name);
      if (list === undefined) names.set(name, (list = []));
      if (!list.some((entry) => entry.address === address)) list.push({ address, family });
    }
  }
  return names;
}
