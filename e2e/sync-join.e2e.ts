import { describe, expect, it } from 'vitest';
import { createWorkspace, loadSampleCompany } from './lib';
import { becomeNewMember, expectCustomers, invite, join, peersOfThisFile, setSync } from './sync-helpers';

// A fresh peer joining a workspace whose groups are each larger than one message (the sample
// company: core ~790 KB, activities ~300 KB) stores what it received as received, from a worker
// (store/core/idb-writer.ts), and keeps it: after a reload with sync off it is all there.

const { url: signalingUrl, peer } = peersOfThisFile();

describe('joining a large workspace', () => {
  it('a fresh peer keeps the sample company it received after a reload with sync off', async () => {
    const A = await peer();
    A.wsId = await createWorkspace(A.page, '示例公司组', '王老师');
    await loadSampleCompany(A.page);
    await setSync(A.page, A.wsId, { signaling: [signalingUrl()] });
    const { code, password } = await invite(A.page, A.wsId);
    const onA = await expectCustomers(A.page, A.wsId, ['KH']);
    const codes = onA.map((r) => /\bKH\d+\b/.exec(r)?.[0]).filter((c): c is string => !!c).slice(0, 8);
    expect(codes.length).toBeGreaterThan(3);

    const C = await peer();
    C.wsId = await join(C.page, code, password);
    await becomeNewMember(C.page, '新同学');
    const received = await expectCustomers(C.page, C.wsId, codes, 60_000);
    expect(received.length).toBe(onA.length);
    const workerUsed = await C.page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('idb-writer')));
    expect(workerUsed).toBe(true);

    await setSync(C.page, C.wsId, { enabled: false });
    await C.page.reload();
    const stored = await expectCustomers(C.page, C.wsId, codes, 15_000);
    expect(stored.length).toBe(onA.length);
    expect(A.errors).toEqual([]);
    expect(C.errors).toEqual([]);
  });
});
