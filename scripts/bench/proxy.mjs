// A byte-counting TCP relay in front of the real server (scripts/serve.mjs), on 127.0.0.1 only.
// It sees every request the browser makes — the page's and the service worker's — so "bytes from
// the network" is what actually crossed the socket (headers included). `down` makes it refuse
// every connection: the app is then really offline (the server is unreachable), not emulated.
import { createServer, connect } from "node:net";

export async function startProxy(targetPort) {
  const state = { bytesDown: 0, bytesUp: 0, requests: [], down: false, sockets: new Set() };
  const server = createServer((client) => {
    if (state.down) return client.destroy();
    state.sockets.add(client);
    const upstream = connect(targetPort, "127.0.0.1");
    upstream.on("data", (chunk) => {
      state.bytesDown += chunk.length;
      client.write(chunk);
    });
    client.on("data", (chunk) => {
      state.bytesUp += chunk.length;
      // Request lines (keep-alive may carry several requests on one connection).
      for (const m of String(chunk).matchAll(/^(GET|HEAD|POST) (\S+) HTTP\/1\.[01]\r$/gm)) state.requests.push(m[2]);
      upstream.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      state.sockets.delete(client);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    port: server.address().port,
    reset() {
      state.bytesDown = 0;
      state.bytesUp = 0;
      state.requests = [];
    },
    snapshot: () => ({ bytesDown: state.bytesDown, bytesUp: state.bytesUp, requests: [...state.requests] }),
    setDown(down) {
      state.down = down;
      if (down) for (const s of state.sockets) s.destroy();
    },
    close: () => new Promise((ok) => { for (const s of state.sockets) s.destroy(); server.close(ok); }),
  };
}
