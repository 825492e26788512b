// A test Worker (tests/node/worker.test.mjs): the package in the real Workers runtime, with a way
// to trap its wasm instance on purpose. POST /trap traps it; POST /classify classifies the body.
// Not deployed anywhere: it checks that a long-lived Worker survives a trapped instance.
import { classifyText } from 'datacloak';
import * as internal from 'datacloak/internal';

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    try {
      if (pathname === '/trap') {
        await internal.trap();
        return new Response('the trap did not trap\n', { status: 500 });
      }
      return new Response(`${await classifyText(request.body)}\n`, {
        headers: { 'x-datacloak-generation': String(internal.generation()) },
      });
    } catch (e) {
      return Response.json({ code: e.code, message: e.message, generation: internal.generation() }, { status: 500 });
    }
  },
};
