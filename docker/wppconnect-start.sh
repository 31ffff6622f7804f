#!/bin/sh
# Entry point of the `wppconnect` profile's wppconnect-server (docker/docker-compose.yml): writes
# its configuration from docker/wppconnect-server.json plus the secret key and the webhook URL
# taken from the environment, then starts the server with that file. The secrets thus never sit
# on a command line, where `ps` and `docker inspect` would show them.
set -eu
umask 077
config=/tmp/wppconnect-server.json
node -e '
const fs = require("fs");
const [from, to] = process.argv.slice(1);
const config = JSON.parse(fs.readFileSync(from, "utf8"));
for (const name of ["WPPCONNECT_SECRET_KEY", "WPPCONNECT_WEBHOOK_URL"]) {
  if (!process.env[name]) {
    console.error("wppconnect-start: " + name + " is not set");
    process.exit(2);
  }
}
config.secretKey = process.env.WPPCONNECT_SECRET_KEY;
config.webhook = Object.assign({}, config.webhook, { url: process.env.WPPCONNECT_WEBHOOK_URL });
fs.writeFileSync(to, JSON.stringify(config, null, 2));
' /etc/wppconnect/server.json "$config"
unset WPPCONNECT_SECRET_KEY WPPCONNECT_WEBHOOK_URL
exec node bin/wppserver.js --config "$config" "$@"
