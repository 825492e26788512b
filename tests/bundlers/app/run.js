// What each fixture page does with the package, as an app would: classify a CSV on the page's
// thread and in a Web Worker, and ask the worker's build whether it has threads. Each step is
// recorded on its own, so one failure does not hide the others.
export async function run(dc, { badInput = false } = {}) {
  const labels = (report) => Object.fromEntries(report.columns.map((c) => [c.name, c.label]));
  const step = async (f) => {
    try {
      return { ok: await f() };
    } catch (e) {
      return { error: String(e?.message ?? e), code: e?.code };
    }
  };
  const csv = await (await fetch('./customers.csv')).text();
  // An input a worker cannot be sent (an async iterable): refused with a coded error.
  const refused = badInput
    ? await step(() => dc.classifyInWorker((async function* chunks() {
      yield csv;
    })()))
    : undefined;
  window.datacloakResult = {
    refused,
    isolated: globalThis.crossOriginIsolated === true,
    main: await step(async () => labels(await dc.classify(csv))),
    worker: await step(async () => labels(await dc.classifyInWorker(csv))),
    info: await step(async () => {
      const { threads, simd } = await dc.infoInWorker();
      return { threads, simd };
    }),
  };
}
