import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { safeName, writeFileDurably } from './files';

/**
 * SQLite persistence without native code: sql.js (SQLite compiled to WebAssembly, from npm alone)
 * holds one small database per document — `<data>/docs/<name>.sqlite`, the table Hocuspocus's own
 * SQLite extension uses (`documents(name, data)`) — and the file is written whole, durably
 * (writeFileDurably), each time Hocuspocus stores the document. One file per document keeps a
 * write proportional to that document (a workspace is split into document groups), and a
 * crash leaves the previous file intact. sqlite3/better-sqlite3 would need a prebuilt binary
 * from GitHub or a compiler on the server.
 */
export class SqliteStore {
  private constructor(private readonly SQL: SqlJsStatic, readonly dir: string) {}

  static async open(dataDir: string): Promise<SqliteStore> {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
    const SQL = await initSqlJs({ wasmBinary: wasm });
    return new SqliteStore(SQL, join(dataDir, 'docs'));
  }

  private file(documentName: string): string {
    return join(this.dir, `${safeName(documentName)}.sqlite`);
  }

  /** The stored state of a document (a Yjs update), or null. */
  async fetch(documentName: string): Promise<Uint8Array | null> {
    const path = this.file(documentName);
    if (!existsSync(path)) return null;
    const db = new this.SQL.Database(readFileSync(path));
    try {
      const rows = db.exec('SELECT data FROM documents WHERE name = ?', [documentName]);
      const v = rows[0]?.values[0]?.[0];
      return v instanceof Uint8Array ? v : null;
    } finally {
      db.close();
    }
  }

  async store(documentName: string, doc: Y.Doc): Promise<void> {
    const db = new this.SQL.Database();
    try {
      db.run('CREATE TABLE documents (name VARCHAR(255) NOT NULL PRIMARY KEY, data BLOB NOT NULL)');
      db.run('INSERT INTO documents (name, data) VALUES (?, ?)', [documentName, Y.encodeStateAsUpdate(doc)]);
      writeFileDurably(this.file(documentName), db.export());
    } finally {
      db.close();
    }
  }

  /** Names of every stored document. */
  names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter((f) => f.endsWith('.sqlite')).map((f) => f.slice(0, -'.sqlite'.length));
  }
}
