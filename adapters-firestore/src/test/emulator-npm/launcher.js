// Starts @firestore-emulator/server on a given loopback host and port for the Java tests.
// Usage: node launcher.js --host 127.0.0.1 --port 8123
// Protocol (stdout, one line each): "ready HOST:PORT" once it listens; the line "reset" on stdin
// clears every document and is answered "reset". It exits when stdin closes, so it never outlives
// the JVM that started it. Diagnostics go to stderr.
"use strict";

const readline = require("node:readline");
const { FirestoreServer } = require("@firestore-emulator/server");
const { ServerCredentials } = require("@grpc/grpc-js");

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const host = arg("host", "127.0.0.1");
const port = Number(arg("port", "8080"));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`launcher: bad --port ${arg("port")}`);
  process.exit(2);
}

// An unimplemented feature throws inside a gRPC handler; keep serving the other calls.
process.on("uncaughtException", (e) => console.error("launcher: uncaught:", e && e.stack ? e.stack : e));

const emulator = new FirestoreServer();
// FirestoreServer.start(port) binds 0.0.0.0; bind its gRPC server to the requested host instead.
const grpcServer = emulator.server;
grpcServer.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (err, bound) => {
  if (err) {
    console.error(`launcher: cannot listen on ${host}:${port}: ${err.message}`);
    process.exit(1);
  }
  process.stdout.write(`ready ${host}:${bound}\n`);
});

const shutdown = () => {
  grpcServer.forceShutdown();
  process.exit(0);
};
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "reset") {
    emulator.state.clear();
    process.stdout.write("reset\n");
  }
}).on("close", shutdown);
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
