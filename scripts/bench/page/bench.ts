// The bench page: seeds datasets into real IndexedDB (the app's own store and the plain-JSON
// baseline) and measures the baseline read. Built only by `npm run bench`, never shipped.
import * as Y from 'yjs';
import { benchDataset, type SampleData } from '../../../src/domain/sample';
import { Workspace, docDbName } from '../../../src/store/core/workspace';
import { GROUPS } from '../../../src/domain/registry';
import { join, type Part } from '../../../src/store/core/persistence';
import { localDb } from '../../../src/store/core/local-db';
import { loadDataset } from '../../../src/store/sample/load';
import { seedWorkspace } from '../../../src/store/org/setup';
import { funnel, forecast, opportunityAnalysis } from '../../../src/domain/sales';
import { analyzeService } from '../../../src/domain/service';
import { allDues, arrearsBy, overdueInstalments, customerValues, moneyByOrder, pyramid, type Measure } from '../../../src/domain/finance';
import { valueData } from '../../../src/store/finance/reads';

const BASELINE_DB = 'keyuan-bench-baseline';

function idb<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
}

function openBaseline(): Promise<IDBDatabase> {
  const req = indexedDB.open(BASELINE_DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore('records');
  return idb(req);
}

/** The baseline: every record as a JSON string in one object store. */
async function writeBaseline(data: SampleData): Promise<void> {
  const db = await openBaseline();
  const tx = db.transaction('records', 'readwrite');
  const store = tx.objectStore('records');
  store.clear();
  for (const [name, rows] of Object.entries(data)) for (const r of rows) store.put(JSON.stringify(r), `${name}/${r.id}`);
  await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
  db.close();
}

/**
 * A year of orders and finance beside the company scale, in the shape of the orders and finance
 * entities (domain/orders, domain/finance): 20,000 orders with 60,000 lines, 10,000 deliveries with
 * their lines, 40,000 receipts and 20,000 expenses (issue 12's bench), in the `orders` group.
 */
function yearOfOrders(data: SampleData): SampleData {
  const customers = data.customers;
  const out: SampleData = { orders: [], orderLines: [], deliveries: [], deliveryLines: [], receipts: [], expenses: [] };
  const day = (i: number) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  for (let i = 0; i < 20_000; i++) {
    const c = customers[i % customers.length];
    const id = `o${i}`;
    out.orders.push({ id, code: `DD-u${i % 40}-${String(i).padStart(6, '0')}`, customerId: c.id, ownerId: c.ownerId, type: i % 9 ? 'standard' : 'special', status: ['draft', 'approved', 'executing', 'completed'][i % 4], date: day(i), note: `订单备注 ${i}` });
    for (let l = 0; l < 3; l++) out.orderLines.push({ id: `${id}.L${l}`, orderId: id, seq: l, productId: `p${(i + l) % 300}`, quantity: 1 + ((i + l) % 20), unitPrice: 100 + ((i * 7 + l) % 900), rate: 0.9, costPrice: 60 + ((i + l) % 400) });
    if (i % 2 === 0) {
      out.deliveries.push({ id: `d${i}`, code: `FH-u${i % 40}-${String(i).padStart(6, '0')}`, orderId: id, date: day(i + 3), note: '发货' });
      out.deliveryLines.push({ id: `d${i}.L0`, deliveryId: `d${i}`, orderLineId: `${id}.L0`, quantity: 1 + (i % 20) });
    }
    for (let k = 0; k < 2; k++) out.receipts.push({ id: `r${i}.${k}`, code: `SK-u${i % 40}-${i}-${k}`, orderId: id, customerId: c.id, ownerId: c.ownerId, date: day(i + 10 + k * 30), amount: 500 + ((i + k) % 5000), method: 'transfer' });
    out.expenses.push({ id: `e${i}`, code: `FY-u${i % 40}-${i}`, customerId: c.id, orderId: id, ownerId: c.ownerId, date: day(i + 5), amount: 50 + (i % 800), kind: 'travel', status: 'approved' });
  }
  return out;
}

/** Seed a workspace of the given scale into the app's real store and register it on this device. */
async function seed(scale: 'class' | 'company' | 'orders'): Promise<{ workspaceId: string; records: number; updateBytes: number }> {
  const data = scale === 'orders' ? { ...benchDataset('company') } : benchDataset(scale);
  if (scale === 'orders') Object.assign(data, yearOfOrders(data));
  const id = `bench${scale}`;
  for (const g of GROUPS) await indexedDB.deleteDatabase(docDbName(id, g));
  const ws = await Workspace.open(id);
  const adminId = seedWorkspace(ws, `Bench ${scale}`, 'Bench');
  const records = loadDataset(ws, data);
  const updateBytes = [...ws.docs.values()].reduce((n, d) => n + Y.encodeStateAsUpdate(d).byteLength, 0);
  await ws.close();
  await localDb().workspaces.put({ id, name: `Bench ${scale}`, room: `bench-${id}`, password: 'bench', createdAt: Date.now(), lastOpenedAt: Date.now() });
  await localDb().identities.put({ workspaceId: id, userId: adminId });
  await writeBaseline(data);
  // reopen once so the data is known to be persisted, not just queued
  const check = await Workspace.open(id);
  const persisted = check.collection('customers').size;
  await check.close();
  if (persisted !== data.customers.length) throw new Error(`persisted ${persisted} of ${data.customers.length} customers`);
  return { workspaceId: id, records, updateBytes };
}

/**
 * The analyses at this scale, each beside the time to simply read the records it needs:
 * funnel + forecast + opportunity analysis (by customer and by owner) and service analysis; with
 * orders, the money analyses as the finance pages run them: every order's instalment dues with
 * arrears by customer and by rep and the dunning list, and the five value pyramids over a year.
 */
async function analyses(id: string): Promise<Record<string, number>> {
  const ws = await Workspace.open(id);
  await ws.loaded; // open resolves with core; activities, service and orders load right after
  const time = (fn: () => unknown) => { const t0 = performance.now(); fn(); return performance.now() - t0; };
  const runs = (fn: () => unknown) => { const xs = [0, 1, 2, 3, 4].map(() => time(fn)).sort((a, b) => a - b); return xs[2]; };
  const read = () => ({
    opps: ws.collection('opportunities').live(), stages: ws.collection('salesStages').live(), service: ws.collection('serviceRecords').live(),
  });
  const t0 = performance.now();
  const d = read();
  const firstReadMs = performance.now() - t0; // parses every record it reads (store/core/codec.ts)
  const out = {
    firstReadMs,
    readMs: runs(read),
    opportunities: d.opps.length,
    serviceRecords: d.service.length,
    funnelMs: runs(() => { funnel(d.opps, d.stages, 'standard'); forecast(d.opps); }),
    opportunityAnalysisMs: runs(() => { opportunityAnalysis(d.opps, 'customer'); opportunityAnalysis(d.opps, 'owner'); }),
    serviceAnalysisMs: runs(() => analyzeService(d.service, { groupBy: 'handlerId' })),
    ...moneyAnalyses(ws, runs),
  };
  await ws.close();
  return out;
}

const MEASURES: Measure[] = ['revenue', 'profit', 'expense', 'arrears', 'loyalty'];

/** Arrears and dunning, and the five pyramids (revenue on orders) over the year, beside reading their records. */
function moneyAnalyses(ws: Workspace, runs: (fn: () => unknown) => number): Record<string, number> {
  const orders = ws.collection('orders').size;
  if (!orders) return { orders: 0 };
  const t0 = performance.now();
  valueData(ws);
  const moneyFirstReadMs = performance.now() - t0;
  const data = valueData(ws);
  const day = '2026-12-31';
  const period = { from: '2026-01-01', to: day };
  return {
    orders,
    moneyFirstReadMs,
    moneyReadMs: runs(() => valueData(ws)),
    // the first computation on a page groups the orders with their lines and money (kept per data object after)
    groupMs: runs(() => moneyByOrder({ ...data })),
    arrearsMs: runs(() => { const dues = allDues(data); arrearsBy(dues, 'customerId', day); arrearsBy(dues, 'ownerId', day); overdueInstalments(dues, day); }),
    pyramidsMs: runs(() => { for (const m of MEASURES) pyramid(customerValues(data, m, period, 'orders')); }),
    pyramidWorstMs: Math.max(...MEASURES.map((m) => runs(() => pyramid(customerValues(data, m, period, 'orders'))))),
  };
}

/**
 * Many small edits, each its own transaction and so its own y-indexeddb row (y-indexeddb compacts
 * only after 500 rows and 1 s of quiet; closing at once leaves every row for the next open).
 */
async function smallEdits(id: string, n: number): Promise<{ rows: number }> {
  const ws = await Workspace.open(id);
  const customers = ws.collection('customers').live().slice(0, n);
  customers.forEach((c, i) => ws.transact(() => ws.collection('customers').update(c.id, { notes: `edit ${i}` })));
  await ws.close();
  const db = await idb(indexedDB.open(docDbName(id)));
  const rows = await idb(db.transaction('updates').objectStore('updates').count());
  db.close();
  return { rows };
}

/** Where a cold open's time goes: reading the stored rows (every group), Yjs decoding them, our observers. */
async function probeOpen(id: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const byGroup = new Map<string, { stored: (Uint8Array | Part)[]; rows: Uint8Array[] }>();
  for (const g of GROUPS) {
    const db = await idb(indexedDB.open(docDbName(id, g)));
    const stored = await idb(db.transaction('updates').objectStore('updates').getAll()) as (Uint8Array | Part)[];
    db.close();
    byGroup.set(g, { stored, rows: joinParts(stored) });
  }
  const all = [...byGroup.values()];
  const largestValue = Math.max(...all.flatMap((x) => x.stored.map((r) => (r instanceof Uint8Array ? r : r.b).byteLength)));
  const t1 = performance.now();
  for (const { rows } of all) {
    const bare = new Y.Doc();
    bare.transact(() => rows.forEach((u) => Y.applyUpdate(bare, u)));
  }
  const t2 = performance.now();
  const ws = new Workspace('probe');
  for (const [g, { rows }] of byGroup) {
    const doc = ws.docs.get(g)!;
    doc.transact(() => rows.forEach((u) => Y.applyUpdate(doc, u)), 'probe');
  }
  const t3 = performance.now();
  return {
    rows: all.reduce((n, x) => n + x.stored.length, 0), bytes: all.reduce((n, x) => n + x.rows.reduce((m, u) => m + u.byteLength, 0), 0),
    largestValue, idbReadMs: t1 - t0, yjsApplyMs: t2 - t1, withObserversMs: t3 - t2,
  };
}

/** Stored rows as updates: parts of one large update (store/core/persistence.ts) joined. */
function joinParts(stored: (Uint8Array | Part)[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (const r of stored) {
    if (r instanceof Uint8Array) { out.push(r); continue; }
    parts.push(r.b);
    if (parts.length === r.n) { out.push(join(parts)); parts = []; }
  }
  return out;
}

Object.assign(window, { keyuanBench: { seed, analyses, probeOpen, smallEdits } });
document.getElementById('out')!.textContent = 'ready';
