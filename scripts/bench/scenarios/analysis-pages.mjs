// The analysis PAGES at each seeded scale (analysis.mjs times the domain functions alone): a cold
// open of the funnel page until it is painted, and the computations as the pages run them, beside
// the time the same page takes to simply read the records (Collection.live over the opportunities).
// The pages leave performance measures keyuan:funnel-read / -compute and
// keyuan:opp-analysis-read / -compute, and marks keyuan:funnel-painted / keyuan:opp-analysis-painted.

async function measure(page, name, n = 0) {
  await page.waitForFunction(([m, i]) => performance.getEntriesByName(m).length > i, [name, n], { timeout: 120_000 });
  return page.evaluate(([m, i]) => performance.getEntriesByName(m)[i].duration, [name, n]);
}

async function mark(page, name) {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, name, { timeout: 120_000 });
  return page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, name);
}

export default async function analysisPages({ url, newPage, workspaces, scales, median }) {
  const RUNS = Number(process.env.BENCH_RUNS || 3);
  const rows = [];
  for (const scale of scales) {
    const ws = workspaces[scale];
    if (!ws) continue;
    const r = { open: [], fRead: [], fCompute: [], oRead: [], oCustomer: [], oOwner: [] };
    for (let i = 0; i < RUNS; i++) {
      const page = await newPage();
      await page.goto(`${url}#/w/${ws}/analysis/funnel`);
      r.open.push(await mark(page, 'keyuan:funnel-painted'));
      r.fRead.push(await measure(page, 'keyuan:funnel-read'));
      r.fCompute.push(await measure(page, 'keyuan:funnel-compute'));
      await page.goto(`${url}#/w/${ws}/analysis/opportunities`);
      await mark(page, 'keyuan:opp-analysis-painted');
      r.oRead.push(await measure(page, 'keyuan:opp-analysis-read'));
      r.oCustomer.push(await measure(page, 'keyuan:opp-analysis-compute'));
      await page.goto(`${url}#/w/${ws}/analysis/opportunities?by=owner`);
      r.oOwner.push(await measure(page, 'keyuan:opp-analysis-compute', 1));
      await page.close();
    }
    const read = median(r.fRead);
    rows.push(
      { scale, name: 'page: cold open → funnel painted', value: median(r.open), unit: 'ms' },
      { scale, name: 'page: read the opportunities (Collection.live)', value: read, unit: 'ms' },
      { scale, name: 'page: funnel (filters, stage buckets, quotas)', value: median(r.fCompute), unit: 'ms', baseline: read },
      { scale, name: 'page: opportunity analysis by customer', value: median(r.oCustomer), unit: 'ms', baseline: median(r.oRead) },
      { scale, name: 'page: opportunity analysis by employee', value: median(r.oOwner), unit: 'ms', baseline: median(r.oRead) },
    );
  }
  return rows;
}
